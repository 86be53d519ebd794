package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Risks, actions, manager guidance, sessions and compliance through HTTP, on a clock set to
 * Friday 8 January 2027, 12:00 UTC (it runs on from there), so overdue work and visit deadlines across the
 * Christmas bank holidays are the same on any day the tests run.
 */
@Import(FollowUpsHttpTest.ShiftedClock.class)
@TestPropertySource(properties = {
        "casetrail.compliance.draft-older-than-days=0",
        "casetrail.compliance.guidance-waiting-days=0"})
class FollowUpsHttpTest extends HttpTestSupport {

    static final Instant NOW = Instant.parse("2027-01-08T12:00:00Z");
    static final MovableClock CLOCK = new MovableClock(Duration.between(Instant.now(), NOW));

    /** The system clock set to {@link #NOW} when the class loads; a test may move it on, and puts it back. */
    static final class MovableClock extends Clock {

        private final Duration start;
        private final java.time.ZoneId zone;
        private volatile Duration offset;

        MovableClock(Duration offset) {
            this(offset, java.time.ZoneOffset.UTC);
        }

        private MovableClock(Duration offset, java.time.ZoneId zone) {
            this.start = offset;
            this.offset = offset;
            this.zone = zone;
        }

        void moveOn(Duration by) {
            offset = offset.plus(by);
        }

        void putBack() {
            offset = start;
        }

        @Override
        public java.time.ZoneId getZone() {
            return zone;
        }

        /** The same clock read in another zone: it moves with this one. */
        @Override
        public Clock withZone(java.time.ZoneId other) {
            MovableClock parent = this;
            return new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return other;
                }

                @Override
                public Clock withZone(java.time.ZoneId again) {
                    return parent.withZone(again);
                }

