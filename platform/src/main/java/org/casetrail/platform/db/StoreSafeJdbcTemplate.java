package org.casetrail.platform.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * Writes any value an event can carry into PostgreSQL's columns, so no stored event can stop a projection. The
 * edge refuses such values now, but events stored before it did may hold them: a NUL in text (PostgreSQL's text
 * cannot hold one) becomes U+FFFD, the replacement character, visibly; a time stamp or date beyond PostgreSQL's
 * range becomes infinity (or minus infinity), which reads back as the furthest value Java has.
 */
public class StoreSafeJdbcTemplate extends JdbcTemplate {

    /** PostgreSQL's timestamps run from 4713 BC to 294276 AD, its dates to 5874897 AD. */
    private static final int TIMESTAMP_LAST_YEAR = 294_275;
    private static final int DATE_LAST_YEAR = 5_874_896;
    private static final int FIRST_YEAR = -4_712;

    public StoreSafeJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected PreparedStatementSetter newArgPreparedStatementSetter(Object[] args) {
        return super.newArgPreparedStatementSetter(safe(args));
    }

    @Override
    public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
        return super.batchUpdate(sql, batchArgs.stream().map(StoreSafeJdbcTemplate::safe).toList());
    }

    static Object[] safe(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] safe = args.clone();
        for (int i = 0; i < safe.length; i++) {
            safe[i] = safe(safe[i]);
        }
        return safe;
    }

    static Object safe(Object value) {
        if (value instanceof String text && text.indexOf('\0') >= 0) {
            return text.replace('\0', '\uFFFD');
        }
        if (value instanceof OffsetDateTime time && (time.getYear() > TIMESTAMP_LAST_YEAR || time.getYear() < FIRST_YEAR)) {
            return time.getYear() > 0 ? OffsetDateTime.MAX : OffsetDateTime.MIN;
        }
        if (value instanceof LocalDate date && (date.getYear() > DATE_LAST_YEAR || date.getYear() < FIRST_YEAR)) {
            return date.getYear() > 0 ? LocalDate.MAX : LocalDate.MIN;
        }
        return value;
    }
}
