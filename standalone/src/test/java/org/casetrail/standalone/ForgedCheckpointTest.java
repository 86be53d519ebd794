package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A checkpoint row written into the table behind the service's back, with a signature that is not the service's:
 * verification, by the service and by the auditor's command-line verifier given the public key, reports it; the
 * service never publishes it; the table cannot be truncated.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ForgedCheckpointTest extends TamperingSupport {

    @TempDir
    Path keys;

    @Test
    void aCheckpointNotSignedByTheServiceFailsVerificationAndIsNeverPublished() throws Exception {
        String caseId = openCase();
        awaitLinked(caseId);
        var signed = as("morgan").post("/api/audit/checkpoints", "");
        assertThat(signed.status()).isEqualTo(201);
        String publicKey = signed.json().path("publicKey").asText();
        Path pem = Files.writeString(keys.resolve("audit.pem.pub"), publicKey);
        String[] cli = withKey(cliArguments(), pem);
        assertThat(runCli(cli)).startsWith("0").contains("signatures checked");
        assertThat(as("avery").get("/api/audit/verify").json().path("verified").asBoolean()).isTrue();

        // The head as it is, "signed" with a signature of one zero byte, later than the real one.
        jdbc.update("""
                INSERT INTO audit.checkpoint (position, head_hash, at, signature)
                SELECT position, hash, now() + interval '1 minute', '\\x00'::bytea
                FROM audit.chain ORDER BY position DESC LIMIT 1""");

        var verification = as("avery").get("/api/audit/verify").json();
        assertThat(verification.path("verified").asBoolean()).isFalse();
        assertThat(verification.path("firstBreak").path("reason").asText()).startsWith("forged checkpoint");
        String report = runCli(cli);
        assertThat(report).startsWith("1").contains("forged checkpoint");
        assertThat(as("avery").get("/api/audit/checkpoints/latest").json().path("signature").asText())
                .as("the published checkpoint is the service's own").isEqualTo(signed.json().path("signature").asText());

        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit.checkpoint"))
                .hasStackTraceContaining("audit.checkpoint is append-only: TRUNCATE refused");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit.checkpoint", Long.class)).isEqualTo(2);
    }

    private static String[] withKey(String[] arguments, Path pem) {
        String[] more = java.util.Arrays.copyOf(arguments, arguments.length + 2);
        more[arguments.length] = "--public-key";
        more[arguments.length + 1] = pem.toString();
        return more;
    }
}
