package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The standalone service on a random port over a fresh embedded database, with its metrics exported as in
 * production, and helpers to drive it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
abstract class HttpTestSupport {

    static final String JO = """
            {"serviceUser": {"name": "Jo Bloggs", "dateOfBirth": "2015-03-02", "reference": "R-%s"},
             "planType": "CHILD_IN_NEED", "allocatedWorker": "alex"}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api alex() {
        return Api.at(port).as("alex");
    }

    Api as(String user) {
        return Api.at(port).as(user);
    }

    String openCase() {
        var response = alex().post("/api/cases", JO.formatted(UUID.randomUUID()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("caseId");
    }

    /** Every event in the store: a request that must store nothing leaves this unchanged. */
    long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
