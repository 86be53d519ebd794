package org.casetrail.audit.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.casetrail.audit.verify.CheckpointSigner;

/**
 * The archive from the command line, with no Casetrail service running:
 * <pre>
 * ArchiveTool export --url jdbc:postgresql://host/casetrail --user U [--password P] --out store.zip
 *                    [--public-key audit-signing-key.pem.pub]
 * ArchiveTool verify --archive store.zip [--public-key key.pem] [--pending-window 60s]
 * ArchiveTool import --archive store.zip --url jdbc:postgresql://host/empty --user U [--password P]
 * </pre>
 * Import loads into a store whose tables exist and hold no events (a service started once on an empty database,
 * with nobody using it); the service then builds its projections from the events.
 * Export prints the manifest's SHA-256 (keep it apart from the archive) and exits 0. Verify exits 0 when the
 * archive verifies, 1 when it does not (naming the first break), 2 on bad use.
 */
public final class ArchiveTool {

    private ArchiveTool() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    public static int run(String[] args) throws Exception {
        if (args.length == 0) {
            return usage();
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String keyFile = options.get("public-key");
        String pem = keyFile == null ? null : Files.readString(Path.of(keyFile));
        if ("export".equals(args[0]) && options.containsKey("url") && options.containsKey("out")) {
            try (Connection connection = DriverManager.getConnection(options.get("url"), options.get("user"),
                                                                     options.getOrDefault("password", ""))) {
                var summary = ArchiveExport.export(connection, Path.of(options.get("out")), pem,
                        rows -> System.out.println("... " + rows + " rows written"));
                System.out.println("events: " + summary.events());
                System.out.println("chained: " + summary.chained());
                System.out.println("checkpoints: " + summary.checkpoints());
                System.out.println("headHash: " + summary.headHash());
                System.out.println("manifestSha256: " + summary.manifestSha256());
                return 0;
            }
        }
        if ("import".equals(args[0]) && options.containsKey("archive") && options.containsKey("url")) {
            try (Connection connection = DriverManager.getConnection(options.get("url"), options.get("user"),
                                                                     options.getOrDefault("password", ""))) {
                var summary = ArchiveImport.load(connection, Path.of(options.get("archive")),
                        rows -> System.out.println("... " + rows + " rows loaded"));
                System.out.println("events: " + summary.events() + ", chained: " + summary.chained()
                                   + ", checkpoints: " + summary.checkpoints());
                return 0;
            }
        }
        if ("verify".equals(args[0]) && options.containsKey("archive")) {
            PublicKey key = pem == null ? null : CheckpointSigner.publicKeyFromPem(pem);
            Duration window = Duration.parse("PT" + options.getOrDefault("pending-window", "60s").toUpperCase());
            var result = ArchiveVerify.verify(Path.of(options.get("archive")), key, window);
            System.out.println("verified: " + result.verified());
            System.out.println("events: " + result.events() + ", chained: " + result.chained() + ", unlinked: "
                               + result.unlinked() + ", checkpoints: " + result.checkpoints()
                               + (result.signaturesChecked() ? " (signatures checked)" : " (signatures NOT checked)"));
            System.out.println("headHash: " + result.headHash());
            if (result.firstBreak() != null) {
                System.out.println("firstBreak: position " + result.firstBreak().position() + ": "
                                   + result.firstBreak().reason());
            }
            return result.verified() ? 0 : 1;
        }
        return usage();
    }

    private static int usage() {
        System.err.println("usage: export --url JDBC_URL [--user U] [--password P] --out FILE [--public-key PEM]\n"
                           + "       verify --archive FILE [--public-key PEM] [--pending-window 60s]\n"
                           + "       import --archive FILE --url JDBC_URL [--user U] [--password P]");
        return 2;
    }
}
