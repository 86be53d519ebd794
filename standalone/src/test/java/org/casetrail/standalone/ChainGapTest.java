package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A superuser who switches the chain's triggers off and deletes one of its rows leaves a position missing:
 * verification names it, in the service and in the auditor's command-line verifier.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChainGapTest extends TamperingSupport {

    @Test
    void aPositionMissingFromTheChainIsABreak() throws Exception {
        openCase();
        awaitLinked(openCase());
        String[] cli = cliArguments();
        assertThat(runCli(cli)).startsWith("0");

        jdbc.execute("ALTER TABLE audit.chain DISABLE TRIGGER chain_append_only");
        jdbc.update("DELETE FROM audit.chain WHERE position = 1");
        jdbc.execute("ALTER TABLE audit.chain ENABLE TRIGGER chain_append_only");

        var verification = as("avery").get("/api/audit/verify").json();
        assertThat(verification.path("verified").asBoolean()).isFalse();
        assertThat(verification.path("firstBreak").path("reason").asText())
                .startsWith("missing: the chain has no position 1");
        assertThat(runCli(cli)).startsWith("1").contains("the chain has no position 1");
    }
}
