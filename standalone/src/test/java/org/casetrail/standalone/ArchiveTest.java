package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.casetrail.audit.archive.Archive;
import org.casetrail.audit.archive.ArchiveExport;
import org.casetrail.audit.archive.ArchiveImport;
import org.casetrail.audit.archive.ArchiveVerify;
import org.casetrail.audit.verify.CheckpointSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The archive an operator keeps as a backup: exported from the live store, verified with no database; a changed
 * byte in an archived event is found even when the manifest's digests were made to match.
 */
class ArchiveTest extends TamperingSupport {

    @TempDir
    Path dir;
    @Autowired
    ApplicationContext context;

    @Test
    void anExportedStoreVerifiesOfflineAndATamperedCopyDoesNot() throws Exception {
        for (int i = 0; i < 5; i++) {
            openCase();
        }
        String caseId = openCase();
        awaitLinked(caseId);
        var checkpoint = eventually(() -> as("morgan").post("/api/audit/checkpoints", ""), r -> r.status() == 201,
                                    Duration.ofSeconds(10)).json();
        String pem = checkpoint.path("publicKey").asText();
        Path archive = dir.resolve("store.zip");
        ArchiveExport.Summary summary;
        try (var connection = dataSource.getConnection()) {
            summary = ArchiveExport.export(connection, archive, pem, rows -> { });
        }
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThat(summary.events()).isEqualTo(events);
        assertThat(summary.checkpoints()).isPositive();

        var key = CheckpointSigner.publicKeyFromPem(pem);
        var result = ArchiveVerify.verify(archive, key, Duration.ofSeconds(60));
        assertThat(result.verified()).as(String.valueOf(result.firstBreak())).isTrue();
        assertThat(result.events()).isEqualTo(events);
        assertThat(result.signaturesChecked()).isTrue();

        Path tampered = dir.resolve("tampered.zip");
        rewriteOneEventByte(archive, tampered);
        var broken = ArchiveVerify.verify(tampered, key, Duration.ofSeconds(60));
        assertThat(broken.verified()).isFalse();
        assertThat(broken.firstBreak().reason()).startsWith("changed: the event at global index");
    }

    /**
     * A backup restored: the archive loaded into an empty store under a running service (the same signing key)
     * gives the same record. The chain verifies through the archived head, the latest checkpoint is the same, and
     * every case's chronology has the same digest after the projections have built themselves from the events.
     */
    @Test
    void anArchiveRestoresIntoAnEmptyStoreWithTheSameRecord() throws Exception {
        String caseId = openCase();
        alex().post("/api/cases/" + caseId + "/plans",
                    "{\"kind\": \"CARE_PLAN\", \"title\": \"Plan\", \"date\": \"2026-11-20\"}");
        awaitLinked(caseId);
        var checkpoint = eventually(() -> as("morgan").post("/api/audit/checkpoints", ""), r -> r.status() == 201,
                                    Duration.ofSeconds(10)).json();
        Path archive = dir.resolve("backup.zip");
        ArchiveExport.Summary exported;
        try (var connection = dataSource.getConnection()) {
            exported = ArchiveExport.export(connection, archive, checkpoint.path("publicKey").asText(), rows -> { });
        }
        List<String> cases = jdbc.queryForList("SELECT case_id::text FROM projections.case_record ORDER BY case_id",
                                               String.class);
        // The chronology projection may still be handling the last events (it is not the audit chain, which
        // awaitLinked waits for): the digests to compare are the ones that no longer change.
        Map<String, String> digests = digests(cases);
        for (int i = 0; i < 30; i++) {
            sleep(1000);
            Map<String, String> again = digests(cases);
            if (again.equals(digests)) {
                break;
            }
            digests = again;
        }

        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        String restoredDb = "restored_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("CREATE DATABASE " + restoredDb);
        String restoredUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + restoredDb + "$1");
        var properties = context.getBean(org.casetrail.platform.CasetrailProperties.class);
        try (var restored = new SpringApplicationBuilder(CasetrailApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + restoredUrl, "--spring.datasource.username=postgres",
                "--casetrail.audit.signing-key=" + properties.audit().signingKey())) {
            try (var connection = java.sql.DriverManager.getConnection(restoredUrl, "postgres", "")) {
                var loaded = ArchiveImport.load(connection, archive, rows -> { });
                assertThat(loaded.events()).isEqualTo(exported.events());
            }
            var api = Api.at(((WebServerApplicationContext) restored).getWebServer().getPort());
            for (var digest : digests.entrySet()) {
                var chronology = eventually(() -> api.as("morgan").get("/api/cases/" + digest.getKey() + "/chronology"),
                        r -> r.status() == 200 && digest.getValue().equals(r.json().path("digest").asText()),
                        Duration.ofSeconds(30));
                assertThat(chronology.json().path("digest").asText()).as(digest.getKey()).isEqualTo(digest.getValue());
            }
            var verified = eventually(() -> api.as("avery").get("/api/audit/verify?position=" + exported.chained()
                                                                 + "&hash=" + exported.headHash()).json(),
                    v -> v.path("verified").asBoolean(), Duration.ofSeconds(30));
            assertThat(verified.path("verified").asBoolean()).as(verified.toString()).isTrue();
            assertThat(api.as("avery").get("/api/audit/checkpoints/latest").json().path("signature").asText())
                    .isEqualTo(checkpoint.path("signature").asText());
            assertThat(api.as("morgan").get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }

    private Map<String, String> digests(List<String> cases) {
        Map<String, String> digests = new TreeMap<>();
        for (String id : cases) {
            digests.put(id, as("morgan").get("/api/cases/" + id + "/chronology").json().path("digest").asText());
        }
        return digests;
    }

    /** Flips a byte in the last archived event and recomputes the manifest's digest of the events, as a forger would. */
    private static void rewriteOneEventByte(Path from, Path to) throws Exception {
        try (ZipFile zip = new ZipFile(from.toFile()); var out = new ZipOutputStream(Files.newOutputStream(to))) {
            byte[] events = read(zip, Archive.EVENTS);
            events[events.length - 3] ^= 1;
            var manifest = new java.util.Properties();
            manifest.load(zip.getInputStream(zip.getEntry(Archive.MANIFEST)));
            manifest.setProperty(Archive.EVENTS + ".sha256", java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(events)));
            for (String name : new String[] {Archive.EVENTS, Archive.CHAIN, Archive.CHECKPOINTS}) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.equals(Archive.EVENTS) ? events : read(zip, name));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(Archive.MANIFEST));
            var text = new ByteArrayOutputStream();
            manifest.store(text, null);
            out.write(text.toByteArray());
            out.closeEntry();
        }
    }

    private static byte[] read(ZipFile zip, String name) throws Exception {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
