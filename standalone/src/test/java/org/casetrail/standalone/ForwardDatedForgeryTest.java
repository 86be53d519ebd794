package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An event written by a superuser into a gap of the event table, stamped in the future so that it would look
 * pending forever to a check that trusts time stamps: verification reports it at once, and the chain refuses to
 * link it (health DOWN) instead of taking it into the record.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ForwardDatedForgeryTest extends TamperingSupport {

    @Test
    void aForwardDatedEventInAGapIsNeverAccountedForByTheChain() throws Exception {
        long gap = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        String caseId = openCase();
        awaitLinked(caseId);
        String[] cli = cliArguments();
        assertThat(runCli(cli)).as("verifies before the forgery").startsWith("0");

        forge(gap, caseId, "2099-01-01T00:00:00Z");

        assertThat(runCli(cli)).startsWith("1").contains("inserted: the event at global index " + gap);
        var verification = as("avery").get("/api/audit/verify").json();
        assertThat(verification.path("verified").asBoolean()).isFalse();
        assertThat(verification.path("firstBreak").path("globalIndex").asLong()).isEqualTo(gap);

        openCase();
        var health = eventually(() -> as("morgan").get("/actuator/health"),
                response -> response.body().contains("\"auditChain\":{\"status\":\"DOWN\""), Duration.ofSeconds(15));
        assertThat(health.body()).contains("global index " + gap);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit.chain WHERE global_index = ?", Long.class, gap))
                .as("never linked").isZero();
    }
}
