package org.casetrail.audit.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Verifies the audit chain of a Casetrail database (or a copy of one) from the command line, with no Casetrail
 * service running:
 * <pre>
 * java -cp casetrail.jar -Dloader.main=org.casetrail.audit.verify.VerifyAuditChain \
 *      org.springframework.boot.loader.launch.PropertiesLauncher \
 *      --url jdbc:postgresql://host/casetrail --user auditor [--password ...] \
 *      [--public-key audit-signing-key.pem.pub] [--checkpoint-position N --checkpoint-hash HEX]
 * </pre>
 * With the service's public key every stored checkpoint's signature is checked too; without it, only that the
 * chain still passes through each stored checkpoint.
 * Exits 0 when the chain verifies (and passes through the checkpoint given), 1 when it does not, 2 on bad use.
 */
public final class VerifyAuditChain {

    private VerifyAuditChain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Verifies as {@link #main} does and answers the exit code, for callers that must not exit the JVM. */
    public static int run(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("url") || options.containsKey("checkpoint-position") != options.containsKey("checkpoint-hash")) {
            System.err.println("usage: --url JDBC_URL [--user U] [--password P] [--public-key PEM_FILE] "
                               + "[--checkpoint-position N --checkpoint-hash HEX] [--pending-window 60s]");
            return 2;
        }
        AuditVerifier.Checkpoint checkpoint = options.containsKey("checkpoint-position")
                ? new AuditVerifier.Checkpoint(Long.parseLong(options.get("checkpoint-position")),
                                               HexFormat.of().parseHex(options.get("checkpoint-hash")))
                : null;
        Duration window = Duration.parse("PT" + options.getOrDefault("pending-window", "60s").toUpperCase());
        PublicKey key = options.containsKey("public-key")
                ? CheckpointSigner.publicKeyFromPem(Files.readString(Path.of(options.get("public-key")))) : null;
        try (Connection connection = DriverManager.getConnection(options.get("url"), options.get("user"),
                                                                 options.getOrDefault("password", ""))) {
            var result = new AuditVerifier(window, key).verify(connection, checkpoint, Instant.now());
            System.out.println("verified: " + result.verified());
            System.out.println("events: " + result.events());
            System.out.println("headHash: " + result.headHash());
            System.out.println("unlinked: " + result.unlinked());
            System.out.println("stored checkpoints: " + result.checkpoints() + (result.signaturesChecked()
                    ? ", signatures checked" : ", signatures NOT checked (give --public-key)"));
            if (checkpoint != null) {
                System.out.println("checkpoint " + checkpoint.position() + " matches: " + result.checkpointMatches());
            }
            if (result.firstBreak() != null) {
                System.out.println("firstBreak: position " + result.firstBreak().position() + ": "
                                   + result.firstBreak().reason());
            }
            System.out.println("took: " + result.took().toMillis() + " ms");
            return result.verified() ? 0 : 1;
        }
    }
}
