package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The service run as the README's least-privilege role on an external PostgreSQL: migrations as the owner, the
 * service as a role that may append events but never change them. Skipped where no server answers at
 * {@code casetrail.test.external-url} (default 127.0.0.1:5432, trust authentication).
 */
class LeastPrivilegeTest {

    static final String SERVER = ExternalPostgresTest.SERVER;
    static final String OWNER = ExternalPostgresTest.USER;
    static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final String DATABASE = "casetrail_lp_" + SUFFIX;
    static final String APP_ROLE = "casetrail_app_" + SUFFIX;

    @BeforeAll
    static void createDatabaseAndRole() {
        try (var connection = DriverManager.getConnection(SERVER + "postgres", OWNER, "")) {
            connection.createStatement().execute("CREATE DATABASE " + DATABASE);
            connection.createStatement().execute("CREATE ROLE " + APP_ROLE + " LOGIN");
        } catch (SQLException e) {
            Assumptions.abort("No external PostgreSQL at " + SERVER + ": " + e.getMessage());
        }
    }

    @AfterAll
    static void dropDatabaseAndRole() throws SQLException {
        try (var connection = DriverManager.getConnection(SERVER + "postgres", OWNER, "")) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            connection.createStatement().execute("DROP ROLE IF EXISTS " + APP_ROLE);
        }
    }

    @Test
    void theServiceRunsAsARoleThatCanAppendButNeverChangeEvents() {
        try (var context = new SpringApplicationBuilder(CasetrailApplication.class).run(
                "--spring.datasource.url=" + SERVER + DATABASE, "--spring.datasource.username=" + APP_ROLE,
                "--spring.datasource.password=", "--casetrail.db.app-role=" + APP_ROLE,
                "--casetrail.db.migration-username=" + OWNER, "--server.port=0")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var alex = Api.at(port).as("alex");
            var opened = alex.post("/api/cases", HttpTestSupport.JO.formatted("least-privilege"));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            assertThat(alex.get("/api/cases/" + opened.text("caseId") + "?minVersion=1").status()).isEqualTo(200);

            var asApp = new JdbcTemplate(new DriverManagerDataSource(SERVER + DATABASE, APP_ROLE, ""));
            assertThat(asApp.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isPositive();
            assertThatThrownBy(() -> asApp.update("UPDATE domain_event_entry SET type = 'x'"))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> asApp.update("DELETE FROM audit.chain"))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> asApp.execute("DROP TABLE projections.case_record"))
                    .rootCause().hasMessageContaining("must be owner");

            var asOwner = new JdbcTemplate(new DriverManagerDataSource(SERVER + DATABASE, OWNER, ""));
            assertThatThrownBy(() -> asOwner.update("UPDATE domain_event_entry SET type = 'x'"))
                    .rootCause().hasMessageContaining("append-only");
        }
    }
}
