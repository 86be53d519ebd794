package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.casetrail.query.projection.ProjectionRebuild;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every projection can be rebuilt from the events and gives the same rows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectionRebuildTest {

    private static final List<String> CASE_TABLES = List.of(
            "SELECT * FROM projections.case_record ORDER BY case_id",
            "SELECT * FROM projections.case_plan ORDER BY plan_id",
            "SELECT * FROM projections.case_status_change ORDER BY case_id, version");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionRebuild rebuild;

    @Test
    void rebuildingTheCaseProjectionGivesIdenticalRows() throws Exception {
        var alex = Api.at(port).as("alex");
        String last = null;
        for (int i = 0; i < 12; i++) {
            String caseId = alex.post("/api/cases", CasesHttpTest.JO.formatted("rebuild-" + i)).text("caseId");
            alex.post("/api/cases/" + caseId + "/plans",
                      "{\"kind\": \"CARE_PLAN\", \"title\": \"Plan " + i + "\", \"date\": \"2026-10-0" + (i % 9 + 1) + "\"}");
            if (i % 3 == 0) {
                alex.post("/api/cases/" + caseId + "/close", "{\"reason\": \"Needs met " + i + "\"}");
            }
            if (i % 6 == 0) {
                alex.post("/api/cases/" + caseId + "/reopen", "{\"reason\": \"Re-referred\"}");
            }
            last = caseId;
        }
        assertThat(alex.get("/api/cases/" + last + "?minVersion=2").status()).isEqualTo(200);
        var processor = rebuild.head();
        rebuild.awaitPosition(processor("cases"), processor, Duration.ofSeconds(10));
        List<List<Map<String, Object>>> before = snapshot();
        assertThat(before.get(0)).hasSizeGreaterThanOrEqualTo(12);
        assertThat(before.get(1)).hasSizeGreaterThanOrEqualTo(12);

        var result = rebuild.rebuild("cases", Duration.ofSeconds(30));

        assertThat(result.head()).isEqualTo(processor);
        assertThat(snapshot()).isEqualTo(before);
    }

    private org.axonframework.eventhandling.StreamingEventProcessor processor(String name) {
        return configuration.eventProcessor(name, org.axonframework.eventhandling.StreamingEventProcessor.class)
                            .orElseThrow();
    }

    @Autowired
    org.axonframework.config.EventProcessingConfiguration configuration;

    private List<List<Map<String, Object>>> snapshot() {
        return CASE_TABLES.stream().map(jdbc::queryForList).toList();
    }
}
