package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Forgeries committed to the database: an event written straight into the table below the chain's head, which
 * the command-line verifier an auditor runs reports, and a row written into the chain table, after which the
 * chain cannot link the next event and says so (health DOWN, a metric, a log). The store is left forged, so this
 * class has a context of its own, closed after it.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ForgedEventTest extends TamperingSupport {

    @Test
    void forgeriesStopTheChainAndFailTheAuditorsVerification() throws Exception {
        long burned = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        String caseId = openCase();
        awaitLinked(caseId);
        String[] cli = cliArguments();
        assertThat(runCli(cli)).as("verifies before the forgeries").startsWith("0");
        long head = jdbc.queryForObject("SELECT max(position) FROM audit.chain", Long.class);

        // A backdated event slipped in below the chain's head, and a row written into the chain itself.
        forge(burned, caseId, "2026-01-05T09:00:00Z");
        jdbc.update("INSERT INTO audit.chain (position, global_index, event_identifier, hash) VALUES (?, ?, ?, ?)",
                    head + 1, 999_999_999L, "forged", new byte[32]);
        openCase();

        var health = eventually(() -> as("morgan").get("/actuator/health"),
                response -> response.body().contains("\"auditChain\":{\"status\":\"DOWN\""), Duration.ofSeconds(15));
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("components").path("auditChain").path("status").asText()).isEqualTo("DOWN");
        assertThat(health.json().path("components").path("auditChain").path("details").path("linking").asBoolean())
                .isFalse();
        assertThat(alex().get("/actuator/prometheus").body()).containsPattern("casetrail_audit_chain_failures_total [1-9]");

        String report = runCli(cli);
        assertThat(report).startsWith("1");
        assertThat(report).contains("inserted: the event at global index " + burned + " is not in the chain");
        var verification = as("avery").get("/api/audit/verify").json();
        assertThat(verification.path("verified").asBoolean()).isFalse();
        assertThat(verification.path("firstBreak").path("globalIndex").asLong()).isEqualTo(burned);
    }
}
