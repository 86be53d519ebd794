package org.casetrail.audit.verify;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes the hash chain from the event table and reports the first break: an event changed, missing,
 * replaced or moved, an event inserted behind the service's back, a position missing from the chain, a stored
 * checkpoint that the chain no longer passes through or whose signature is not the service's, or a chain that no
 * longer reaches a checkpoint an outsider holds. Plain JDBC, so an auditor can run it against a copy of the
 * database ({@link VerifyAuditChain}).
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
     * @param events             the chain's length
     * @param unlinked           events in the table the chain has not taken (yet)
     * @param checkpoints        stored checkpoints checked against the chain
     * @param signaturesChecked  whether their signatures were checked (a public key was given)
     */
    public record Result(boolean verified, long events, String headHash, Break firstBreak, Long checkpointPosition,
                         Boolean checkpointMatches, long unlinked, int checkpoints, boolean signaturesChecked,
                         Duration took) {
    }

    /** A stored checkpoint: the service's signed statement that the chain's hash at {@code position} was this. */
    private record Stored(long position, byte[] headHash, Instant at, byte[] signature) {
    }

    private final Duration pendingWindow;
    private final PublicKey key;

    /**
     * @param pendingWindow an event below the chain's head that the chain passed less than this long ago is
     *                      pending (a late commit), not inserted
     * @param key           the service's checkpoint key; null to check checkpoints against the chain only
     */
    public AuditVerifier(Duration pendingWindow, PublicKey key) {
        this.pendingWindow = pendingWindow;
        this.key = key;
    }

    public Result verify(Connection connection, Checkpoint checkpoint, Instant now) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            List<Stored> stored = storedCheckpoints(connection);
            Walk walk = walk(connection, checkpoint, stored);
            Break inserted = insertedBehindTheService(connection, walk.maxGlobalIndex, now);
            long unlinked = unlinked(connection);
            Break first = earliest(earliest(walk.firstBreak, inserted), checkStored(stored, walk));
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
                    checkpoint == null ? null : Boolean.TRUE.equals(walk.checkpointMatches), unlinked, stored.size(),
                    key != null, Duration.ofNanos(System.nanoTime() - started));
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
        /** The chain's hash at each stored checkpoint's position, while the chain verifies up to there. */
        final Map<Long, byte[]> atStored = new HashMap<>();
    }

    private Walk walk(Connection connection, Checkpoint checkpoint, List<Stored> stored) throws SQLException {
        Walk walk = new Walk();
        Set<Long> storedPositions = new HashSet<>();
        stored.forEach(c -> storedPositions.add(c.position()));
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
                    if (walk.firstBreak == null && position != walk.events + 1) {
                        walk.firstBreak = new Break(walk.events + 1, null, "missing: the chain has no position "
                                + (walk.events + 1) + " (it goes on at " + position + ")");
                    }
                    walk.events = position;
                    walk.maxGlobalIndex = Math.max(walk.maxGlobalIndex, chainedIndex);
                    if (walk.firstBreak == null) {
                        walk.firstBreak = check(rs, position, chainedIndex, chainedHash, recomputed);
                    }
                    if (walk.firstBreak == null && storedPositions.contains(position)) {
                        walk.atStored.put(position, chainedHash);
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

    /**
     * Events below the chain's head that the chain never took. One is pending (a late commit the chain has yet to
     * link) only while the chain passed its place less than the pending window ago, by the chain's own record of
     * when it linked, and its own time stamp lies within the window of now. The time stamp alone cannot decide it:
     * whoever inserts a row chooses it.
     */
    private Break insertedBehindTheService(Connection connection, long maxGlobalIndex, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT e.global_index, e.time_stamp, passed.position, passed.linked_at
                FROM domain_event_entry e
                CROSS JOIN LATERAL (SELECT c.position, c.linked_at FROM audit.chain c
                                    WHERE c.global_index > e.global_index ORDER BY c.position LIMIT 1) passed
                WHERE e.global_index < ? AND NOT EXISTS (SELECT 1 FROM audit.chain c WHERE c.global_index = e.global_index)
                ORDER BY e.global_index""")) {
            statement.setLong(1, maxGlobalIndex);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Instant passed = rs.getObject("linked_at", OffsetDateTime.class).toInstant();
                    if (passed.isBefore(now.minus(pendingWindow)) || !stampedNear(rs.getString("time_stamp"), now)) {
                        long index = rs.getLong("global_index");
                        return new Break(rs.getLong("position"), index, "inserted: the event at global index " + index
                                + " is not in the chain, which passed its place at " + passed);
                    }
                }
            }
        }
        return null;
    }

    /** Whether a time stamp lies within the pending window of now, on either side. */
    private boolean stampedNear(String timestamp, Instant now) {
        try {
            Instant stamped = Instant.parse(timestamp);
            return !stamped.isBefore(now.minus(pendingWindow)) && !stamped.isAfter(now.plus(pendingWindow));
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    private static List<Stored> storedCheckpoints(Connection connection) throws SQLException {
        List<Stored> stored = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT position, head_hash, at, signature FROM audit.checkpoint ORDER BY position, at");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                stored.add(new Stored(rs.getLong("position"), rs.getBytes("head_hash"),
                                      rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getBytes("signature")));
            }
        }
        return stored;
    }

    /** Each stored checkpoint must be signed with the service's key and lie on the chain as it verifies now. */
    private Break checkStored(List<Stored> stored, Walk walk) {
        for (Stored checkpoint : stored) {
            if (key != null && !CheckpointSigner.verify(key, checkpoint.position(), checkpoint.headHash(),
                                                        checkpoint.at(), checkpoint.signature())) {
                return new Break(checkpoint.position(), null, "forged checkpoint: the one at position "
                        + checkpoint.position() + " signed at " + checkpoint.at()
                        + " does not carry the service's signature");
            }
            if (checkpoint.position() > walk.events) {
                return new Break(walk.events, null, "truncated: the chain ends at position " + walk.events
                        + ", before the checkpoint signed at " + checkpoint.at() + " at position "
                        + checkpoint.position());
            }
            byte[] hash = walk.atStored.get(checkpoint.position());
            if (hash != null && !Arrays.equals(hash, checkpoint.headHash())) {
                return new Break(checkpoint.position(), null, "the chain at position " + checkpoint.position()
                        + " no longer matches the checkpoint signed at " + checkpoint.at());
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
