package org.casetrail.query.projection;

import org.casetrail.platform.db.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The guarded update every projection makes: apply a change to an item's row only if the row is behind the
 * event's version, so handling an event a second time changes nothing.
 */
public final class VersionedRows {

    private VersionedRows() {
    }

    /**
     * Runs {@code UPDATE table SET set, version = ? WHERE idColumn = ? AND version < ?}.
     *
     * @return whether the change was applied now (false when this version was applied before)
     */
    public static boolean update(JdbcTemplate jdbc, String table, String idColumn, String id, long version,
                                 String set, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = version;
        args[values.length + 1] = Sql.uuid(id);
        args[values.length + 2] = version;
        return jdbc.update("UPDATE projections." + table + " SET " + set + ", version = ? WHERE " + idColumn
                           + " = ? AND version < ?", args) > 0;
    }
}
