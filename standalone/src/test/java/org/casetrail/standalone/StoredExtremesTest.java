package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.casetrail.events.caserecord.PlanKind;
import org.casetrail.events.caserecord.PlanRecordedEvent;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.AttendeeRole;
import org.casetrail.events.contact.ContactDraftedEvent;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.contact.Timing;
import org.casetrail.events.session.SessionBookedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Values the edge now refuses may already be in a store written before it did. None of them may make a read fail:
 * a contact dated at the very edge of what Java can hold is read, listed, reported and printed like any other.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoredExtremesTest extends HttpTestSupport {

    @Autowired
    EventStore events;

    @Test
    void aContactStoredAtTheEdgeOfTimeStillReads() {
        String caseId = openCase();
        String lastContact = null;
        for (Instant extreme : List.of(Instant.parse("-999999999-01-01T00:00:00Z"),
                                       Instant.parse("+999999999-12-31T23:59:59Z"))) {
            String contactId = UUID.randomUUID().toString();
            events.publish(new GenericDomainEventMessage<>("Contact", contactId, 0,
                    new ContactDraftedEvent(contactId, caseId, List.of(new Attendee("Jo \u0000", AttendeeRole.OTHER,
                            null, null)), new Setting(SettingType.HOME, "a\u0007b"), new Timing(extreme, extreme),
                            null, "x\u0000y", null, null, null),
                    MetaData.with("actor", "alex").and("actorRole", "PRACTITIONER")));
            var read = eventually(() -> alex().get("/api/contacts/" + contactId), r -> r.status() != 404,
                                  Duration.ofSeconds(10));
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(alex().get("/api/contacts/" + contactId + "/history").status()).isEqualTo(200);
            lastContact = contactId;
        }
        // A plan dated at the end of time, and a session booked for the last instant Java has, on the case itself.
        long next = jdbc.queryForObject("SELECT max(sequence_number) + 1 FROM domain_event_entry "
                                        + "WHERE aggregate_identifier = ?", Long.class, caseId);
        events.publish(new GenericDomainEventMessage<>("CaseRecord", caseId, next,
                new PlanRecordedEvent(caseId, UUID.randomUUID().toString(), PlanKind.CARE_PLAN, "End of time",
                                      LocalDate.of(999_999_999, 12, 31), null, null),
                MetaData.with("actor", "alex").and("actorRole", "PRACTITIONER")));
        String sessionId = UUID.randomUUID().toString();
        events.publish(new GenericDomainEventMessage<>("Session", sessionId, 0,
                new SessionBookedEvent(sessionId, caseId, lastContact, Instant.MAX, new Setting(SettingType.HOME, null),
                                       "\u0000", null),
                MetaData.with("actor", "alex").and("actorRole", "PRACTITIONER")));
        eventually(() -> alex().get("/api/cases/" + caseId + "/sessions"),
                   r -> r.status() == 200 && r.body().contains(sessionId), Duration.ofSeconds(10));
        for (String path : List.of("/api/cases/" + caseId + "/contacts", "/api/cases/" + caseId + "/sessions", "/api/compliance/recording",
                                   "/api/compliance/visits", "/api/cases/" + caseId + "/chronology",
                                   "/api/cases/" + caseId)) {
            var response = alex().get(path);
            assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        }
        assertThat(alex().header("Accept", "text/csv").get("/api/cases/" + caseId + "/chronology").status())
                .isEqualTo(200);
        assertThat(alex().header("Accept", "application/pdf").get("/api/cases/" + caseId + "/chronology").status())
                .isEqualTo(200);
        assertThat(as("morgan").get("/api/cases/" + caseId + "/bundle").status()).isEqualTo(200);
        assertThat(as("morgan").get("/api/cases/" + caseId + "/subject-access").status()).isEqualTo(200);
        assertThat(as("morgan").get("/actuator/health/readiness").status())
                .as("every projection live: " + as("morgan").get("/actuator/health").body()).isEqualTo(200);
    }
}