                @Override
                public Instant instant() {
                    return parent.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
    static Clock eventClock;

    @TestConfiguration
    static class ShiftedClock {
        @Bean
        @Primary
        Clock shiftedClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void shiftEventTimes() {
        eventClock = GenericEventMessage.clock;
        GenericEventMessage.clock = CLOCK;
    }

    @AfterAll
    static void restoreEventTimes() {
        GenericEventMessage.clock = eventClock;
    }

    String contact(String caseId, String setting, String start) {
        var response = alex().post("/api/cases/" + caseId + "/contacts", """
                {"attendees": [{"name": "Jo", "role": "SERVICE_USER"}], "setting": {"type": "%s"},
                 "startedAt": "%s", "endedAt": "%s", "purpose": {"text": "Visit"}, "description": "Seen."%s}"""
                .formatted(setting, start, Instant.parse(start).plusSeconds(3600),
                           setting.equals("HOME") ? ", " + CHILD_SEEN : ""));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("contactId");
    }

    /** Signs a contact and waits until the contact projection has it signed: only then is it a home visit. */
    void signed(String contactId) {
        assertThat(alex().post("/api/contacts/" + contactId + "/finalise", "").status()).isEqualTo(200);
        assertThat(alex().get("/api/contacts/" + contactId + "?minVersion=2").status()).isEqualTo(200);
    }

    /** Opens a case and waits until the case projection has it. */
    String openCase(String planType) {
        String caseId = alex().post("/api/cases", """
                {"serviceUser": {"name": "Sam", "dateOfBirth": "2016-06-01"}, "planType": "%s",
                 "allocatedWorker": "alex"}""".formatted(planType)).text("caseId");
        assertThat(alex().get("/api/cases/" + caseId + "?minVersion=1").status()).isEqualTo(200);
        return caseId;
    }

    JsonNode contactRead(String contactId) {
        return alex().get("/api/contacts/" + contactId + "?minVersion=1").json();
    }

    JsonNode eventually(String path, java.util.function.Predicate<JsonNode> ready) {
        return eventually(() -> alex().get(path).json(), ready, Duration.ofSeconds(5));
    }

    @Test
    void aRiskIsIdentifiedReviewedInALaterContactAndClosed() {
        String caseId = openCase("CHILD_PROTECTION");
        String first = contact(caseId, "HOME", "2027-01-04T10:00:00Z");
        String later = contact(caseId, "SCHOOL", "2027-01-07T10:00:00Z");
        var identified = alex().post("/api/contacts/" + first + "/risks", """
                {"category": "TO_SELF", "aspects": ["EMOTIONAL", "SAFETY"], "description": "Talk of self-harm",
                 "severity": "HIGH", "professionalsInvolved": [{"name": "Ann Lee", "organisation": "Hill Primary",
                 "role": "School nurse"}]}""");
        assertThat(identified.status()).as(identified.toString()).isEqualTo(201);
        String riskId = identified.text("riskId");
        var review = alex().post("/api/risks/" + riskId + "/reviews",
                "{\"contactId\": \"" + later + "\", \"note\": \"Safety plan working\", \"severity\": \"MEDIUM\"}");
        assertThat(review.status()).as(review.toString()).isEqualTo(201);

        JsonNode register = eventually("/api/cases/" + caseId + "/risks?status=OPEN",
                r -> r.path("items").size() == 1 && r.path("items").get(0).path("reviews").size() == 1);
        JsonNode risk = register.path("items").get(0);
        assertThat(risk.path("riskId").asText()).isEqualTo(riskId);
        assertThat(risk.path("severity").asText()).isEqualTo("MEDIUM");
        assertThat(risk.path("category").asText()).isEqualTo("TO_SELF");
        assertThat(risk.path("contactId").asText()).isEqualTo(first);
        assertThat(risk.path("professionalsInvolved").get(0).path("organisation").asText()).isEqualTo("Hill Primary");
        assertThat(risk.path("reviews").get(0).path("previousSeverity").asText()).isEqualTo("HIGH");
        assertThat(risk.path("reviews").get(0).path("contactId").asText()).isEqualTo(later);

        JsonNode unactioned = eventually("/api/compliance/recording",
                r -> r.path("risksWithoutAction").findValuesAsText("riskId").contains(riskId));
        assertThat(unactioned.path("risksWithoutAction").findValuesAsText("riskId")).contains(riskId);
        alex().post("/api/contacts/" + later + "/actions", """
                {"description": "Refer to CAMHS", "assignee": "alex", "dueDate": "2027-01-15", "term": "SHORT"}""");
        JsonNode actioned = eventually("/api/compliance/recording",
                r -> !r.path("risksWithoutAction").findValuesAsText("riskId").contains(riskId));
        assertThat(actioned.path("risksWithoutAction").findValuesAsText("riskId")).doesNotContain(riskId);

        assertThat(alex().post("/api/risks/" + riskId + "/close", "{\"reason\": \"Moved to a safe placement\"}").status())
                .isEqualTo(200);
        long before = events();
        var again = alex().post("/api/risks/" + riskId + "/close", "{\"reason\": \"again\"}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.text("code")).isEqualTo("RISK_CLOSED");
        assertThat(events()).isEqualTo(before);
        JsonNode closed = eventually("/api/cases/" + caseId + "/risks?status=CLOSED", r -> r.path("items").size() == 1);
        assertThat(closed.path("items").get(0).path("closeReason").asText()).isEqualTo("Moved to a safe placement");

        JsonNode links = eventually("/api/contacts/" + later, c -> c.path("linked").size() == 2).path("linked");
        assertThat(links.findValuesAsText("relation")).containsExactlyInAnyOrder("REVIEWED", "ASSIGNED");
        assertThat(contactRead(first).path("linked").get(0).path("relation").asText()).isEqualTo("IDENTIFIED");
    }

    @Test
    void outstandingAndOverdueActionsAcrossContacts() {
        String caseId = openCase("CHILD_IN_NEED");
        String contact = contact(caseId, "OFFICE", "2027-01-04T10:00:00Z");
        String assignee = "worker-" + UUID.randomUUID();
        String overdue = assign(contact, assignee, "2027-01-07");
        String dueToday = assign(contact, assignee, "2027-01-08");
        String done = assign(contact, assignee, "2027-01-20");
        String cancelled = assign(contact, assignee, "2027-01-01");
        String later = contact(caseId, "HOME", "2027-01-08T09:00:00Z");
        assertThat(alex().post("/api/actions/" + done + "/complete",
                "{\"contactId\": \"" + later + "\", \"outcome\": \"Place agreed at nursery\"}").status()).isEqualTo(200);
        assertThat(alex().post("/api/actions/" + cancelled + "/cancel", "{\"reason\": \"No longer needed\"}").status())
                .isEqualTo(200);
        assertThat(alex().post("/api/actions/" + dueToday + "/reassign",
                "{\"assignee\": \"" + assignee + "\", \"reason\": \"Same worker, new team\"}").status()).isEqualTo(200);

        String mine = "/api/actions?assignee=" + assignee;
        // The reassignment is the last of these writes: once it shows, the actions projection has them all.
        JsonNode outstanding = eventually(mine + "&status=OUTSTANDING", r -> r.path("items").size() == 2
                && r.path("items").get(1).path("history").size() == 2);
        assertThat(outstanding.path("today").asText()).isEqualTo("2027-01-08");
        assertThat(outstanding.path("items").findValuesAsText("actionId")).containsExactly(overdue, dueToday);
        assertThat(outstanding.path("items").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(outstanding.path("items").get(1).path("overdue").asBoolean()).as("due today").isFalse();
        assertThat(outstanding.path("items").get(1).path("history").findValuesAsText("change"))
                .containsExactly("ASSIGNED", "REASSIGNED");
        assertThat(alex().get(mine + "&status=OVERDUE").json().path("items").findValuesAsText("actionId"))
                .containsExactly(overdue);
        JsonNode completed = alex().get(mine + "&status=COMPLETED").json().path("items").get(0);
        assertThat(completed.path("actionId").asText()).isEqualTo(done);
        assertThat(completed.path("completedInContactId").asText()).isEqualTo(later);
        assertThat(completed.path("outcome").asText()).isEqualTo("Place agreed at nursery");
        assertThat(alex().get("/api/actions?caseId=" + caseId + "&status=OUTSTANDING").json().path("items").size())
                .isEqualTo(2);

        long before = events();
        var refused = alex().post("/api/actions/" + done + "/reassign", "{\"assignee\": \"sam\", \"reason\": \"x\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("ACTION_COMPLETED");
        assertThat(alex().post("/api/actions/" + cancelled + "/due-date",
                "{\"dueDate\": \"2027-02-01\", \"reason\": \"x\"}").text("code")).isEqualTo("ACTION_CANCELLED");
        assertThat(events()).isEqualTo(before);
    }

    String assign(String contactId, String assignee, String due) {
        var response = alex().post("/api/contacts/" + contactId + "/actions", """
                {"description": "Do something by %s", "assignee": "%s", "dueDate": "%s", "term": "SHORT"}"""
                .formatted(due, assignee, due));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("actionId");
    }

    @Test
    void guidanceIsAnsweredOnceAndOnlyByAManager() {
        String caseId = openCase("CHILD_PROTECTION");
        String contact = contact(caseId, "HOME", "2027-01-07T10:00:00Z");
        var requested = alex().post("/api/contacts/" + contact + "/guidance-requests",
                "{\"question\": \"Strategy discussion today?\", \"urgency\": \"URGENT\"}");
        assertThat(requested.status()).isEqualTo(201);
        String requestId = requested.text("requestId");

        JsonNode queue = eventually("/api/guidance-requests?status=AWAITING&caseId=" + caseId,
                                    q -> q.path("items").size() == 1);
        JsonNode waiting = queue.path("items").get(0);
        assertThat(waiting.path("requestId").asText()).isEqualTo(requestId);
        assertThat(waiting.path("urgency").asText()).isEqualTo("URGENT");
        assertThat(waiting.path("requestedBy").asText()).isEqualTo("alex");
        assertThat(eventually("/api/compliance/recording", r -> true).path("guidanceAwaiting")
                .findValuesAsText("requestId")).contains(requestId);

        long before = events();
        var byPractitioner = alex().post("/api/guidance-requests/" + requestId + "/response", "{\"guidance\": \"Mine\"}");
        assertThat(byPractitioner.status()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
        var morgan = as("morgan");
        assertThat(morgan.post("/api/guidance-requests/" + requestId + "/response",
                "{\"guidance\": \"Yes, at 3pm; invite the school\"}").status()).isEqualTo(200);
        var twice = morgan.post("/api/guidance-requests/" + requestId + "/response", "{\"guidance\": \"No\"}");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.text("code")).isEqualTo("GUIDANCE_ALREADY_GIVEN");

        JsonNode answered = eventually("/api/guidance-requests?status=ANSWERED&caseId=" + caseId,
                                       q -> q.path("items").size() == 1).path("items").get(0);
        assertThat(answered.path("guidance").asText()).isEqualTo("Yes, at 3pm; invite the school");
        assertThat(answered.path("answeredBy").asText()).isEqualTo("morgan");
        assertThat(answered.path("answeredAt").asText()).isNotBlank();
    }

    @Test
    void sessionsAreBookedAheadThenHeldBySigningMissedOrHadNoAccessAndOverdueInBetween() {
        String caseId = openCase("LOOKED_AFTER");
        String contact = contact(caseId, "HOME", "2027-01-04T10:00:00Z");
        long beforeRefusals = events();
        var past = alex().post("/api/contacts/" + contact + "/next-session", """
                {"scheduledFor": "2027-01-07T10:00:00Z", "setting": {"type": "HOME"}}""");
        assertThat(past.status()).as("a session is booked ahead, not in the past").isEqualTo(400);
        assertThat(past.json().path("errors").get(0).path("field").asText()).isEqualTo("scheduledFor");
        String held = book(contact, "2027-01-09T10:00:00Z");
        String noAccess = book(contact, "2027-01-10T10:00:00Z");
        String missed = book(contact, "2027-01-10T15:00:00Z");
        String cancelled = book(contact, "2027-01-12T10:00:00Z");
        assertThat(alex().post("/api/sessions/" + held + "/reschedule",
                "{\"scheduledFor\": \"2027-01-08T10:00:00Z\", \"reason\": \"Earlier\"}").status())
                .as("nor moved into the past").isEqualTo(400);
        assertThat(alex().post("/api/sessions/" + held + "/reschedule",
                "{\"scheduledFor\": \"2027-01-09T14:00:00Z\", \"reason\": \"School finishes late\"}").status())
                .isEqualTo(200);
        assertThat(events() - beforeRefusals).as("four bookings and a move; the refusals stored nothing")
                                             .isEqualTo(5);

        CLOCK.moveOn(Duration.ofDays(3));
        try {
            var heldContact = alex().post("/api/cases/" + caseId + "/contacts", """
                    {"attendees": [{"name": "Jo", "role": "SERVICE_USER"}], "setting": {"type": "HOME"},
                     "startedAt": "2027-01-09T14:00:00Z", "endedAt": "2027-01-09T15:00:00Z",
                     "purpose": {"text": "Visit"}, "description": "Seen.", "sessionId": "%s", %s}"""
                    .formatted(held, CHILD_SEEN));
            assertThat(heldContact.status()).as(heldContact.toString()).isEqualTo(201);
            String heldContactId = heldContact.text("contactId");
            // The draft does not hold the session: until the contact is signed, the session is overdue.
            JsonNode overdue = eventually("/api/cases/" + caseId + "/sessions",
                    s -> s.path("items").size() == 4 && s.path("items").get(0).path("overdue").asBoolean());
            assertThat(overdue.path("items").get(0).path("status").asText()).isEqualTo("BOOKED");
            assertThat(overdue.path("items").findValuesAsText("overdue"))
                    .containsExactly("true", "true", "true", "false");
            assertThat(alex().get("/api/cases/" + caseId).json().path("counts").path("overdueSessions").asInt())
                    .isEqualTo(3);
            assertThat(alex().get("/api/compliance/recording").json().path("overdueSessions")
                    .findValuesAsText("sessionId")).contains(held, noAccess, missed).doesNotContain(cancelled);

            var draftForMissed = alex().post("/api/cases/" + caseId + "/contacts", """
                    {"setting": {"type": "HOME"}, "startedAt": "2027-01-10T15:00:00Z", "sessionId": "%s"}"""
                    .formatted(missed));
            assertThat(alex().post("/api/contacts/" + draftForMissed.text("contactId") + "/discard",
                    "{\"reason\": \"They did not come\"}").status()).isEqualTo(200);
            signed(heldContactId);
            assertThat(alex().post("/api/sessions/" + noAccess + "/no-access",
                    "{\"attemptedAt\": \"2027-01-10T10:05:00Z\", \"note\": \"No answer; curtains drawn\"}").status())
                    .isEqualTo(200);
            assertThat(alex().post("/api/sessions/" + missed + "/missed", "{\"note\": \"Did not come to the office\"}")
                    .status()).as("the discarded draft left the session booked").isEqualTo(200);
            assertThat(alex().post("/api/sessions/" + cancelled + "/cancel", "{\"reason\": \"Placement moved\"}")
                    .status()).isEqualTo(200);

            JsonNode sessions = eventually("/api/cases/" + caseId + "/sessions", s -> s.path("items").size() == 4
                    && s.path("items").findValuesAsText("status").stream().noneMatch("BOOKED"::equals)).path("items");
            assertThat(sessions.findValuesAsText("sessionId")).containsExactly(held, noAccess, missed, cancelled);
            assertThat(sessions.findValuesAsText("status")).containsExactly("HELD", "NO_ACCESS", "MISSED", "CANCELLED");
            assertThat(sessions.findValuesAsText("overdue")).containsOnly("false");
            assertThat(sessions.get(0).path("scheduledFor").asText()).isEqualTo("2027-01-09T14:00:00Z");
            assertThat(sessions.get(0).path("heldInContactId").asText()).isEqualTo(heldContactId);
            assertThat(sessions.get(0).path("history").findValuesAsText("change"))
                    .containsExactly("BOOKED", "RESCHEDULED", "HELD");
            assertThat(sessions.get(0).path("history").get(1).path("note").asText()).isEqualTo("School finishes late");

            String otherCaseId = openCase("OTHER");
            long before = events();
            var afterHeld = alex().post("/api/sessions/" + held + "/cancel", "{\"reason\": \"x\"}");
            assertThat(afterHeld.status()).isEqualTo(422);
            assertThat(afterHeld.text("code")).isEqualTo("SESSION_NOT_BOOKED");
            var heldTwice = alex().post("/api/cases/" + caseId + "/contacts", """
                    {"setting": {"type": "HOME"}, "startedAt": "2027-01-09T14:00:00Z", "sessionId": "%s"}"""
                    .formatted(held));
            assertThat(heldTwice.status()).isEqualTo(422);
            var otherCase = alex().post("/api/cases/" + otherCaseId + "/contacts", """
                    {"setting": {"type": "HOME"}, "startedAt": "2027-01-09T14:00:00Z", "sessionId": "%s"}"""
                    .formatted(cancelled));
            assertThat(otherCase.status()).isEqualTo(422);
            assertThat(events()).as("a refused draft stores neither the contact nor the session change")
                                .isEqualTo(before);

            JsonNode links = eventually("/api/contacts/" + heldContactId, c -> c.path("linked").size() == 1);
            assertThat(links.path("linked").get(0).path("relation").asText()).isEqualTo("HELD");
            assertThat(links.path("linked").get(0).path("addedAfterSigning").asBoolean()).isFalse();
        } finally {
            CLOCK.putBack();
        }
    }

    String book(String contactId, String at) {
        var response = alex().post("/api/contacts/" + contactId + "/next-session", """
                {"scheduledFor": "%s", "setting": {"type": "HOME"}, "focus": "Review the plan"}""".formatted(at));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("sessionId");
    }

    @Test
    void homeVisitsAreDueInWorkingDaysAcrossAWeekendAndTheChristmasBankHolidays() {
        String caseId = openCase("CHILD_PROTECTION");
        signed(contact(caseId, "HOME", "2026-12-18T10:00:00Z"));
        contactRead(contact(caseId, "OFFICE", "2027-01-05T10:00:00Z"));
        // A complete home visit left unsigned is not yet a visit: it counts once it is signed.
        contactRead(contact(caseId, "HOME", "2027-01-05T13:00:00Z"));
        String signedHome = contact(caseId, "HOME", "2027-01-05T11:00:00Z");
        alex().post("/api/contacts/" + signedHome + "/finalise", "");
        assertThat(alex().get("/api/contacts/" + signedHome + "?minVersion=2").status()).isEqualTo(200);
        String draftHome = alex().post("/api/cases/" + caseId + "/contacts",
                "{\"setting\": {\"type\": \"HOME\"}, \"startedAt\": \"2027-01-05T12:00:00Z\"}").text("contactId");
        alex().post("/api/contacts/" + draftHome + "/discard", "{\"reason\": \"Wrong case\"}");
        assertThat(alex().get("/api/contacts/" + draftHome + "?minVersion=2").status()).isEqualTo(200);

        // 10 working days after Friday 18 December 2026, skipping weekends, 25 and 28 December and 1 January.
        JsonNode item = visit(alex().get("/api/compliance/visits?asOf=2027-01-06").json(), caseId);
        assertThat(item.path("planType").asText()).isEqualTo("CHILD_PROTECTION");
        assertThat(item.path("standard").asText()).isEqualTo("a home visit every 10 working days");
        assertThat(item.path("lastHomeVisit").asText()).as("the signed HOME contact of 5 January counts, the "
                + "discarded draft and the unsigned one do not").isEqualTo("2027-01-05T11:00:00Z");
        JsonNode before = visit(alex().get("/api/compliance/visits?asOf=2027-01-04").json(), caseId);
        assertThat(before.path("lastHomeVisit").asText()).isEqualTo("2026-12-18T10:00:00Z");
        assertThat(before.path("nextDue").asText()).isEqualTo("2027-01-06");
        assertThat(before.path("overdue").asBoolean()).isFalse();
        assertThat(item.path("nextDue").asText()).isEqualTo("2027-01-19");
        assertThat(item.path("overdue").asBoolean()).isFalse();
        assertThat(visit(alex().get("/api/compliance/visits?asOf=2027-01-20").json(), caseId).path("overdue")
                .asBoolean()).isTrue();
        assertThat(alex().get("/api/compliance/visits?asOf=soon").status()).isEqualTo(400);
    }

    @Test
    void aHomeVisitMissedOverChristmasIsOverdueTheDayAfterItWasDue() {
        String caseId = openCase("CHILD_PROTECTION");
        signed(contact(caseId, "HOME", "2026-12-18T10:00:00Z"));
        JsonNode due = alex().get("/api/compliance/visits?asOf=2027-01-06").json();
        assertThat(visit(due, caseId).path("nextDue").asText()).isEqualTo("2027-01-06");
        assertThat(visit(due, caseId).path("overdue").asBoolean()).isFalse();
        JsonNode late = alex().get("/api/compliance/visits?asOf=2027-01-07").json();
        assertThat(visit(late, caseId).path("overdue").asBoolean()).isTrue();
        assertThat(visit(alex().get("/api/compliance/visits").json(), caseId).path("overdue").asBoolean())
                .as("today, 8 January").isTrue();
    }

    static JsonNode visit(JsonNode report, String caseId) {
        for (JsonNode item : report.path("items")) {
            if (caseId.equals(item.path("caseId").asText())) {
                return item;
            }
        }
        return null;
    }

    @Test
    void oldDraftsAndLateEntriesAreReported() {
        String caseId = openCase("EARLY_HELP");
        String draft = alex().post("/api/cases/" + caseId + "/contacts",
                "{\"setting\": {\"type\": \"PHONE\"}, \"startedAt\": \"2026-10-01T10:00:00Z\"}").text("contactId");
        JsonNode report = eventually("/api/compliance/recording",
                r -> r.path("oldDrafts").findValuesAsText("contactId").contains(draft));
        assertThat(report.path("oldDrafts").findValuesAsText("contactId")).contains(draft);
        assertThat(report.path("lateEntries").findValuesAsText("contactId")).as("recorded weeks after").contains(draft);
    }

    @Test
    void unknownIdsAre404AndBadInputIs400() {
        String unknown = UUID.randomUUID().toString();
        long before = events();
        assertThat(alex().post("/api/risks/" + unknown + "/close", "{\"reason\": \"x\"}").status()).isEqualTo(404);
        assertThat(alex().post("/api/actions/" + unknown + "/cancel", "{\"reason\": \"x\"}").status()).isEqualTo(404);
        assertThat(alex().post("/api/sessions/" + unknown + "/missed", "{}").status()).isEqualTo(404);
        assertThat(as("morgan").post("/api/guidance-requests/" + unknown + "/response", "{\"guidance\": \"x\"}")
                .status()).isEqualTo(404);
        assertThat(alex().post("/api/contacts/" + unknown + "/risks", """
                {"category": "TO_SELF", "aspects": ["SAFETY"], "description": "x", "severity": "LOW"}""").status())
                .isEqualTo(404);
        assertThat(alex().get("/api/cases/" + unknown + "/risks").status()).isEqualTo(404);
        assertThat(alex().get("/api/cases/" + unknown + "/sessions").status()).isEqualTo(404);

        String contact = contact(openCase("OTHER"), "HOME", "2027-01-04T10:00:00Z");
        long afterSetup = events();
        var noAspects = alex().post("/api/contacts/" + contact + "/risks",
                "{\"category\": \"TO_SELF\", \"aspects\": [], \"description\": \"x\", \"severity\": \"LOW\"}");
        assertThat(noAspects.status()).isEqualTo(400);
        assertThat(noAspects.json().path("errors").findValuesAsText("field")).contains("aspects");
        assertThat(alex().post("/api/contacts/" + contact + "/actions",
                "{\"description\": \"x\", \"assignee\": \"a\", \"dueDate\": \"soon\", \"term\": \"SHORT\"}").status())
                .isEqualTo(400);
        assertThat(alex().post("/api/contacts/" + contact + "/guidance-requests",
                "{\"question\": \"x\", \"urgency\": \"NOW\"}").status()).isEqualTo(400);
        assertThat(alex().post("/api/contacts/" + contact + "/next-session",
                "{\"setting\": {\"type\": \"HOME\"}}").status()).isEqualTo(400);
        assertThat(alex().get("/api/actions?status=LATE").status()).isEqualTo(400);
        assertThat(as("avery").post("/api/contacts/" + contact + "/actions",
                "{\"description\": \"x\", \"assignee\": \"a\", \"dueDate\": \"2027-02-01\", \"term\": \"SHORT\"}")
                .status()).isEqualTo(403);
        assertThat(events()).isEqualTo(afterSetup);
        assertThat(afterSetup - before).isEqualTo(2);
    }
}
