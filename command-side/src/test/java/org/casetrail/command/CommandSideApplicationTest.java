package org.casetrail.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The command side runs on its own: it takes writes into the event store and runs no projections, and keeps the
 * record it wrote loaded for the next command.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandSideApplicationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    @Qualifier("caseRecordCache")
    Cache cases;

    @Test
    void storesEventsAndRunsNoProjections() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alex:casetrail".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"serviceUser": {"name": "Jo"}, "planType": "EARLY_HELP", "allocatedWorker": "alex"}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isOne();
        assertThat(processing.eventProcessors()).isEmpty();
        String caseId = new ObjectMapper().readTree(response.body()).path("caseId").asText();
        assertThat(cases.containsKey(caseId)).as("the case, loaded for its next command").isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'projections'",
                                       Long.class)).isZero();
    }
}
