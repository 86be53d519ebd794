package org.casetrail.audit.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Recomputes the hash chain from the event table and reports the first break: an event changed, missing,
 * replaced or moved, an event inserted behind the service's back, or a chain that no longer reaches a checkpoint
 * an outsider holds. Plain JDBC, so an auditor can run it against a copy of the database
 * ({@link VerifyAuditChain}).
 */
public final class AuditVerifier {

    private static final int FETCH_SIZE = 5_000;

    /** Where the chain first fails and why; {@code globalIndex} is the event table's position, if one applies. */
    public record Break(long position, Long globalIndex, String reason) {
    }

    /** An earlier checkpoint to hold the chain to: the chain's hash at {@code position} must still be {@code hash}. */
    public record Checkpoint(long position, byte[] hash) {
    }

    /**
     * @param events   the chain's length
     * @param unlinked events in the table the chain has not taken (yet)
     */
    public record Result(boolean verified, long events, String headHash, Break firstBreak, Long checkpointPosition,
                         Boolean checkpointMatches, long unlinked, Duration took) {
    }

    private final Duration pendingWindow;

    /** @param pendingWindow events younger than this that are not linked yet are pending, not inserted */
    public AuditVerifier(Duration pendingWindow) {
        this.pendingWindow = pendingWindow;
    }

    public Result verify(Connection connection, Checkpoint checkpoint, Instant now) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Walk walk = walk(connection, checkpoint);
            Break inserted = insertedBehindTheService(connection, walk.maxGlobalIndex, now);
            long unlinked = unlinked(connection);
            Break first = earliest(walk.firstBreak, inserted);
            if (first == null && checkpoint != null && walk.checkpointMatches == null) {
                first = new Break(walk.events, null, "truncated: the chain ends at position " + walk.events
                        + ", before the checkpoint at position " + checkpoint.position());
            }
            if (first == null && checkpoint != null && Boolean.FALSE.equals(walk.checkpointMatches)) {
                first = new Break(checkpoint.position(), null, "the chain at position " + checkpoint.position()
                        + " no longer matches the checkpoint");
            }
            return new Result(first == null, walk.events, HexFormat.of().formatHex(walk.head), first,
                    checkpoint == null ? null : checkpoint.position(),
                    checkpoint == null ? null : Boolean.TRUE.equals(walk.checkpointMatches), unlinked,
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static final class Walk {
        long events;
        long maxGlobalIndex;
        byte[] head = StoredEvent.GENESIS;
        Break firstBreak;
        Boolean checkpointMatches;
    }

    private Walk walk(Connection connection, Checkpoint checkpoint) throws SQLException {
        Walk walk = new Walk();
        byte[] recomputed = StoredEvent.GENESIS;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.position, c.global_index AS chained_index, c.event_identifier AS chained_id, c.hash AS chained_hash,
                       e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.payload_type,
                       e.payload_revision, e.time_stamp, e.payload, e.meta_data
                FROM audit.chain c LEFT JOIN domain_event_entry e ON e.global_index = c.global_index
                ORDER BY c.position""")) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long position = rs.getLong("position");
                    long chainedIndex = rs.getLong("chained_index");
                    byte[] chainedHash = rs.getBytes("chained_hash");
                    walk.events = position;
                    walk.maxGlobalIndex = Math.max(walk.maxGlobalIndex, chainedIndex);
                    if (walk.firstBreak == null) {
                        walk.firstBreak = check(rs, position, chainedIndex, chainedHash, recomputed);
                    }
                    recomputed = walk.firstBreak == null ? chainedHash : recomputed;
                    walk.head = chainedHash;
                    if (checkpoint != null && position == checkpoint.position()) {
                        walk.checkpointMatches = walk.firstBreak == null && Arrays.equals(chainedHash, checkpoint.hash());
                    }
                }
            }
        }
        return walk;
    }

    private static Break check(ResultSet rs, long position, long chainedIndex, byte[] chainedHash, byte[] previous)
            throws SQLException {
        if (rs.getObject("global_index") == null) {
            return new Break(position, chainedIndex, "missing: the event the chain holds at global index "
                    + chainedIndex + " is gone");
        }
        if (!rs.getString("chained_id").equals(rs.getString("event_identifier"))) {
            return new Break(position, chainedIndex, "replaced or reordered: global index " + chainedIndex
                    + " holds another event than the chain linked");
        }
        if (!Arrays.equals(StoredEvent.read(rs).chainHash(previous), chainedHash)) {
            return new Break(position, chainedIndex, "changed: the event at global index " + chainedIndex
                    + " no longer matches its hash");
        }
        return null;
    }

    /** Events below the chain's head that the chain never took, stamped longer ago than the pending window. */
    private Break insertedBehindTheService(Connection connection, long maxGlobalIndex, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT e.global_index, e.time_stamp,
                       (SELECT min(c.position) FROM audit.chain c WHERE c.global_index > e.global_index) AS position
                FROM domain_event_entry e
                WHERE e.global_index < ? AND NOT EXISTS (SELECT 1 FROM audit.chain c WHERE c.global_index = e.global_index)
                ORDER BY e.global_index""")) {
            statement.setLong(1, maxGlobalIndex);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!isPending(rs.getString("time_stamp"), now)) {
                        long index = rs.getLong("global_index");
                        return new Break(rs.getLong("position"), index, "inserted: the event at global index " + index
                                + " is not in the chain");
                    }
                }
            }
        }
        return null;
    }

    /** Events the chain has not taken yet: normally the few written since it last ran. */
    private static long unlinked(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FROM domain_event_entry e
                WHERE NOT EXISTS (SELECT 1 FROM audit.chain c WHERE c.global_index = e.global_index)""");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean isPending(String timestamp, Instant now) {
        try {
            return !Instant.parse(timestamp).isBefore(now.minus(pendingWindow));
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    private static Break earliest(Break a, Break b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.position() < a.position() ? b : a;
    }
}
