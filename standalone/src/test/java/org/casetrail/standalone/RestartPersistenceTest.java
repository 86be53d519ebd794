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
            // The due rebuild empties the case table too, so the case is read once it is done (a read meanwhile may
            // find the table part-built, as the README says of any rebuild).
            var rebuild = HttpTestSupport.eventually(
                    () -> Api.at(port(second)).as("morgan").get("/actuator/projections").json().path("rebuild"),
                    r -> r.path("finished").asBoolean(), java.time.Duration.ofSeconds(30));
            var read = Api.at(port(second)).as("alex").get("/api/cases/" + caseId);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().path("serviceUser").path("reference").asText()).isEqualTo("R-restart");
            var close = Api.at(port(second)).as("morgan").header("If-Match", "\"1\"")
                           .post("/api/cases/" + caseId + "/close", "{\"reason\": \"after restart\"}");
            assertThat(close.status()).as("the aggregate is rebuilt from the stored events").isEqualTo(200);
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
     * An upgrade from the version whose projections were built by three processors ({@code casework},
     * {@code contacts}, {@code chronology}): the migration to one processor empties their tables and drops their
     * tokens, and the one processor builds every row again from the events. The earlier version's state is made
     * here by hand: a token of an old processor, a projection row that does not match its events, and the
     * migration not yet applied.
     */
    @Test
    void anUpgradeToOneProjectionProcessorBuildsEveryProjectionAgainFromTheEvents() {
        String caseId;
        try (var first = start()) {
            var opened = Api.at(port(first)).as("alex").post("/api/cases", HttpTestSupport.JO.formatted("upgrade"));
            caseId = opened.text("caseId");
            assertThat(Api.at(port(first)).as("alex").get("/api/cases/" + caseId + "?minVersion=1").status())
                    .isEqualTo(200);
            var jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("INSERT INTO token_entry (processor_name, segment) VALUES ('casework', 0)");
            jdbc.update("UPDATE projections.case_record SET reference = 'not from the events'");
            jdbc.update("DELETE FROM projections.flyway_history_projections WHERE version = '16'");
        }
        try (var second = start()) {
            var rebuild = HttpTestSupport.eventually(
                    () -> Api.at(port(second)).as("morgan").get("/actuator/projections").json().path("rebuild"),
                    r -> r.path("finished").asBoolean(), java.time.Duration.ofSeconds(30));
            assertThat(rebuild.path("requestedBy").asText()).isEqualTo("casetrail (upgrade)");
            assertThat(rebuild.path("processors").toString()).isEqualTo("[\"projections\"]");
            var read = Api.at(port(second)).as("alex").get("/api/cases/" + caseId);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().path("serviceUser").path("reference").asText()).isEqualTo("R-upgrade");
            assertThat(second.getBean(JdbcTemplate.class).queryForList(
                    "SELECT DISTINCT processor_name FROM token_entry ORDER BY 1", String.class))
                    .containsExactly("audit-chain", "audit-log", "projections");
        }
    }
}
