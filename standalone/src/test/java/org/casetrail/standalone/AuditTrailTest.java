package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

import org.casetrail.audit.verify.AuditVerifier;
import org.casetrail.audit.verify.CheckpointSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tamper-evident trail against real PostgreSQL. Each tampering is done inside a transaction that is rolled
 * back after the verifier has seen it (with triggers switched off for that transaction, as a superuser
 * bypassing the service would), so the store stays whole for the next test.
 */
class AuditTrailTest extends HttpTestSupport {

    @Autowired
    DataSource dataSource;

    final AuditVerifier verifier = new AuditVerifier(Duration.ofSeconds(60), null);

    String caseId;
    String contactId;

    @BeforeEach
    void someHistory() {
        caseId = openCase();
        contactId = alex().post("/api/cases/" + caseId + "/contacts", ContactsHttpTest.BARE_DRAFT).text("contactId");
        alex().put("/api/contacts/" + contactId + "/description", "{\"text\": \"First account\"}");
        alex().put("/api/contacts/" + contactId + "/description", "{\"text\": \"Second account\"}");
        assertThat(alex().get("/api/contacts/" + contactId + "?minVersion=3").status()).isEqualTo(200);
        awaitChain();
    }

    /** Waits until the chain has taken every event in the store. */
    void awaitChain() {
        Long unlinked = HttpTestSupport.eventually(() -> jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry e
                WHERE NOT EXISTS (SELECT 1 FROM audit.chain c WHERE c.global_index = e.global_index)""", Long.class),
                count -> count != null && count == 0, Duration.ofSeconds(10));
        assertThat(unlinked).as("events the audit chain has not caught up with").isZero();
    }

    long positionOf(long globalIndex) {
        return jdbc.queryForObject("SELECT position FROM audit.chain WHERE global_index = ?", Long.class, globalIndex);
    }

    long indexOf(String aggregateId, long sequence) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                                   + "AND sequence_number = ?", Long.class, aggregateId, sequence);
    }

    interface Tampering {
        void apply(Connection connection) throws SQLException;
    }

    AuditVerifier.Result verifyAfter(Tampering tampering, AuditVerifier.Checkpoint checkpoint) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL session_replication_role = replica");
            }
            tampering.apply(connection);
            // The verifier rolls back when it is done, taking the tampering with it.
            return verifier.verify(connection, checkpoint, Instant.now());
        }
    }

    static void execute(Connection connection, String sql, Object... args) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        }
    }

    @Test
    void theWholeStoreVerifiesAndEveryReadIsInIt() {
        var verification = as("avery").get("/api/audit/verify");
        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        JsonNode result = verification.json();
        assertThat(result.path("verified").asBoolean()).isTrue();
        assertThat(result.path("events").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(result.path("headHash").asText()).hasSize(64);
        assertThat(result.has("firstBreak")).isFalse();
        Long reads = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                                         "org.casetrail.events.audit.RecordViewedEvent");
        assertThat(reads).as("reads are events in the chain too").isPositive();
    }

    @Test
    void aChangedPayloadByteIsFoundAtItsPosition() throws SQLException {
        long index = indexOf(contactId, 1);
        var result = verifyAfter(c -> execute(c, """
                UPDATE domain_event_entry SET payload = overlay(payload placing '\\x5a'::bytea from 10 for 1)
                WHERE global_index = ?""", index), null);
        assertThat(result.verified()).isFalse();
        assertThat(result.firstBreak().position()).isEqualTo(positionOf(index));
        assertThat(result.firstBreak().reason()).startsWith("changed");
    }

    @Test
    void aDeletedEventIsFoundAtItsPosition() throws SQLException {
        long index = indexOf(contactId, 0);
        var result = verifyAfter(c -> execute(c, "DELETE FROM domain_event_entry WHERE global_index = ?", index), null);
        assertThat(result.firstBreak().position()).isEqualTo(positionOf(index));
        assertThat(result.firstBreak().reason()).startsWith("missing");
    }

    @Test
    void anEventInsertedBehindTheServicesBackIsFound() throws SQLException {
        long burned = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        openCase();
        awaitChain();
        long next = jdbc.queryForObject("SELECT min(global_index) FROM audit.chain WHERE global_index > ?", Long.class,
                                        burned);
        var result = verifyAfter(c -> execute(c, """
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT ?, aggregate_identifier, 99, type, ?, meta_data, payload, payload_revision, payload_type,
                       '2026-01-05T09:00:00Z'
                FROM domain_event_entry WHERE global_index = ?""", burned, UUID.randomUUID().toString(), next), null);
        assertThat(result.firstBreak().reason()).startsWith("inserted");
        assertThat(result.firstBreak().globalIndex()).isEqualTo(burned);
        assertThat(result.firstBreak().position()).isEqualTo(positionOf(next));
    }

    @Test
    void twoSwappedEventsAreFoundAtTheFirst() throws SQLException {
        long first = indexOf(contactId, 1);
        long second = indexOf(contactId, 2);
        var result = verifyAfter(c -> {
            execute(c, "UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", first);
            execute(c, "UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", first, second);
            execute(c, "UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", second);
        }, null);
        assertThat(result.firstBreak().position()).isEqualTo(positionOf(first));
        assertThat(result.firstBreak().reason()).startsWith("replaced or reordered");
    }

    @Test
    void aTailTruncatedAfterACheckpointIsFoundAgainstTheCheckpoint() throws SQLException {
        var checkpoint = as("avery").post("/api/audit/checkpoints", "");
        assertThat(checkpoint.status()).as(checkpoint.toString()).isEqualTo(201);
        long position = checkpoint.json().path("position").asLong();
        var held = new AuditVerifier.Checkpoint(position, HexFormat.of().parseHex(checkpoint.text("headHash")));
        assertThat(verifyAfter(c -> { }, held).verified()).isTrue();

        var result = verifyAfter(c -> {
            execute(c, "DELETE FROM domain_event_entry WHERE global_index IN "
                       + "(SELECT global_index FROM audit.chain WHERE position > ?)", position - 3);
            execute(c, "DELETE FROM audit.chain WHERE position > ?", position - 3);
        }, held);
        assertThat(result.verified()).isFalse();
        assertThat(result.firstBreak().reason()).startsWith("truncated");
        assertThat(result.firstBreak().position()).isEqualTo(position - 3);
    }

    @Test
    void aChainRewrittenToHideAChangeStillFailsItsCheckpoint() throws SQLException {
        var checkpoint = as("morgan").post("/api/audit/checkpoints", "");
        long position = checkpoint.json().path("position").asLong();
        var held = new AuditVerifier.Checkpoint(position, HexFormat.of().parseHex(checkpoint.text("headHash")));
        long index = indexOf(contactId, 2);
        long from = positionOf(index);
        var result = verifyAfter(c -> {
            execute(c, "UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                       + "'Second account', 'Rewritten'), 'UTF8') WHERE global_index = ?", index);
            rehashFrom(c, from);
        }, held);
        assertThat(result.firstBreak()).isNotNull();
        assertThat(result.firstBreak().reason()).contains("no longer matches the checkpoint");
        assertThat(result.checkpointMatches()).isFalse();
    }

    /** What a forger with database access would do: recompute every hash from a position on. */
    void rehashFrom(Connection connection, long from) throws SQLException {
        byte[] previous;
        try (var statement = connection.prepareStatement("SELECT hash FROM audit.chain WHERE position = ?")) {
            statement.setLong(1, from - 1);
            try (var rs = statement.executeQuery()) {
                previous = rs.next() ? rs.getBytes(1) : new byte[32];
            }
        }
        try (var statement = connection.prepareStatement("""
                SELECT c.position, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.payload_type,
                       e.payload_revision, e.time_stamp, e.payload, e.meta_data
                FROM audit.chain c JOIN domain_event_entry e ON e.global_index = c.global_index
                WHERE c.position >= ? ORDER BY c.position""")) {
            statement.setLong(1, from);
            try (var rs = statement.executeQuery()) {
                var updates = new java.util.ArrayList<Object[]>();
                while (rs.next()) {
                    previous = Forger.hash(previous, rs);
                    updates.add(new Object[] {previous, rs.getLong("position")});
                }
                for (Object[] update : updates) {
                    execute(connection, "UPDATE audit.chain SET hash = ? WHERE position = ?", update[0], update[1]);
                }
            }
        }
    }

    @Test
    void theLatestCheckpointIsSignedWithThePublishedKey() throws Exception {
        as("avery").post("/api/audit/checkpoints", "");
        JsonNode latest = alex().get("/api/audit/checkpoints/latest").json();
        var key = CheckpointSigner.publicKeyFromPem(latest.path("publicKey").asText());
        byte[] hash = HexFormat.of().parseHex(latest.path("headHash").asText());
        byte[] signature = Base64.getDecoder().decode(latest.path("signature").asText());
        Instant at = Instant.parse(latest.path("at").asText());
        long position = latest.path("position").asLong();
        assertThat(CheckpointSigner.verify(key, position, hash, at, signature)).isTrue();
        assertThat(CheckpointSigner.verify(key, position + 1, hash, at, signature)).as("another position").isFalse();
        var verified = as("morgan").get("/api/audit/verify?position=" + position + "&hash=" + latest.path("headHash").asText());
        assertThat(verified.json().path("checkpoint").path("matches").asBoolean()).isTrue();
        var forged = as("morgan").get("/api/audit/verify?position=" + position + "&hash=" + "00".repeat(32));
        assertThat(forged.json().path("verified").asBoolean()).isFalse();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEvent() {
        long index = indexOf(contactId, 0);
        assertThatThrownBy(() -> jdbc.update("UPDATE domain_event_entry SET type = 'Forged' WHERE global_index = ?", index))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", index))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE domain_event_entry"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit.chain WHERE position = 1"))
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.update("DELETE FROM token_entry WHERE processor_name = 'no such processor'")).isZero();
    }

    @Test
    void theAuditQueryShowsWhoDidAndReadWhatOnACase() {
        alex().get("/api/contacts/" + contactId + "?asOf=2026-11-20T10:00:00Z");
        JsonNode items = HttpTestSupport.eventually(
                () -> as("avery").get("/api/audit?caseId=" + caseId).json().path("items"),
                found -> found.findValuesAsText("summary").toString().contains("asOf="), Duration.ofSeconds(5));
        assertThat(items.findValuesAsText("eventType")).contains("CaseOpenedEvent", "ContactDraftedEvent",
                "DescriptionChangedEvent", "RecordViewedEvent");
        JsonNode edit = null;
        JsonNode read = null;
        for (JsonNode item : items) {
            if ("DescriptionChangedEvent".equals(item.path("eventType").asText())) {
                edit = item;
            }
            if (item.path("summary").asText().contains("asOf=")) {
                read = item;
            }
        }
        assertThat(edit.path("actor").asText()).isEqualTo("alex");
        assertThat(edit.path("command").asText()).isEqualTo("ChangeDescriptionCommand");
        assertThat(edit.path("clientAddress").asText()).isNotBlank();
        assertThat(read).as("the as-of read of the contact, found through its case").isNotNull();
        assertThat(read.path("actor").asText()).isEqualTo("alex");
        assertThat(read.path("summary").asText()).startsWith("viewed /api/contacts/" + contactId);
        assertThat(as("avery").get("/api/audit?actor=alex&from=2000-01-01T00:00:00Z").json().path("items").size())
                .isPositive();
        assertThat(alex().get("/api/audit?caseId=" + caseId).status()).as("practitioners do not query the audit")
                .isEqualTo(403);
        assertThat(alex().get("/api/audit/verify").status()).isEqualTo(403);
    }

    /**
     * The chain hash written again from its documented definition (StoredEvent's Javadoc and the README), as an
     * outsider would: the rewritten chain it produces is accepted position by position, so only the signed
     * checkpoint catches the forgery.
     */
    static final class Forger {
        static byte[] hash(byte[] previous, java.sql.ResultSet rs) throws SQLException {
            try {
                var digest = java.security.MessageDigest.getInstance("SHA-256");
                digest.update(previous);
                var bytes = new java.io.ByteArrayOutputStream();
                var out = new java.io.DataOutputStream(bytes);
                for (String column : new String[] {"event_identifier", "aggregate_identifier"}) {
                    text(out, rs.getString(column));
                }
                text(out, Long.toString(rs.getLong("sequence_number")));
                for (String column : new String[] {"type", "payload_type", "payload_revision", "time_stamp"}) {
                    text(out, rs.getString(column));
                }
                raw(out, rs.getBytes("payload"));
                raw(out, rs.getBytes("meta_data"));
                digest.update(bytes.toByteArray());
                return digest.digest();
            } catch (java.security.NoSuchAlgorithmException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void text(java.io.DataOutputStream out, String value) throws java.io.IOException {
            raw(out, value == null ? null : value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        private static void raw(java.io.DataOutputStream out, byte[] value) throws java.io.IOException {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.write(value);
            }
        }
    }
}
