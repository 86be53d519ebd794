package org.casetrail.platform.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Conversions between event values and projection columns. */
public final class Sql {

    private Sql() {
    }

    public static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    /** Event times go into timestamptz columns in UTC. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
