package org.casetrail.platform.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps a row onto a view record by name ({@code opened_at} fills {@code openedAt}) with Spring's
 * {@link DataClassRowMapper}, taught the two conversions the projections need: timestamptz columns become
 * {@link Instant}s, and text columns become enums (Spring's own).
 */
public final class Rows {

    private static final DefaultConversionService CONVERSIONS = new DefaultConversionService();

    static {
        CONVERSIONS.addConverter(Timestamp.class, Instant.class, Timestamp::toInstant);
        CONVERSIONS.addConverter(OffsetDateTime.class, Instant.class, OffsetDateTime::toInstant);
    }

    private Rows() {
    }

    public static <T> RowMapper<T> as(Class<T> type) {
        DataClassRowMapper<T> mapper = new DataClassRowMapper<>(type);
        mapper.setConversionService(CONVERSIONS);
        return mapper;
    }
}
