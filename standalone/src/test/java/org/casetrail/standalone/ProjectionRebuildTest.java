package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.casetrail.platform.eventstore.CountedWorkQueues;
import org.casetrail.query.projection.ProjectionRebuild;
import org.casetrail.query.projection.Processors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every projection can be rebuilt from the events and gives the same rows: every table of the projections
 * schema is compared, whole, before and after resetting every processor but the audit chain (which is a record
 * of the order the service saw events in, not a projection, and is never rebuilt). The projections run split in two
 * segments by case here, as on several nodes, with follow-ups raised in contacts: what they build must not depend on
 * how the cases were shared out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "casetrail.events.segments=2")
class ProjectionRebuildTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void rebuildingEveryProjectionGivesIdenticalRows() throws Exception {
        recordSomeHistory();
        everyRecordsEventCarriesItsCase();
        long head = rebuild.head();
        for (var processor : processors()) {
            rebuild.awaitPosition(processor, head, Duration.ofSeconds(20));
        }
        Map<String, List<Map<String, Object>>> before = ProjectionTables.snapshot(jdbc);
        String digestBefore = Api.at(port).as("alex").get("/api/cases/" + lastCase + "/chronology").text("digest");
        JsonNode qualityBefore = quality();
        assertThat(qualityBefore.path("all").path("signed").asInt()).isEqualTo(6);
        assertThat(before.get("case_record")).hasSizeGreaterThanOrEqualTo(12);
        assertThat(before.get("contact_version")).hasSizeGreaterThanOrEqualTo(40);
        for (String table : List.of("risk", "risk_review", "action_item", "action_change", "guidance_request",
                                    "session_booking", "session_change", "contact_link", "chronology_entry",
                                    "chronology_item")) {
            assertThat(before.get(table)).as(table).hasSizeGreaterThanOrEqualTo(12);
        }

