package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Contacts through HTTP: the whole life of a note, and the note as it stood at every moment. */
class ContactsHttpTest extends HttpTestSupport {

    static final String BARE_DRAFT = """
            {"setting": {"type": "HOME", "location": "12 Acacia Avenue"}, "startedAt": "2026-11-20T10:00:00Z"}""";

    String plan(String caseId) {
        return alex().post("/api/cases/" + caseId + "/plans",
                CARE_PLAN).text("planId");
    }

    String draft(String caseId) {
        var response = alex().post("/api/cases/" + caseId + "/contacts", BARE_DRAFT);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("contactId");
    }

    JsonNode read(String contactId, long minVersion) {
        var response = alex().get("/api/contacts/" + contactId + "?minVersion=" + minVersion);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** A moment strictly between the recording of the version just read and the next write. */
    Instant after(JsonNode state) {
        return Instant.parse(state.path("versionRecordedAt").asText()).plus(1, ChronoUnit.MILLIS);
    }

    @Test
    void aNoteThroughItsWholeLifeReadsBackAsItStoodBetweenEveryStep() {
        String caseId = openCase();
        String planId = plan(caseId);
        String contactId = draft(caseId);
        String path = "/api/contacts/" + contactId;
        List<JsonNode> states = new ArrayList<>();
        List<Instant> moments = new ArrayList<>();
        states.add(read(contactId, 1));
        moments.add(after(states.get(0)));

        String[][] steps = {
                {"PUT", "/attendees", "[{\"name\": \"Jo Bloggs\", \"role\": \"SERVICE_USER\"},"
                        + " {\"name\": \"Dr Rao\", \"role\": \"PROFESSIONAL\", \"organisation\": \"GP surgery\"}]"},
                {"PUT", "/timing", "{\"startedAt\": \"2026-11-20T10:00:00Z\", \"endedAt\": \"2026-11-20T11:00:00Z\"}"},
                {"PUT", "/purpose", "{\"text\": \"Review the safety plan\", \"linkedPlanIds\": [\"" + planId + "\"],"
                        + " \"intervention\": \"Signs of Safety\", \"theory\": \"Strengths-based practice\"}"},
                {"PUT", "/description", "{\"text\": \"Jo showed me her room and talked about school.\"}"},
                {"PUT", "/child-visit", "{\"childSeen\": true, \"seenAlone\": true, \"bedroomSeen\": true,"
                        + " \"wishesAndFeelings\": \"I want to stay at this school.\"}"},
                {"POST", "/finalise", ""},
                {"POST", "/addenda", "{\"text\": \"Dr Rao phoned afterwards.\", \"reason\": \"Received after signing\"}"},
                {"POST", "/corrections", "{\"section\": \"TIMING\", \"value\": {\"startedAt\": \"2026-11-20T10:00:00Z\","
                        + " \"endedAt\": \"2026-11-20T10:40:00Z\"}, \"reason\": \"The visit ended at 10:40\"}"},
        };
        for (String[] step : steps) {
            sleep(5);
            var response = "PUT".equals(step[0]) ? alex().put(path + step[1], step[2]) : alex().post(path + step[1], step[2]);
            assertThat(response.status()).as(step[1] + " " + response).isIn(200, 201);
            long version = response.json().path("version").asLong();
            assertThat(version).isEqualTo(states.size() + 1);
            states.add(read(contactId, version));
            moments.add(after(states.get(states.size() - 1)));
            sleep(5);
        }

        JsonNode now = states.get(states.size() - 1);
        assertThat(now.path("status").asText()).isEqualTo("FINALISED");
        assertThat(now.path("finalisedBy").asText()).isEqualTo("alex");
        assertThat(now.path("author").asText()).isEqualTo("alex");
        assertThat(now.path("attendees").get(1).path("organisation").asText()).isEqualTo("GP surgery");
        assertThat(now.path("purpose").path("linkedPlanIds").get(0).asText()).isEqualTo(planId);
        assertThat(now.path("endedAt").asText()).isEqualTo("2026-11-20T10:40:00Z");
        assertThat(now.path("amended").asBoolean()).isTrue();
        assertThat(now.path("lateEntry").asBoolean()).as("recorded days after the session").isTrue();
        assertThat(now.path("occurredAt").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(now.path("addenda").get(0).path("reason").asText()).isEqualTo("Received after signing");
        JsonNode correction = now.path("corrections").get(0);
        assertThat(correction.path("section").asText()).isEqualTo("TIMING");
        assertThat(correction.path("original").path("endedAt").asText()).isEqualTo("2026-11-20T11:00:00Z");
        assertThat(correction.path("corrected").path("endedAt").asText()).isEqualTo("2026-11-20T10:40:00Z");
        assertThat(correction.path("reason").asText()).isEqualTo("The visit ended at 10:40");

        for (int i = 0; i < states.size(); i++) {
            var asOf = alex().get(path + "?asOf=" + moments.get(i));
            assertThat(asOf.status()).isEqualTo(200);
            assertThat(asOf.json()).as("as of just after version %d", i + 1).isEqualTo(states.get(i));
        }
        Instant beforeDraft = Instant.parse(states.get(0).path("recordedAt").asText()).minusMillis(1);
        assertThat(alex().get(path + "?asOf=" + beforeDraft).status()).as("did not exist yet").isEqualTo(404);
        assertThat(states.get(4).path("status").asText()).isEqualTo("DRAFT");
        assertThat(states.get(5).path("childVisit").path("wishesAndFeelings").asText())
                .isEqualTo("I want to stay at this school.");
        assertThat(states.get(4).path("childVisit").path("childSeen").isMissingNode()).as("before it was recorded")
                .isTrue();
        assertThat(states.get(6).path("status").asText()).isEqualTo("FINALISED");
        assertThat(states.get(7).path("corrections")).isEmpty();
        assertThat(states.get(7).path("endedAt").asText()).as("before the correction").isEqualTo("2026-11-20T11:00:00Z");

        JsonNode history = alex().get(path + "/history").json().path("versions");
        assertThat(history).hasSize(9);
        assertThat(history.findValuesAsText("change")).containsExactly("DRAFTED", "ATTENDEES_CHANGED",
                "TIMING_CHANGED", "PURPOSE_CHANGED", "DESCRIPTION_CHANGED", "CHILD_VISIT_CHANGED", "FINALISED",
                "ADDENDUM_ADDED", "CORRECTED");
        JsonNode corrected = history.get(8);
        assertThat(corrected.path("recordedBy").asText()).isEqualTo("alex");
        assertThat(corrected.path("reason").asText()).isEqualTo("The visit ended at 10:40");
        assertThat(corrected.path("section").asText()).isEqualTo("TIMING");
        assertThat(corrected.path("changes").get(0).path("field").asText()).isEqualTo("endedAt");
        assertThat(corrected.path("changes").get(0).path("from").asText()).isEqualTo("2026-11-20T11:00:00Z");
        assertThat(corrected.path("changes").get(0).path("to").asText()).isEqualTo("2026-11-20T10:40:00Z");

        JsonNode listed = alex().get("/api/cases/" + caseId + "/contacts").json();
        assertThat(listed.path("items").get(0).path("contactId").asText()).isEqualTo(contactId);
        assertThat(listed.path("items").get(0).path("lateEntry").asBoolean()).isTrue();
        assertThat(eventually(() -> alex().get("/api/cases/" + caseId).json().path("counts").path("contacts").asInt(),
                              n -> n == 1, java.time.Duration.ofSeconds(10))).isEqualTo(1);
    }

    @Test
    void aContactWrittenUpPromptlyIsNotALateEntry() {
        String caseId = openCase();
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        var response = alex().post("/api/cases/" + caseId + "/contacts",
                "{\"setting\": {\"type\": \"OFFICE\"}, \"startedAt\": \"" + start + "\", \"endedAt\": \""
                + start.plus(1, ChronoUnit.HOURS) + "\"}");
        assertThat(read(response.text("contactId"), 1).path("lateEntry").asBoolean()).isFalse();
    }

    @Test
    void finalisedContactsRefuseEditsAndIncompleteDraftsRefuseSigning() {
        String caseId = openCase();
        String contactId = draft(caseId);
        var incomplete = alex().post("/api/contacts/" + contactId + "/finalise", "");
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.text("code")).isEqualTo("CONTACT_INCOMPLETE");
        assertThat(incomplete.text("detail")).contains("attendees", "purpose");
        var addendum = alex().post("/api/contacts/" + contactId + "/addenda", "{\"text\": \"x\", \"reason\": \"y\"}");
        assertThat(addendum.status()).isEqualTo(422);
        assertThat(addendum.text("code")).isEqualTo("CONTACT_NOT_FINALISED");
    }

    @Test
    void onlyTheAuthorOrAManagerChangesADraft() {
        String caseId = openCase();
        String contactId = draft(caseId);
        long before = events();
        var other = Api.at(port).as("morgan");
        assertThat(other.put("/api/contacts/" + contactId + "/description", "{\"text\": \"manager's words\"}").status())
                .isEqualTo(200);
        var auditor = Api.at(port).as("avery").put("/api/contacts/" + contactId + "/description", "{\"text\": \"x\"}");
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void discardingADraftKeepsItsEventsAndTakesItOutOfTheCount() {
        String caseId = openCase();
        String contactId = draft(caseId);
        var discarded = alex().post("/api/contacts/" + contactId + "/discard", "{\"reason\": \"Wrong case\"}");
        assertThat(discarded.status()).isEqualTo(200);
        JsonNode state = read(contactId, 2);
        assertThat(state.path("status").asText()).isEqualTo("DISCARDED");
        assertThat(state.path("discardReason").asText()).isEqualTo("Wrong case");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                       Long.class, contactId)).isEqualTo(2);
        assertThat(alex().get("/api/cases/" + caseId + "?minVersion=1").json().path("counts").path("contacts").asInt())
                .isZero();
        assertThat(alex().put("/api/contacts/" + contactId + "/description", "{\"text\": \"x\"}").text("code"))
                .isEqualTo("CONTACT_DISCARDED");
    }

