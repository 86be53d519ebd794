package org.casetrail.query.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetrail.platform.db.BatchedWrites;
import org.casetrail.platform.db.Sql;
import org.springframework.stereotype.Component;

/**
 * The guarded writes the follow-up and case projections make to rows that carry the version of the last event
 * applied to them: a row is inserted once, and a change is applied only if the row is behind the event's version,
 * so handling an event a second time changes nothing.
 * <p>
 * Whether a write applies is decided here, from the versions of the rows the batch's events name (read in one query
 * per table when the batch first needs one, then kept up to date as its events are handled), so that the write
 * itself is queued with the rest of the batch's writes ({@link BatchedWrites#addFor}, each row's in order) rather
 * than sent on its own. A rebuild used to make a round trip for every such event: the slowest of the projections.
 * The statements keep their own guard ({@code ON CONFLICT DO NOTHING}, {@code version < ?}) all the same.
 */
@Component
public class VersionedRows {

    /** No row with that id. */
    private static final long NONE = 0;

    private final BatchedWrites writes;

    VersionedRows(BatchedWrites writes) {
        this.writes = writes;
    }

    /**
     * A projection table whose rows are versioned; {@code component} names the id in the events' payloads (say
     * {@code "sessionId"}), for the batch's read-ahead. What is written from its names is written once, here, not
     * on every event.
     */
    public static final class Table {

        private final String name;
        private final String idColumn;
        private final String component;
        /** The batch's versions of the table's rows, by this name. */
        private final String versionsName;
        /** The versions of the rows whose ids are given as a uuid[]. */
        private final String readVersions;

        public Table(String name, String idColumn, String component) {
            this.name = name;
            this.idColumn = idColumn;
            this.component = component;
            this.versionsName = "versions:" + name;
            this.readVersions = "SELECT " + idColumn + ", version FROM projections." + name + " WHERE " + idColumn
                                + " = ANY(?)";
        }

        /** The key {@link BatchedWrites#addFor} keeps a row's writes in order under. */
        private Object row(UUID key) {
            return List.of(name, key);
        }
    }

    /**
     * Queues {@code insert} (an {@code INSERT ... ON CONFLICT DO NOTHING} of the row at {@code version}) unless the
     * table or the batch has the row already.
     *
     * @return whether the row is new
     */
    public boolean insert(Table table, String id, long version, String insert, Object... args) {
        UUID key = Sql.uuid(id);
        Map<Object, Long> versions = versions(table, key);
        if (versions.getOrDefault(key, NONE) != NONE) {
            return false;
        }
        writes.addFor(table.row(key), insert, args);
        versions.put(key, version);
        return true;
    }

    /** Whether the table has the row and it is behind {@code version}: whether {@link #update} would apply. */
    public boolean behind(Table table, String id, long version) {
        UUID key = Sql.uuid(id);
        return behind(versions(table, key), key, version);
    }

    /**
     * Queues a statement to run after every write queued so far in this batch for the row, and before any queued
     * later: for a row's history, say, to read the row as the change before it left it.
     */
    public void addFor(Table table, String id, String sql, Object... args) {
        writes.addFor(table.row(Sql.uuid(id)), sql, args);
    }

    /**
     * Queues {@code UPDATE table SET set, version = ? WHERE idColumn = ? AND version < ?} if the row is there and
     * behind {@code version}.
     *
     * @return whether the change applies (false when this version was applied before, or there is no such row)
     */
    public boolean update(Table table, String id, long version, String set, Object... values) {
        UUID key = Sql.uuid(id);
        Map<Object, Long> versions = versions(table, key);
        if (!behind(versions, key, version)) {
            return false;
        }
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = version;
        args[values.length + 1] = key;
        args[values.length + 2] = version;
        writes.addFor(table.row(key), "UPDATE projections." + table.name + " SET " + set + ", version = ? WHERE "
                                      + table.idColumn + " = ? AND version < ?", args);
        versions.put(key, version);
        return true;
    }

    private static boolean behind(Map<Object, Long> versions, UUID key, long version) {
        long stored = versions.getOrDefault(key, NONE);
        return stored != NONE && stored < version;
    }

    /**
     * The batch's versions of the table's rows, holding {@code key}'s: those of every row the batch's events name,
     * read together the first time, and any other read on its own (an event handled again outside its batch).
     */
    private Map<Object, Long> versions(Table table, UUID key) {
        Map<Object, Long> versions = writes.readAhead(table.versionsName, table.component, VersionedRows::idOrNull,
                                                      () -> NONE, table.readVersions, VersionedRows::found);
        if (!versions.containsKey(key)) {
            versions.put(key, NONE);
            writes.query(table.readVersions, row -> found(versions, row), (Object) new UUID[] {key});
        }
        return versions;
    }

    /** An id the batch names, or null for a value that is none: its own handler fails on it, and parks it. */
    private static Object idOrNull(String value) {
        try {
            return Sql.uuid(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void found(Map<Object, Long> versions, ResultSet row) throws SQLException {
        versions.put(row.getObject(1, UUID.class), row.getLong(2));
    }
}
