package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The standalone service keeps its records in its data directory across a restart, as the README promises. */
class RestartPersistenceTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CasetrailApplication.class)
                .run("--casetrail.data-dir=" + dataDir, "--casetrail.db.embedded.ephemeral=false",
                     "--server.port=0");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The default database is durable: a power cut loses nothing acknowledged. */
    @Test
    void theEmbeddedDatabaseIsDurable() {
        try (var context = start()) {
            var jdbc = context.getBean(JdbcTemplate.class);
            for (String setting : List.of("fsync", "full_page_writes", "synchronous_commit")) {
                assertThat(jdbc.queryForObject("SHOW " + setting, String.class)).as(setting).isEqualTo("on");
            }
        }
    }

    @Test
    void aCaseOpenedBeforeARestartIsThereAfterIt() {
        String caseId;
        try (var first = start()) {
            var opened = Api.at(port(first)).as("alex").post("/api/cases", HttpTestSupport.JO.formatted("restart"));
            assertThat(opened.status()).isEqualTo(201);
            caseId = opened.text("caseId");
            assertThat(Api.at(port(first)).as("alex").get("/api/cases/" + caseId + "?minVersion=1").status())
                    .isEqualTo(200);
            // As a migration does when a new version reads the events differently: the projections are due a rebuild.
            first.getBean(JdbcTemplate.class).update("INSERT INTO projections.rebuild_due (processor_name, reason) "
                                                     + "VALUES ('projections', 'a test of an upgrade')");
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();

        try (var second = start()) {
            var close = Api.at(port(second)).as("morgan").header("If-Match", "\"1\"")
                           .post("/api/cases/" + caseId + "/close", "{\"reason\": \"after restart\"}");
            assertThat(close.status()).as("the aggregate is rebuilt from the stored events").isEqualTo(200);
            var rebuild = HttpTestSupport.eventually(
                    () -> Api.at(port(second)).as("morgan").get("/actuator/projections").json().path("rebuild"),
                    r -> r.path("finished").asBoolean(), java.time.Duration.ofSeconds(30));
            // The projections read part-built while the rebuild runs; once it is done the case is there as stored.
            var read = Api.at(port(second)).as("alex").get("/api/cases/" + caseId + "?minVersion=2");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().path("serviceUser").path("reference").asText()).isEqualTo("R-restart");
            assertThat(rebuild.path("requestedBy").asText()).as("the due rebuild ran at start")
                    .isEqualTo("casetrail (upgrade)");
            assertThat(rebuild.path("processors").toString()).contains("projections");
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM projections.rebuild_due", Integer.class)).isZero();
            var chronology = HttpTestSupport.eventually(() -> Api.at(port(second)).as("alex")
                    .get("/api/cases/" + caseId + "/chronology").json(), c -> c.path("entries").size() >= 2,
                    java.time.Duration.ofSeconds(10));
            assertThat(chronology.path("entries").findValuesAsText("category")).contains("case");
        }
    }

    /**
     * Upgrading a store whose contacts, chronology and casework were built by three processors (before they became
     * one): the migration lets their positions go and empties their tables, and the one processor builds the same
     * rows again from the first event, none of them left from before.
     */
    @Test
    void upgradingFromThreeProjectionProcessorsBuildsTheProjectionsAgain() {
        java.util.Map<String, List<java.util.Map<String, Object>>> built;
        String caseId;
        try (var first = start()) {
            var api = Api.at(port(first)).as("alex");
            caseId = api.post("/api/cases", HttpTestSupport.JO.formatted("upgrade")).text("caseId");
            var drafted = api.post("/api/cases/" + caseId + "/contacts", HttpTestSupport.COMPLETE_DRAFT);
            assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
            String contactId = drafted.text("contactId");
            assertThat(api.get("/api/contacts/" + contactId + "?minVersion=1").status()).isEqualTo(200);
            var jdbc = first.getBean(JdbcTemplate.class);
            HttpTestSupport.eventually(() -> api.get("/api/cases/" + caseId + "/chronology").json(),
                    c -> c.path("entries").size() >= 1, java.time.Duration.ofSeconds(10));
            built = ProjectionTables.snapshot(jdbc);
            // The store as the version before left it: three processors, their own tables, a row of theirs made by
            // older rules, and the schema not yet migrated to one processor.
            jdbc.update("""
                    INSERT INTO token_entry (processor_name, segment, token, token_type, time_stamp, owner)
                    SELECT name, segment, token, token_type, time_stamp, NULL FROM token_entry,
                           unnest(ARRAY['casework', 'contacts', 'chronology']) AS name
                    WHERE processor_name = 'projections'""");
            jdbc.update("DELETE FROM token_entry WHERE processor_name = 'projections'");
            jdbc.update("UPDATE projections.case_record SET service_user_name = 'Made by older rules'");
            jdbc.update("DELETE FROM projections.flyway_history_projections WHERE version = '16'");
        }

        try (var second = start()) {
            var jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT DISTINCT processor_name FROM token_entry ORDER BY 1", String.class))
                    .as("the three processors' positions are gone").doesNotContain("casework", "contacts", "chronology");
            var rebuilt = HttpTestSupport.eventually(() -> ProjectionTables.snapshot(jdbc), built::equals,
                                                     java.time.Duration.ofSeconds(30));
            assertThat(rebuilt).as("every projection table, built again from the events").isEqualTo(built);
        }
    }
}