        assertThat(Api.at(port).as("alex").post("/actuator/projections", "").status())
                .as("a practitioner may not rebuild projections").isEqualTo(403);
        var started = Api.at(port).as("morgan").post("/actuator/projections", "");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().path("requestedBy").asText()).isEqualTo("morgan");
        JsonNode done = awaitRebuild();
        assertThat(done.path("head").asLong()).isGreaterThanOrEqualTo(head);
        assertThat(done.path("failure").isMissingNode()).isTrue();
        assertThat(done.path("processors")).hasSize(processors().size());
        processors().forEach(processor -> assertThat(done.path("positions").path(processor.getName()).asLong())
                .as(processor.getName()).isGreaterThanOrEqualTo(head));
        assertThat(Api.at(port).as("morgan").post("/actuator/projections/audit-chain", "").status())
                .as("the audit chain is not a projection").isEqualTo(404);

        assertThat(ProjectionTables.snapshot(jdbc)).isEqualTo(before);
        assertThat(Api.at(port).as("alex").get("/api/cases/" + lastCase + "/chronology").text("digest"))
                .as("the chronology's digest survives a rebuild").isEqualTo(digestBefore);
        assertThat(quality()).as("every contact's recording-quality check survives a rebuild").isEqualTo(qualityBefore);
    }

    /** Every processor of the service, the audit chain's too, hands its events to its segments through counted queues. */
    @Test
    void everyProcessorTakesItsEventsThroughCountedQueues() {
        assertThat(processing.eventProcessors()).containsOnlyKeys(Processors.PROJECTIONS, "audit-log", "audit-chain");
        processing.eventProcessors().values().forEach(
                processor -> assertThat(CountedWorkQueues.installed(processor)).as(processor.getName()).isTrue());
    }

    /**
     * Every event of a record carries its case in its metadata (the order the split projections keep), the case its
     * payload names where it names one; the history above holds every kind of record and most kinds of event.
     */
    private void everyRecordsEventCarriesItsCase() {
        List<Map<String, Object>> events = jdbc.queryForList("""
                SELECT payload_type, convert_from(meta_data, 'UTF8')::jsonb ->> 'caseId' AS meta_case,
                       convert_from(payload, 'UTF8')::jsonb ->> 'caseId' AS payload_case
                FROM domain_event_entry WHERE type IS NOT NULL""");
        assertThat(events.stream().map(e -> e.get("payload_type")).distinct().count())
                .as("kinds of event recorded").isGreaterThanOrEqualTo(19);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("meta_case")).as("the case of a %s", event.get("payload_type")).isNotNull();
            if (event.get("payload_case") != null) {
                assertThat(event.get("meta_case")).as(String.valueOf(event.get("payload_type")))
                                                  .isEqualTo(event.get("payload_case"));
            }
        });
    }

    /** The recording-quality report over the rebuilt contacts, without the moment it was made. */
    private JsonNode quality() {
        var report = (com.fasterxml.jackson.databind.node.ObjectNode) Api.at(port).as("morgan")
                .get("/api/reports/recording-quality?from=2026-11-01&to=2026-11-30&worker=alex").json();
        report.remove("at");
        return report;
    }

    private String lastCase;

    /** Follows the rebuild through GET /actuator/projections until it says it has finished. */
    private JsonNode awaitRebuild() {
        JsonNode status = HttpTestSupport.eventually(
                () -> Api.at(port).as("alex").get("/actuator/projections").json().path("rebuild"),
                rebuild -> rebuild.path("finished").asBoolean(), Duration.ofSeconds(60));
        assertThat(status.path("finished").asBoolean()).as("the rebuild finished in 60 s").isTrue();
        return status;
    }

    private void recordSomeHistory() {
        var alex = Api.at(port).as("alex");
        String last = null;
        for (int i = 0; i < 12; i++) {
            String caseId = alex.post("/api/cases", HttpTestSupport.JO.formatted("rebuild-" + UUID.randomUUID())).text("caseId");
            String planId = alex.post("/api/cases/" + caseId + "/plans", "{\"kind\": \"CARE_PLAN\", \"title\": \"Plan "
                    + i + "\", \"date\": \"2026-10-0" + (i % 9 + 1) + "\""
                    + (i % 4 == 0 ? ", \"visitFrequency\": \"" + (i + 1) + " weeks\"" : "") + "}").text("planId");
            String contact = "/api/contacts/" + alex.post("/api/cases/" + caseId + "/contacts", """
                    {"attendees": [{"name": "Jo", "role": "SERVICE_USER"}], "setting": {"type": "HOME"},
                     "startedAt": "2026-11-20T10:00:00Z", "endedAt": "2026-11-20T11:00:00Z",
                     "purpose": {"text": "Check in", "linkedPlanIds": ["%s"]}, %s}"""
                    .formatted(planId, HttpTestSupport.CHILD_SEEN)).text("contactId");
            alex.put(contact + "/description", "{\"text\": \"Visit " + i + "\"}");
            if (i % 3 != 1) {
                alex.put(contact + "/statements", "{\"presentation\": \"Engaged " + i + "\", \"noNewRisks\": "
                         + (i % 2 == 0) + ", \"guidanceNeeded\": " + (i % 3 == 0) + "}");
            }
            recordFollowUps(alex, contact, i);
            if (i % 2 == 0) {
                alex.post(contact + "/finalise", i % 4 == 0 ? "{\"shortfallReason\": \"Reason " + i + "\"}" : "");
                alex.post(contact + "/addenda", "{\"text\": \"More\", \"reason\": \"Later\"}");
                alex.post(contact + "/corrections",
                          "{\"section\": \"DESCRIPTION\", \"value\": {\"text\": \"Fixed " + i + "\"}, \"reason\": \"Typo\"}");
            } else {
                alex.post(contact + "/discard", "{\"reason\": \"Duplicate\"}");
            }
            if (i % 3 == 0) {
                Api.at(port).as("morgan").post("/api/cases/" + caseId + "/close", "{\"reason\": \"Needs met " + i + "\"}");
            }
            last = caseId;
        }
        assertThat(alex.get("/api/cases/" + last + "?minVersion=2").status()).isEqualTo(200);
        lastCase = last;
    }

    /** A risk reviewed, an action cancelled or reassigned, guidance requested and given, a session moved. */
    private void recordFollowUps(Api alex, String contact, int i) {
        String contactId = contact.substring(contact.lastIndexOf('/') + 1);
        String risk = alex.post(contact + "/risks", """
                {"category": "FROM_OTHERS", "aspects": ["SAFETY"], "description": "Risk %d", "severity": "HIGH",
                 "professionalsInvolved": [{"name": "PC Moss", "organisation": "Police"}]}""".formatted(i)).text("riskId");
        alex.post("/api/risks/" + risk + "/reviews",
                  "{\"contactId\": \"" + contactId + "\", \"note\": \"Reviewed\", \"severity\": \"LOW\"}");
        String action = alex.post(contact + "/actions", """
                {"description": "Action %d", "assignee": "alex", "dueDate": "2026-12-0%d", "term": "LONG",
                 "expectedOutcome": "Outcome %d"}"""
                .formatted(i, i % 9 + 1, i)).text("actionId");
        alex.post("/api/actions/" + action + (i % 2 == 0 ? "/cancel" : "/reassign"),
                  "{\"reason\": \"Changed\", \"assignee\": \"sam\"}");
        String request = alex.post(contact + "/guidance-requests",
                "{\"question\": \"Q" + i + "\", \"urgency\": \"ROUTINE\"}").text("requestId");
        Api.at(port).as("morgan").post("/api/guidance-requests/" + request + "/response", "{\"guidance\": \"G\"}");
        Instant ahead = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String session = alex.post(contact + "/next-session",
                "{\"scheduledFor\": \"" + ahead + "\", \"setting\": {\"type\": \"HOME\"}}").text("sessionId");
        alex.post("/api/sessions/" + session + "/reschedule",
                  "{\"scheduledFor\": \"" + ahead.plus(1, ChronoUnit.DAYS) + "\", \"reason\": \"Moved\"}");
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                         .filter(StreamingEventProcessor.class::isInstance)
                         .map(StreamingEventProcessor.class::cast)
                         .filter(StreamingEventProcessor::supportsReset)
                         .toList();
    }
}
