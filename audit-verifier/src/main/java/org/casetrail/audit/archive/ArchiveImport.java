package org.casetrail.audit.archive;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.LongConsumer;
import java.util.zip.ZipFile;

/**
 * Loads an {@link Archive} (verify it first) into a Casetrail database whose tables exist and hold no events: every
 * event at its own position, the audit chain and the checkpoints as they were, in one transaction, so a running
 * service sees all of it at once. Its projections then build themselves from the events, and its audit chain finds
 * every event already linked and goes on from the archived head.
 */
public final class ArchiveImport {

    private static final int BATCH = 1_000;

    /** What was loaded. */
    public record Summary(long events, long chained, long checkpoints) {
    }

    private ArchiveImport() {
    }

    public static Summary load(Connection connection, Path file, LongConsumer progress)
            throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (ZipFile zip = new ZipFile(file.toFile()); Statement check = connection.createStatement()) {
            try (ResultSet rs = check.executeQuery("SELECT count(*) FROM domain_event_entry")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("The target already holds " + rs.getLong(1)
                            + " events: an archive is loaded into an empty store only");
                }
            }
            long[] rows = {0};
            LongConsumer counted = n -> {
                if (++rows[0] % 50_000 == 0) {
                    progress.accept(rows[0]);
                }
            };
            long events = load(connection, open(zip, Archive.EVENTS), """
                    INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                        sequence_number, type, payload_type, payload_revision, time_stamp, payload, meta_data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", (in, insert) -> {
                        insert.setLong(1, in.readLong());
                        var fields = new DataInputStream(new ByteArrayInputStream(Archive.bytes(in)));
                        insert.setString(2, text(fields));
                        insert.setString(3, text(fields));
                        insert.setLong(4, Long.parseLong(text(fields)));
                        insert.setString(5, text(fields));
                        insert.setString(6, text(fields));
                        insert.setString(7, text(fields));
                        insert.setString(8, text(fields));
                        insert.setBytes(9, raw(fields));
                        insert.setBytes(10, raw(fields));
                        counted.accept(1);
                    });
            long chained = load(connection, open(zip, Archive.CHAIN), """
                    INSERT INTO audit.chain (position, global_index, event_identifier, hash, linked_at)
                    VALUES (?, ?, ?, ?, ?)""", (in, insert) -> {
                        insert.setLong(1, in.readLong());
                        insert.setLong(2, in.readLong());
                        insert.setString(3, new String(Archive.bytes(in), StandardCharsets.UTF_8));
                        insert.setBytes(4, in.readNBytes(32));
                        insert.setObject(5, Instant.EPOCH.plus(in.readLong(), ChronoUnit.MICROS)
                                                         .atOffset(ZoneOffset.UTC));
                        counted.accept(1);
                    });
            long checkpoints = load(connection, open(zip, Archive.CHECKPOINTS), """
                    INSERT INTO audit.checkpoint (position, head_hash, at, signature) VALUES (?, ?, ?, ?)""",
                    (in, insert) -> {
                        insert.setLong(1, in.readLong());
                        insert.setBytes(2, in.readNBytes(32));
                        String at = new String(Archive.bytes(in), StandardCharsets.UTF_8);
                        insert.setObject(3, OffsetDateTime.parse(at));
                        insert.setBytes(4, Archive.bytes(in));
                    });
            // New events take positions after the archived ones.
            check.execute("SELECT setval('domain_event_entry_global_index_seq', "
                          + "GREATEST((SELECT max(global_index) FROM domain_event_entry), 1))");
            connection.commit();
            // Statistics for the tables just filled, so the service's first queries over them plan well.
            check.execute("ANALYZE domain_event_entry");
            check.execute("ANALYZE audit.chain");
            connection.commit();
            return new Summary(events, chained, checkpoints);
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private interface Binder {
        void bind(DataInputStream in, PreparedStatement insert) throws IOException, SQLException;
    }

    private static long load(Connection connection, DataInputStream in, String sql, Binder binder)
            throws SQLException, IOException {
        long count = 0;
        try (in; PreparedStatement insert = connection.prepareStatement(sql)) {
            while (true) {
                in.mark(8);
                if (in.read() < 0) {
                    break;
                }
                in.reset();
                binder.bind(in, insert);
                insert.addBatch();
                if (++count % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        } catch (EOFException e) {
            throw new IOException("The archive ends in the middle of a record", e);
        }
        return count;
    }

    private static DataInputStream open(ZipFile zip, String name) throws IOException {
        var entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("The archive has no " + name);
        }
        return new DataInputStream(new BufferedInputStream(zip.getInputStream(entry), 1 << 16));
    }

    private static byte[] raw(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] value = raw(in);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
