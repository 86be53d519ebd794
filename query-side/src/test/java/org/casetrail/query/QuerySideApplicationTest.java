package org.casetrail.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.casetrail.events.caserecord.CaseClosedEvent;
import org.casetrail.events.caserecord.CaseOpenedEvent;
import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.caserecord.ServiceUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The query side runs on its own: it projects whatever the event store holds and serves it. */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuerySideApplicationTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    @Test
    void projectsStoredEventsAndServesThem() throws Exception {
        String caseId = UUID.randomUUID().toString();
        var meta = MetaData.with("actor", "morgan").and("actorRole", "MANAGER");
        eventStore.publish(new GenericDomainEventMessage<>("CaseRecord", caseId, 0,
                new CaseOpenedEvent(caseId, new ServiceUser("Ola", LocalDate.of(2010, 5, 6), "X-9"), PlanType.LOOKED_AFTER,
                                    "alex", null), meta));
        eventStore.publish(new GenericDomainEventMessage<>("CaseRecord", caseId, 1,
                new CaseClosedEvent(caseId, "Moved out of area"), meta));

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/cases/" + caseId + "?minVersion=2"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("avery:casetrail".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var view = new ObjectMapper().readTree(response.body());
        assertThat(view.path("status").asText()).isEqualTo("CLOSED");
        assertThat(view.path("planType").asText()).isEqualTo("LOOKED_AFTER");
        assertThat(view.path("statusHistory").get(1).path("reason").asText()).isEqualTo("Moved out of area");
        assertThat(view.path("statusHistory").get(1).path("by").asText()).isEqualTo("morgan");
        assertThat(view.path("version").asInt()).isEqualTo(2);
    }
}
