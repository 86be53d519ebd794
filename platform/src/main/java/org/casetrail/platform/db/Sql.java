package org.casetrail.platform.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

/** Conversions between event values and projection columns. */
public final class Sql {

    private Sql() {
    }

    public static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    /** Ids as a uuid[] parameter, for {@code = ANY(?)}. */
    public static UUID[] uuids(Collection<String> ids) {
        return ids.stream().map(Sql::uuid).toArray(UUID[]::new);
    }

    /**
     * Event times go into timestamptz columns in UTC. An instant beyond what a date and time can show (an event
     * stored before the edge refused such values) becomes the furthest one, which the column holds as infinity.
     */
    public static OffsetDateTime utc(Instant instant) {
        if (instant == null) {
            return null;
        }
        if (instant.isAfter(LATEST)) {
            return OffsetDateTime.MAX;
        }
        return instant.isBefore(EARLIEST) ? OffsetDateTime.MIN : instant.atOffset(ZoneOffset.UTC);
    }

    private static final Instant LATEST = OffsetDateTime.MAX.toInstant();
    private static final Instant EARLIEST = OffsetDateTime.MIN.toInstant();

    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
