package org.casetrail.audit.verify;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An event exactly as the event table stores it, and the chain's hash over it. The hash covers the stored bytes,
 * not a re-serialisation, so anyone with a copy of the table can recompute it:
 * {@code SHA-256(previous hash || canonical form)}, where the canonical form is each of event id, aggregate id,
 * sequence number, aggregate type, payload type, payload revision, timestamp, payload and metadata, in that
 * order, as a 4-byte big-endian length followed by the bytes (UTF-8 for text, -1 for null).
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                   String type, String payloadType, String payloadRevision, String timestamp, byte[] payload,
                   byte[] metaData) {

    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
                                  + "payload_type, payload_revision, time_stamp, payload, meta_data";
    public static final byte[] GENESIS = new byte[32];

    public static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                rs.getBytes("payload"), rs.getBytes("meta_data"));
    }

    public byte[] chainHash(byte[] previous) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous);
            digest.update(canonical());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public byte[] canonical() {
        var bytes = new ByteArrayOutputStream(256 + (payload == null ? 0 : payload.length)
                                              + (metaData == null ? 0 : metaData.length));
        try (var out = new DataOutputStream(bytes)) {
            text(out, eventIdentifier);
            text(out, aggregateIdentifier);
            text(out, Long.toString(sequenceNumber));
            text(out, type);
            text(out, payloadType);
            text(out, payloadRevision);
            text(out, timestamp);
            raw(out, payload);
            raw(out, metaData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        raw(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void raw(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }
}
