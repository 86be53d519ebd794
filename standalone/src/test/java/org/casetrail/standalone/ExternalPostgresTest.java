package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code spring.datasource.url} the service uses that PostgreSQL and starts no embedded one. Runs against the
 * server at {@code casetrail.test.external-url} (default 127.0.0.1:5432, trust auth), in a database of its own,
 * and is skipped where no such server answers.
 */
class ExternalPostgresTest {

    static final String SERVER = System.getProperty("casetrail.test.external-url", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("casetrail.test.external-user", "postgres");
    static final String DATABASE = "casetrail_it_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void createDatabase() {
        ExternalDatabases.createOrSkip(DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        ExternalDatabases.dropIfMade(DATABASE);
    }

    @Test
    void runsOnTheConfiguredServerWithItsSessionLimits() {
        try (var context = new SpringApplicationBuilder(CasetrailApplication.class).run(
                "--spring.datasource.url=" + SERVER + DATABASE, "--spring.datasource.username=" + USER,
                "--spring.datasource.password=", "--server.port=0")) {
            assertThat(context.getBeanNamesForType(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)).isEmpty();
            assertThat(context.containsBean("embeddedPostgres")).isFalse();
            var jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(DATABASE);
            assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("10s");
            assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class)).isEqualTo("15s");

            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var alex = Api.at(port).as("alex");
            var opened = alex.post("/api/cases", HttpTestSupport.JO.formatted("external"));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            assertThat(alex.get("/api/cases/" + opened.text("caseId") + "?minVersion=1").status()).isEqualTo(200);

            var avery = Api.at(port).as("avery");
            var verification = HttpTestSupport.eventually(() -> avery.get("/api/audit/verify").json(),
                    found -> found.path("events").asLong() >= 2, java.time.Duration.ofSeconds(10));
            assertThat(verification.path("verified").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("events").asLong()).as("the case opened and the reads").isGreaterThanOrEqualTo(2);
        }
    }
}
