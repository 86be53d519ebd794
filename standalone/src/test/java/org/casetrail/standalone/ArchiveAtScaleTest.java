package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.casetrail.audit.archive.ArchiveExport;
import org.casetrail.audit.archive.ArchiveImport;
import org.casetrail.audit.archive.ArchiveVerify;
import org.casetrail.audit.verify.CheckpointSigner;
import org.casetrail.platform.CasetrailProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The backup round trip at the size the issue asks for: a store of more than 100,000 events (one case recorded
 * through the API, then copied fifteen thousand times in SQL, each copy with ids of its own) exported, verified
 * with no database, restored under a second service, and read back the same: the chronology digest and the case
 * view of a sample of cases, and the chain through the archived head. About two minutes, most of it the two
 * services building their projections.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ArchiveAtScaleTest extends TamperingSupport {

    private static final int COPIES = 15_000;

    @TempDir
    Path dir;
    @Autowired
    CasetrailProperties properties;

    @Test
    void aHundredThousandEventsRoundTrip() throws Exception {
        String caseId = openCase();
        String planId = alex().post("/api/cases/" + caseId + "/plans",
                CARE_PLAN).text("planId");
        String contactId = alex().post("/api/cases/" + caseId + "/contacts", ("""
                {"attendees": [{"name": "Jo", "role": "SERVICE_USER"}], "setting": {"type": "HOME"},
                 "startedAt": "2026-11-20T10:00:00Z", "endedAt": "2026-11-20T11:00:00Z",
                 "purpose": {"text": "Check in", "linkedPlanIds": ["%s"]}, "description": "We talked.", %s}""")
                .formatted(planId, CHILD_SEEN)).text("contactId");
        alex().put("/api/contacts/" + contactId + "/description", "{\"text\": \"We talked about school.\"}");
        String riskId = alex().post("/api/contacts/" + contactId + "/risks", """
                {"category": "TO_SELF", "aspects": ["EMOTIONAL"], "description": "Low mood", "severity": "HIGH"}""")
                .text("riskId");
        String actionId = alex().post("/api/contacts/" + contactId + "/actions", """
                {"description": "Refer", "assignee": "alex", "dueDate": "2026-12-30", "term": "SHORT"}""")
                .text("actionId");
        alex().post("/api/contacts/" + contactId + "/finalise", "");
        List<String> ids = List.of(caseId, planId, contactId, riskId, actionId);
        long template = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN "
                                            + "(?, ?, ?, ?, ?)", Long.class, ids.toArray());

        // Fifteen thousand copies, each with ids of its own, every id in every payload replaced consistently.
        String payload = "convert_from(e.payload, 'UTF8')";
        String aggregate = "e.aggregate_identifier";
        for (String id : ids) {
            String copy = "md5('" + id + "-' || n)::uuid::text";
            payload = "replace(" + payload + ", '" + id + "', " + copy + ")";
            aggregate = "replace(" + aggregate + ", '" + id + "', " + copy + ")";
        }
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                    + "time_stamp, payload_type, payload_revision, payload, meta_data) "
                    + "SELECT gen_random_uuid()::text, " + aggregate + ", e.sequence_number, e.type, e.time_stamp, "
                    + "e.payload_type, e.payload_revision, convert_to(" + payload + ", 'UTF8'), e.meta_data "
                    + "FROM generate_series(1, ?) n CROSS JOIN domain_event_entry e "
                    + "WHERE e.aggregate_identifier IN (?, ?, ?, ?, ?) ORDER BY n, e.global_index",
                    COPIES, ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(4));
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThat(events).isGreaterThanOrEqualTo(template * (COPIES + 1)).isGreaterThan(100_000);
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        eventually(() -> jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM audit.chain", Long.class),
                   linked -> linked >= head, Duration.ofMinutes(3));
        var checkpoint = as("morgan").post("/api/audit/checkpoints", "").json();

        List<String> sample = new ArrayList<>(List.of(caseId));
        for (int n : new int[] {1, 2, 1_000, 5_000, COPIES}) {
            sample.add(jdbc.queryForObject("SELECT md5(? || '-' || ?)::uuid::text", String.class, caseId, n));
        }
        List<String> chronologies = new ArrayList<>();
        List<String> views = new ArrayList<>();
        for (String id : sample) {
            chronologies.add(eventually(() -> as("morgan").get("/api/cases/" + id + "/chronology"),
                    r -> r.status() == 200 && r.json().path("entries").size() >= 5, Duration.ofMinutes(3))
                    .json().path("digest").asText());
            views.add(alex().get("/api/cases/" + id + "?minVersion=2").json().toString());
        }

        Path archive = dir.resolve("store.zip");
        ArchiveExport.Summary exported;
        try (var connection = dataSource.getConnection()) {
            exported = ArchiveExport.export(connection, archive, checkpoint.path("publicKey").asText(), rows -> { });
        }
        assertThat(exported.events()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry",
                                                                      Long.class));
        var verified = ArchiveVerify.verify(archive, CheckpointSigner.publicKeyFromPem(
                checkpoint.path("publicKey").asText()), Duration.ofSeconds(60));
        assertThat(verified.verified()).as(String.valueOf(verified.firstBreak())).isTrue();

        String restoredDb = "restored_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("CREATE DATABASE " + restoredDb);
        String url = ((HikariDataSource) dataSource).getJdbcUrl()
                .replaceFirst("/[^/?]+(\\?|$)", "/" + restoredDb + "$1");
        try (var restored = new SpringApplicationBuilder(CasetrailApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--casetrail.audit.signing-key=" + properties.audit().signingKey())) {
            try (var connection = java.sql.DriverManager.getConnection(url, "postgres", "")) {
                assertThat(ArchiveImport.load(connection, archive, rows -> { }).events())
                        .isEqualTo(exported.events());
            }
            var api = Api.at(((WebServerApplicationContext) restored).getWebServer().getPort());
            for (int i = 0; i < sample.size(); i++) {
                String id = sample.get(i);
                String digest = chronologies.get(i);
                var chronology = eventually(() -> api.as("morgan").get("/api/cases/" + id + "/chronology"),
                        r -> r.status() == 200 && digest.equals(r.json().path("digest").asText()),
                        Duration.ofMinutes(3));
                assertThat(chronology.json().path("digest").asText()).as(id).isEqualTo(digest);
                assertThat(api.as("alex").get("/api/cases/" + id).json().toString()).as(id).isEqualTo(views.get(i));
            }
            var chain = eventually(() -> api.as("avery").get("/api/audit/verify?position=" + exported.chained()
                                                              + "&hash=" + exported.headHash()).json(),
                    v -> v.path("verified").asBoolean(), Duration.ofMinutes(3));
            assertThat(chain.path("verified").asBoolean()).as(chain.toString()).isTrue();
        }
    }
}
