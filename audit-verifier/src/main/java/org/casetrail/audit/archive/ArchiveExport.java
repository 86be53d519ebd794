package org.casetrail.audit.archive;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Properties;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.casetrail.audit.verify.StoredEvent;

/**
 * Writes the event store, the audit chain and the signed checkpoints of a Casetrail database to an {@link Archive},
 * streaming each table in one read-only transaction so the three agree with each other.
 */
public final class ArchiveExport {

    private static final int FETCH_SIZE = 5_000;

    /** What was written: counts, the chain's head, and the SHA-256 of the manifest to keep apart. */
    public record Summary(long events, long chained, long checkpoints, String headHash, String manifestSha256) {
    }

    private ArchiveExport() {
    }

    /**
     * @param publicKeyPem the service's checkpoint public key, recorded in the manifest; may be null
     * @param progress     told the number of rows written so far, every 50,000
     */
    public static Summary export(Connection connection, Path file, String publicKeyPem, LongConsumer progress)
            throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            Properties manifest = new Properties();
            long[] written = {0};
            LongConsumer counted = n -> {
                if (++written[0] % 50_000 == 0) {
                    progress.accept(written[0]);
                }
            };
            long events = entry(zip, Archive.EVENTS, manifest, out -> rows(connection,
                    "SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry ORDER BY global_index", rs -> {
                        StoredEvent event = StoredEvent.read(rs);
                        out.writeLong(event.globalIndex());
                        bytes(out, event.canonical());
                        counted.accept(1);
                    }));
            String[] head = {HexFormat.of().formatHex(StoredEvent.GENESIS)};
            long chained = entry(zip, Archive.CHAIN, manifest, out -> rows(connection,
                    "SELECT position, global_index, event_identifier, hash, linked_at FROM audit.chain "
                    + "ORDER BY position", rs -> {
                        out.writeLong(rs.getLong("position"));
                        out.writeLong(rs.getLong("global_index"));
                        bytes(out, rs.getString("event_identifier").getBytes(StandardCharsets.UTF_8));
                        byte[] hash = rs.getBytes("hash");
                        out.write(hash);
                        Instant linked = rs.getObject("linked_at", OffsetDateTime.class).toInstant();
                        out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, linked));
                        head[0] = HexFormat.of().formatHex(hash);
                        counted.accept(1);
                    }));
            long checkpoints = entry(zip, Archive.CHECKPOINTS, manifest, out -> rows(connection,
                    "SELECT position, head_hash, at, signature FROM audit.checkpoint ORDER BY position, at", rs -> {
                        out.writeLong(rs.getLong("position"));
                        out.write(rs.getBytes("head_hash"));
                        bytes(out, rs.getObject("at", OffsetDateTime.class).toInstant().toString()
                                    .getBytes(StandardCharsets.UTF_8));
                        bytes(out, rs.getBytes("signature"));
                    }));
            manifest.setProperty("format", Archive.FORMAT);
            manifest.setProperty("exportedAt", Instant.now().toString());
            manifest.setProperty("events", Long.toString(events));
            manifest.setProperty("chained", Long.toString(chained));
            manifest.setProperty("checkpoints", Long.toString(checkpoints));
            manifest.setProperty("headHash", head[0]);
            if (publicKeyPem != null) {
                manifest.setProperty("publicKey", publicKeyPem);
            }
            var text = new java.io.ByteArrayOutputStream();
            manifest.store(text, "Casetrail archive");
            zip.putNextEntry(new ZipEntry(Archive.MANIFEST));
            zip.write(text.toByteArray());
            zip.closeEntry();
            return new Summary(events, chained, checkpoints, head[0], sha256(text.toByteArray()));
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private interface Writer {
        long write(DataOutputStream out) throws IOException, SQLException;
    }

    private interface Row {
        void write(ResultSet rs) throws IOException, SQLException;
    }

    /** One entry, its rows counted and its SHA-256 put in the manifest. */
    private static long entry(ZipOutputStream zip, String name, Properties manifest, Writer writer)
            throws IOException, SQLException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest digest = digest();
        var out = new DataOutputStream(new DigestOutputStream(new BufferedOutputStream(
                new NonClosing(zip), 1 << 16), digest));
        long rows = writer.write(out);
        out.flush();
        zip.closeEntry();
        manifest.setProperty(name + ".sha256", HexFormat.of().formatHex(digest.digest()));
        return rows;
    }

    private static long rows(Connection connection, String sql, Row row) throws SQLException, IOException {
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.write(rs);
                    count++;
                }
            }
        }
        return count;
    }

    static void bytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The ZIP stream stays open across entries. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