    @Test
    void aContactOnAClosedCaseIsRefused() {
        String caseId = openCase();
        as("morgan").post("/api/cases/" + caseId + "/close", "{\"reason\": \"Needs met\"}");
        long before = events();
        var response = alex().post("/api/cases/" + caseId + "/contacts", BARE_DRAFT);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("CASE_CLOSED");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void linkedPlansMustBelongToTheSameCase() {
        String caseId = openCase();
        String otherCasesPlan = plan(openCase());
        var response = alex().post("/api/cases/" + caseId + "/contacts", """
                {"setting": {"type": "HOME"}, "startedAt": "2026-11-20T10:00:00Z",
                 "purpose": {"text": "p", "linkedPlanIds": ["%s"]}}""".formatted(otherCasesPlan));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("PLAN_NOT_IN_CASE");
    }

    @Test
    void staleIfMatchGets409AndStoresNothing() {
        String contactId = draft(openCase());
        assertThat(alex().put("/api/contacts/" + contactId + "/description", "{\"text\": \"v2\"}").status()).isEqualTo(200);
        long before = events();
        var stale = alex().header("If-Match", "\"1\"").put("/api/contacts/" + contactId + "/description",
                                                            "{\"text\": \"from v1\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(events()).isEqualTo(before);
        var fresh = alex().header("If-Match", "\"2\"").put("/api/contacts/" + contactId + "/description",
                                                            "{\"text\": \"from v2\"}");
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void aRepeatedIdempotencyKeyDraftsOnce() {
        String caseId = openCase();
        var keyed = alex().header("Idempotency-Key", "draft-" + UUID.randomUUID());
        long before = events();
        var first = keyed.post("/api/cases/" + caseId + "/contacts", BARE_DRAFT);
        var second = keyed.post("/api/cases/" + caseId + "/contacts", BARE_DRAFT);
        assertThat(second.text("contactId")).isEqualTo(first.text("contactId"));
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void unknownIdsAre404() {
        String unknown = UUID.randomUUID().toString();
        assertThat(alex().get("/api/contacts/" + unknown).status()).isEqualTo(404);
        assertThat(alex().get("/api/contacts/" + unknown + "/history").status()).isEqualTo(404);
        assertThat(alex().get("/api/contacts/nonsense").status()).as("not an id: bad input").isEqualTo(400);
        assertThat(alex().get("/api/cases/" + unknown + "/contacts").status()).isEqualTo(404);
        assertThat(alex().post("/api/cases/" + unknown + "/contacts", BARE_DRAFT).status()).isEqualTo(404);
        assertThat(alex().put("/api/contacts/" + unknown + "/description", "{\"text\": \"x\"}").status()).isEqualTo(404);
        assertThat(alex().post("/api/contacts/" + unknown + "/finalise", "").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no setting             | {"startedAt": "2026-11-20T10:00:00Z"}                                                     | setting
            no start               | {"setting": {"type": "HOME"}}                                                              | startedAt
            unknown setting type   | {"setting": {"type": "GARDEN"}, "startedAt": "2026-11-20T10:00:00Z"}                      | setting.type
            start without offset   | {"setting": {"type": "HOME"}, "startedAt": "2026-11-20T10:00:00"}                         | startedAt
            end before start       | {"setting": {"type": "HOME"}, "startedAt": "2026-11-20T10:00:00Z", "endedAt": "2026-11-20T09:00:00Z"} | endedAt
            start in the future    | {"setting": {"type": "HOME"}, "startedAt": "2999-01-01T10:00:00Z"}                        | startedAt
            attendee without name  | {"setting": {"type": "HOME"}, "startedAt": "2026-11-20T10:00:00Z", "attendees": [{"role": "SERVICE_USER"}]} | attendees[0].name
            unknown attendee role  | {"setting": {"type": "HOME"}, "startedAt": "2026-11-20T10:00:00Z", "attendees": [{"name": "A", "role": "AUNT"}]} | attendees[0].role
            linked plan not an id  | {"setting": {"type": "HOME"}, "startedAt": "2026-11-20T10:00:00Z", "purpose": {"text": "p", "linkedPlanIds": ["x"]}} | purpose.linkedPlanIds[0]
            session not an id      | {"setting": {"type": "HOME"}, "startedAt": "2026-11-20T10:00:00Z", "sessionId": "next tuesday"} | sessionId
            """)
    void badDraftsAre400NamingTheFieldAndStoreNothing(String label, String body, String field) {
        String caseId = openCase();
        long before = events();
        var response = alex().post("/api/cases/" + caseId + "/contacts", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("field")).contains(field);
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown section        | {"section": "RISKS", "value": "x", "reason": "r"}                                  | section
            no reason              | {"section": "DESCRIPTION", "value": {"text": "x"}}                                  | reason
            value of another shape | {"section": "TIMING", "value": {"startedAt": "soon"}, "reason": "r"}               | value.startedAt
            timing without start   | {"section": "TIMING", "value": {"endedAt": "2026-11-20T10:00:00Z"}, "reason": "r"} | value.startedAt
            empty attendees        | {"section": "ATTENDEES", "value": [], "reason": "r"}                                | value
            blank description      | {"section": "DESCRIPTION", "value": {"text": " "}, "reason": "r"}                   | value.text
            setting without type   | {"section": "SETTING", "value": {"location": "x"}, "reason": "r"}                   | value.type
            """)
    void badCorrectionsAre400NamingTheFieldAndStoreNothing(String label, String body, String field) {
        String contactId = finalisedContact();
        long before = events();
        var response = alex().post("/api/contacts/" + contactId + "/corrections", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("field")).contains(field);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void everyDraftEditValidatesItsBody() {
        String contactId = draft(openCase());
        long before = events();
        String path = "/api/contacts/" + contactId;
        assertThat(alex().put(path + "/attendees", "{\"name\": \"not a list\"}").status()).isEqualTo(400);
        assertThat(alex().put(path + "/attendees", "[{\"name\": \"\", \"role\": \"OTHER\"}]").status()).isEqualTo(400);
        assertThat(alex().put(path + "/setting", "{\"location\": \"x\"}").status()).isEqualTo(400);
        assertThat(alex().put(path + "/timing", "{\"endedAt\": \"2026-11-20T10:00:00Z\"}").status()).isEqualTo(400);
        assertThat(alex().put(path + "/purpose", "{\"linkedPlanIds\": \"x\"}").status()).isEqualTo(400);
        assertThat(alex().put(path + "/description", "{}").status()).isEqualTo(400);
        assertThat(alex().get(path + "?asOf=yesterday").status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    String finalisedContact() {
        String caseId = openCase();
        var response = alex().post("/api/cases/" + caseId + "/contacts", COMPLETE_DRAFT);
        String contactId = response.text("contactId");
        assertThat(alex().post("/api/contacts/" + contactId + "/finalise", "").status()).isEqualTo(200);
        return contactId;
    }
}
