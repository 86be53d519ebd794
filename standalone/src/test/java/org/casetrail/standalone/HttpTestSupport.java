package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
             "planType": "CHILD_IN_NEED", "allocatedWorker": "alex", "openedOn": "2026-10-01"}""";

    /** A care plan, for contacts to link their purpose to. */
    static final String CARE_PLAN = "{\"kind\": \"CARE_PLAN\", \"title\": \"Plan\", \"date\": \"2026-11-01\"}";

    /** A contact with every section a finalised note needs. */
    static final String COMPLETE_DRAFT = """
            {"attendees": [{"name": "Jo", "role": "SERVICE_USER"}], "setting": {"type": "HOME"},
             "startedAt": "2026-11-20T10:00:00Z", "endedAt": "2026-11-20T11:00:00Z",
             "purpose": {"text": "Check in"}, "description": "We talked.",
             "childVisit": {"childSeen": true, "seenAlone": true, "bedroomSeen": true,
                            "wishesAndFeelings": "I want to stay at this school."}}""";

    /** What a home visit to a child says of the child, to put in a draft's JSON. */
    static final String CHILD_SEEN = """
            "childVisit": {"childSeen": true, "seenAlone": true, "bedroomSeen": true,
                           "wishesAndFeelings": "I want to stay at this school."}""";

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

    /**
     * Reads with {@code read} until {@code ready} holds of what it read or {@code limit} has passed, and returns
     * the last read: for what projections and the audit chain show a moment after a write.
     */
    static <T> T eventually(Supplier<T> read, Predicate<T> ready, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = read.get();
        while (!ready.test(last) && System.nanoTime() < deadline) {
            sleep(50);
            last = read.get();
        }
        return last;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Every event in the store but the access log's: a request that must store nothing leaves this unchanged
     * (a read, even a refused one, is still logged as a read).
     */
    long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type <> ?", Long.class,
                                   "org.casetrail.events.audit.RecordViewedEvent");
    }
}
