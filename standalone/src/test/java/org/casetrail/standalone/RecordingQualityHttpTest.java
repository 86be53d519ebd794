package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each contact against the recording standard's seven steps, through HTTP: every check met and not met with its
 * reason, the plan's own visit frequency over the plan type's, the reason kept when signing short, results as of
 * an earlier moment, and the managers' report against a count made by hand. Contacts are placed hours or days
 * before now, so the deadlines they are held to do not depend on the day the tests run.
 */
class RecordingQualityHttpTest extends HttpTestSupport {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Everything the seven steps ask for, on an adult's case (no child-visit questions). */
    static final String GOOD = """
            {"attendees": [{"name": "Jo", "role": "SERVICE_USER"}, {"name": "Alex", "role": "PRACTITIONER"}],
             "setting": {"type": "HOME", "location": "12 Acacia Avenue"},
             "startedAt": "%s", "endedAt": "%s",
             "purpose": {"text": "Review the support plan", "linkedPlanIds": ["%s"],
                         "intervention": "Motivational interviewing", "theory": "Stages of change"},
             "description": "Jo showed me the new rota and we agreed two changes.",
             "statements": {"presentation": "Calm and engaged; led the conversation", "guidanceNeeded": false}}""";

    @Test
    void aNoteThatMeetsEveryStepSaysSoStepByStep() {
        String caseId = openCase("ADULT_CARE", today().minusDays(10));
        String plan = plan(caseId, today().minusDays(10), null);
        Instant start = hoursAgo(3);
        String contact = draft(caseId, GOOD.formatted(start, start.plus(1, ChronoUnit.HOURS), plan));
        raiseEverythingWell(contact);
        JsonNode q = settledQuality(contact, 1, 3);
        assertThat(q.path("stepsMet").asInt()).as(q.toString()).isEqualTo(7);
        assertThat(q.path("allStepsMet").asBoolean()).isTrue();
        assertThat(q.path("steps")).hasSize(7);
        q.path("steps").forEach(step -> assertThat(step.path("met").asBoolean()).as(step.toString()).isTrue());
        assertThat(q.path("timeliness").path("kind").asText()).isEqualTo("OTHER");
        assertThat(q.path("timeliness").path("met").asBoolean()).isTrue();
        assertThat(q.path("frequencyKept").asBoolean()).isTrue();
    }

    @Test
    void aBareDraftFallsShortOfEveryStepAndSaysWhy() {
        String caseId = openCase("ADULT_CARE", today().minusDays(10));
        String contact = draft(caseId, """
                {"setting": {"type": "OFFICE"}, "startedAt": "%s"}""".formatted(hoursAgo(2)));
        JsonNode q = settledQuality(contact, 1, 0);
        assertThat(q.path("stepsMet").asInt()).as(q.toString()).isZero();
        Map<String, String> reasons = reasons(q);
        assertThat(reasons).containsEntry("attendees.listed", "No one is listed as attending")
                .containsEntry("attendees.service-user",
                        "The service user is not listed as attending, and no reason is given why they were not seen")
                .containsEntry("where.place", "The place is not given")
                .containsEntry("where.times", "The end time is not recorded")
                .containsEntry("purpose.text", "The purpose is not recorded")
                .containsEntry("purpose.current-plan", "Not linked to an assessment or plan")
                .containsEntry("purpose.intervention", "The intervention used is not named")
                .containsEntry("purpose.theory", "The theory behind the intervention is not named")
                .containsEntry("took-place.narrative", "What took place is not recorded")
                .containsEntry("took-place.presentation", "How the person presented and engaged is not recorded")
                .containsEntry("risks.stated",
                        "No risk is recorded, and it is not stated that no new risks were identified")
                .containsEntry("actions.guidance", "Whether a manager's guidance is needed is not answered")
                .containsEntry("next-session.arranged", "No next session is booked, and no reason is given why not");
        assertThat(reasons).doesNotContainKeys("took-place.length", "risks.professionals", "actions.complete",
                                               "where.frequency");
        assertThat(q.path("timeliness").path("met").asBoolean()).as("a draft within its deadline").isTrue();
        assertThat(q.path("timeliness").path("signedAt").isMissingNode()).isTrue();
    }

    @Test
    void eachStepHasItsOwnWayOfFallingShort() {
        String caseId = openCase("ADULT_CARE", today().minusDays(10));
        String old = plan(caseId, today().minusMonths(7), null);
        Instant start = hoursAgo(3);
        String contact = draft(caseId, """
                {"attendees": [{"name": "Pat", "role": "PARENT_CARER"}], "setting": {"type": "HOME"},
                 "startedAt": "%s", "endedAt": "%s",
                 "purpose": {"text": "Review", "linkedPlanIds": ["%s"], "intervention": "MI", "theory": "SoC"},
                 "description": "%s",
                 "statements": {"presentation": "Tired", "noNewRisks": true, "guidanceNeeded": true}}"""
                .formatted(start, start.plus(1, ChronoUnit.HOURS), old, "x".repeat(6_001)));
        alex().post("/api/contacts/" + contact + "/risks", """
                {"category": "TO_SELF", "aspects": ["SAFETY"], "description": "Self-harm", "severity": "HIGH"}""");
        alex().post("/api/contacts/" + contact + "/actions", """
                {"description": "Refer to CAMHS", "assignee": "alex", "dueDate": "%s", "term": "SHORT"}"""
                .formatted(today().plusDays(7)));
        alex().post("/api/contacts/" + contact + "/next-session", """
                {"scheduledFor": "%s", "setting": {"type": "HOME", "location": "12 Acacia Avenue"}}"""
                .formatted(Instant.now().plus(7, ChronoUnit.DAYS)));
        JsonNode q = settledQuality(contact, 1, 3);
        Map<String, String> reasons = reasons(q);
        assertThat(reasons.get("attendees.service-user")).startsWith("The service user is not listed");
        assertThat(reasons).containsEntry("where.place", "A home visit without the address");
        assertThat(reasons.get("purpose.current-plan")).as(q.toString())
                .startsWith("No linked assessment or plan is up to date: 'Plan' is dated")
                .endsWith("more than 6 months before the contact; review it or link a current one");
        assertThat(reasons).containsEntry("took-place.length",
                "The account runs to 6,001 characters, over the 6,000 the standard sets: keep to what matters");
        assertThat(reasons).containsEntry("risks.stated",
                "It says no new risks were identified, yet this contact identified 1 risk");
        assertThat(reasons).containsEntry("risks.professionals",
                "1 high risk identified here names no professional involved in addressing it");
        assertThat(reasons).containsEntry("actions.complete", "1 action without an outcome to measure it by");
        assertThat(reasons).containsEntry("actions.guidance",
                "It says a manager's guidance is needed, but none is asked for");
        assertThat(reasons).containsEntry("next-session.arranged",
                "The next session is booked without what it will focus on");
        assertThat(q.path("timeliness").path("kind").asText()).as("a high risk makes it a critical event")
                .isEqualTo("CRITICAL_EVENT");
        assertThat(q.path("stepsMet").asInt()).as("every step falls short").isZero();
        assertThat(stepMet(q, 2)).isFalse();
    }

    @Test
    void statementsCompleteAHeadingWhenThereIsNothingElseToRecord() {
        String caseId = openCase("ADULT_CARE", today().minusDays(10));
        String plan = plan(caseId, today().minusDays(10), null);
        Instant start = hoursAgo(3);
        String contact = draft(caseId, """
                {"attendees": [{"name": "Pat", "role": "PARENT_CARER"}],
                 "setting": {"type": "PHONE"}, "startedAt": "%s", "endedAt": "%s",
                 "purpose": {"text": "Check in", "linkedPlanIds": ["%s"], "intervention": "MI", "theory": "SoC"},
                 "description": "Spoke with Pat."}""".formatted(start, start.plus(20, ChronoUnit.MINUTES), plan));
        JsonNode before = settledQuality(contact, 1, 0);
        assertThat(before.path("stepsMet").asInt()).as(before.toString()).isEqualTo(2);
        Instant between = Instant.now();
        sleep(20);
        var put = alex().put("/api/contacts/" + contact + "/statements", """
                {"serviceUserNotSeenReason": "Jo was in hospital", "presentation": "Pat sounded relieved",
                 "noNewRisks": true, "guidanceNeeded": false, "noNextSessionReason": "The case is closing"}""");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode after = settledQuality(contact, put.json().path("version").asLong(), 0);
        assertThat(after.path("stepsMet").asInt()).as(after.toString()).isEqualTo(7);
        assertThat(after.path("frequencyKept").asBoolean()).as("opened ten days ago, a month's standard").isTrue();

        JsonNode then = alex().get("/api/contacts/" + contact + "/quality?asOf=" + between).json();
        assertThat(then.path("stepsMet").asInt()).as("as it stood before the statements").isEqualTo(2);
        assertThat(Instant.parse(then.path("asOf").asText())).isEqualTo(between);
        assertThat(alex().get("/api/contacts/" + contact + "/quality?asOf=2020-01-01T00:00:00Z").status())
                .as("no contact then").isEqualTo(404);

        var read = alex().get("/api/contacts/" + contact).json().path("statements");
        assertThat(read.path("noNextSessionReason").asText()).isEqualTo("The case is closing");
        var cleared = alex().put("/api/contacts/" + contact + "/statements", "{\"presentation\": \"Relieved\"}");
        JsonNode replaced = settledQuality(contact, cleared.json().path("version").asLong(), 0);
        assertThat(reasons(replaced)).as("the API replaces every statement").containsKey("risks.stated");
    }

    @Test
    void thePlansOwnVisitFrequencyComesBeforeThePlanTypes() {
        // Adult care: a home visit a month. Opened twenty days ago, no visit since: kept by the plan type's standard.
        String caseId = openCase("ADULT_CARE", today().minusDays(20));
        String plan = plan(caseId, today().minusDays(20), null);
        String phone = """
                {"attendees": [{"name": "Jo", "role": "SERVICE_USER"}], "setting": {"type": "PHONE"},
                 "startedAt": "%s", "endedAt": "%s", "purpose": {"text": "Call", "linkedPlanIds": ["%s"]}}""";
        Instant start = hoursAgo(5);
        String first = draft(caseId, phone.formatted(start, start.plusSeconds(600), plan));
        assertThat(settledQuality(first, 1, 0).path("frequencyKept").asBoolean()).isTrue();

        var weekly = alex().post("/api/cases/" + caseId + "/plans", """
                {"kind": "CARE_PLAN", "title": "Weekly plan", "date": "%s", "visitFrequency": " 1 WEEK "}"""
                .formatted(today().minusDays(20)));
        assertThat(weekly.status()).as(weekly.toString()).isEqualTo(201);
        JsonNode read = eventually(() -> alex().get("/api/cases/" + caseId).json(),
                c -> c.path("plans").size() == 2, Duration.ofSeconds(10));
        assertThat(read.path("plans").get(1).path("visitFrequency").asText()).as("stored one way")
                .isEqualTo("1 week");
        String second = draft(caseId, phone.formatted(start, start.plusSeconds(600), plan));
        JsonNode q = settledQuality(second, 1, 0);
        assertThat(q.path("frequencyKept").asBoolean()).as(q.toString()).isFalse();
        assertThat(reasons(q).get("where.frequency")).contains("no home visit since")
                .endsWith("the standard is a home visit every 1 week, as the plan sets");
        JsonNode visits = alex().get("/api/compliance/visits").json();
        JsonNode item = null;
        for (JsonNode v : visits.path("items")) {
            if (v.path("caseId").asText().equals(caseId)) {
                item = v;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.path("standard").asText()).isEqualTo("a home visit every 1 week, as the plan sets");
        assertThat(item.path("overdue").asBoolean()).isTrue();

        // Two plans of one date: the one recorded later sets the frequency, for the check and the visit report alike.
        plan(caseId, today().minusDays(20), "3 weeks");
        eventually(() -> alex().get("/api/cases/" + caseId).json(), c -> c.path("plans").size() == 3,
                   Duration.ofSeconds(10));
        String third = draft(caseId, phone.formatted(start, start.plusSeconds(600), plan));
        JsonNode latest = settledQuality(third, 1, 0);
        assertThat(latest.path("frequencyKept").asBoolean()).as("21 days from the opening: " + latest).isTrue();
        JsonNode reported = null;
        for (JsonNode v : alex().get("/api/compliance/visits").json().path("items")) {
            if (v.path("caseId").asText().equals(caseId)) {
                reported = v;
            }
        }
        assertThat(reported).isNotNull();
        assertThat(reported.path("standard").asText()).isEqualTo("a home visit every 3 weeks, as the plan sets");

        for (String bad : List.of("weekly", "0 days", "1000 days", "1 fortnight")) {
            var refused = alex().post("/api/cases/" + caseId + "/plans", """
                    {"kind": "CARE_PLAN", "title": "Bad", "date": "2026-11-01", "visitFrequency": "%s"}""".formatted(bad));
            assertThat(refused.status()).as(bad + ": " + refused).isEqualTo(400);
            assertThat(refused.body()).contains("visitFrequency");
        }
    }

    @Test
    void aHomeVisitOnAChildsCaseIsAStatutoryVisitWithItsOwnQuestions() {
        String caseId = openCase("CHILD_IN_NEED", today().minusDays(3));
        Instant start = hoursAgo(4);
        String contact = draft(caseId, """
                {"attendees": [{"name": "Jo", "role": "SERVICE_USER"}],
                 "setting": {"type": "HOME", "location": "12 Acacia Avenue"}, "startedAt": "%s", "endedAt": "%s"}"""
                .formatted(start, start.plusSeconds(3600)));
        JsonNode q = settledQuality(contact, 1, 0);
        assertThat(q.path("timeliness").path("kind").asText()).isEqualTo("STATUTORY_VISIT");
        assertThat(q.path("timeliness").path("rule").asText())
                .isEqualTo("a statutory visit (a home visit on a child's case) is written down within 2 working days");
        assertThat(reasons(q).get("took-place.child-visit")).isEqualTo("Not yet recorded: whether the child was seen");
    }

    @Test
    void aContactWrittenDownLateSaysByHowMuch() {
        String caseId = openCase("ADULT_CARE", today().minusDays(60));
        Instant start = Instant.now().minus(30, ChronoUnit.DAYS);
        String contact = draft(caseId, COMPLETE_ADULT.formatted(start, start.plusSeconds(3600)));
        var signed = alex().post("/api/contacts/" + contact + "/finalise",
                                 "{\"shortfallReason\": \"Written up after sick leave\"}");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        JsonNode q = settledQuality(contact, signed.json().path("version").asLong(), 0);
        JsonNode t = q.path("timeliness");
        assertThat(t.path("met").asBoolean()).isFalse();
        assertThat(t.path("reason").asText()).startsWith("Signed ").endsWith(
                " after the deadline: a contact is written down within 5 working days");
        assertThat(t.path("signedAt").isTextual()).isTrue();
        assertThat(q.path("shortfallReason").asText()).isEqualTo("Written up after sick leave");
        assertThat(alex().get("/api/contacts/" + contact).json().path("shortfallReason").asText())
                .isEqualTo("Written up after sick leave");
    }

    /** Four signed contacts on one case, counted by hand, against the report's figures for that case. */
    @Test
    void theReportsFiguresAreTheCountsOfTheContactsBehindThem() {
        String caseId = openCase("ADULT_CARE", today().minusDays(40));
        String plan = plan(caseId, today().minusDays(40), null);
        List<String> good = new ArrayList<>();
        // Two that meet every step, by alex: a home visit two days ago, and a phone call an hour ago.
        Instant visit = Instant.now().minus(2, ChronoUnit.DAYS);
        good.add(signedGood(caseId, GOOD.formatted(visit, visit.plusSeconds(3600), plan), "alex"));
        Instant call = hoursAgo(1);
        good.add(signedGood(caseId, GOOD.formatted(call, call.plusSeconds(600), plan)
                .replace("\"type\": \"HOME\", \"location\": \"12 Acacia Avenue\"", "\"type\": \"PHONE\""), "alex"));
        // One short of step 5 and late (twenty days ago), by alex, without a reason.
        Instant late = Instant.now().minus(20, ChronoUnit.DAYS);
        String shortLate = draft(caseId, GOOD.formatted(late, late.plusSeconds(3600), plan));
        alex().post("/api/contacts/" + shortLate + "/next-session", NEXT_SESSION.formatted(inAWeek()));
        alex().post("/api/contacts/" + shortLate + "/finalise", "");
        // One short of steps 5 and 7, by morgan (a manager covering), with a reason.
        Instant morganStart = hoursAgo(6);
        var drafted = Api.at(port).as("morgan").post("/api/cases/" + caseId + "/contacts",
                GOOD.formatted(morganStart, morganStart.plusSeconds(1800), plan));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String byMorgan = drafted.text("contactId");
        var signedByMorgan = Api.at(port).as("morgan").post("/api/contacts/" + byMorgan + "/finalise",
                                                      "{\"shortfallReason\": \"Covering for alex\"}");
        assertThat(signedByMorgan.status()).as(signedByMorgan.toString()).isEqualTo(200);

        String query = "/api/reports/recording-quality?from=" + today().minusDays(30) + "&to=" + today()
                       + "&caseId=" + caseId;
        JsonNode report = eventually(() -> alex().get(query).json(), r -> r.path("all").path("signed").asInt() == 4,
                                     Duration.ofSeconds(15));
        JsonNode all = report.path("all");
        assertThat(all.path("signed").asInt()).as(report.toString()).isEqualTo(4);
        assertThat(all.path("allStepsMet").asInt()).isEqualTo(2);
        assertThat(all.path("share").asDouble()).isEqualTo(0.5);
        assertThat(all.path("mostMissedStep").asInt()).isEqualTo(5);
        assertThat(all.path("mostMissedCount").asInt()).isEqualTo(2);
        assertThat(all.path("late").asInt()).isEqualTo(1);
        assertThat(all.path("homeVisits").asInt()).as("three signed home visits").isEqualTo(3);
        assertThat(all.path("frequencyKept").asInt()).isEqualTo(3);
        assertThat(all.path("signedShortWithoutReason").asInt()).isEqualTo(1);

        Map<String, JsonNode> byWorker = new HashMap<>();
        report.path("byWorker").forEach(f -> byWorker.put(f.path("key").asText(), f));
        assertThat(byWorker).containsOnlyKeys("alex", "morgan");
        assertThat(byWorker.get("alex").path("signed").asInt()).isEqualTo(3);
        assertThat(byWorker.get("alex").path("allStepsMet").asInt()).isEqualTo(2);
        assertThat(byWorker.get("morgan").path("signed").asInt()).isEqualTo(1);
        assertThat(byWorker.get("morgan").path("mostMissedStep").asInt()).isEqualTo(5);
        assertThat(report.path("byCase")).hasSize(1);
        assertThat(report.path("byCase").get(0).path("name").asText()).isEqualTo("Jo Bloggs");

        Map<String, JsonNode> rows = new HashMap<>();
        report.path("contacts").forEach(c -> rows.put(c.path("contactId").asText(), c));
        assertThat(rows).containsOnlyKeys(good.get(0), good.get(1), shortLate, byMorgan);
        assertThat(rows.get(shortLate).path("stepsNotMet").toString()).isEqualTo("[5]");
        assertThat(rows.get(shortLate).path("late").asBoolean()).isTrue();
        assertThat(rows.get(byMorgan).path("stepsNotMet").toString()).isEqualTo("[5,7]");
        assertThat(rows.get(byMorgan).path("shortfallReason").asText()).isEqualTo("Covering for alex");
        assertThat(report.path("standard").path("checksApplied")).hasSize(19);
        assertThat(report.path("standard").path("planReviewPeriod").asText()).isEqualTo("P6M");

        var csv = alex().header("Accept", "text/csv").get(query);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("group,key,name,signed,allStepsMet,share,mostMissedStep");
        assertThat(lines[1]).startsWith("all,,All signed contacts,4,2,0.500,5,2,1,3,3,1");
        assertThat(lines).hasSize(1 + 1 + 2 + 1);
        var contactRows = alex().header("Accept", "text/csv").get(query + "&rows=contacts");
        assertThat(contactRows.body().split("\r\n")).hasSize(5);
        assertThat(contactRows.body()).contains(byMorgan + "," + caseId + ",Jo Bloggs,morgan,");

        JsonNode morganOnly = alex().get(query + "&worker=morgan").json();
        assertThat(morganOnly.path("all").path("signed").asInt()).isEqualTo(1);
    }

    @Test
    void aReportAsksForAPeriodItCanAnswer() {
        for (String bad : List.of("from=yesterday", "from=2026-11-10&to=2026-11-01", "from=2025-01-01&to=2026-06-01",
                                  "rows=everything", "caseId=not-an-id")) {
            var refused = alex().get("/api/reports/recording-quality?" + bad);
            assertThat(refused.status()).as(bad + ": " + refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        var defaults = alex().get("/api/reports/recording-quality").json();
        assertThat(defaults.path("to").asText()).isEqualTo(today().toString());
        assertThat(defaults.path("from").asText()).isEqualTo(today().minusDays(29).toString());
    }

    static final String COMPLETE_ADULT = """
            {"attendees": [{"name": "Jo", "role": "SERVICE_USER"}], "setting": {"type": "OFFICE", "location": "Hub"},
             "startedAt": "%s", "endedAt": "%s", "purpose": {"text": "Check in"}, "description": "We talked."}""";

    static final String NEXT_SESSION = """
            {"scheduledFor": "%s", "setting": {"type": "HOME", "location": "12 Acacia Avenue"},
             "focus": "The new rota"}""";

    private String signedGood(String caseId, String body, String user) {
        String contact = Api.at(port).as(user).post("/api/cases/" + caseId + "/contacts", body).text("contactId");
        raiseEverythingWell(contact);
        var signed = Api.at(port).as(user).post("/api/contacts/" + contact + "/finalise", "");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        return contact;
    }

    /** A risk with the professionals involved, an action with its outcome, guidance, and the next session. */
    private void raiseEverythingWell(String contact) {
        String base = "/api/contacts/" + contact;
        assertThat(alex().post(base + "/risks", """
                {"category": "TO_SELF", "aspects": ["WELLBEING"], "description": "Low mood", "severity": "MEDIUM"}""")
                .status()).isEqualTo(201);
        assertThat(alex().post(base + "/actions", """
                {"description": "Book GP review", "assignee": "alex", "dueDate": "%s", "term": "SHORT",
                 "expectedOutcome": "Jo has seen the GP and the medication is reviewed"}""".formatted(today().plusDays(7)))
                .status()).isEqualTo(201);
        assertThat(alex().post(base + "/next-session", NEXT_SESSION.formatted(inAWeek())).status()).isEqualTo(201);
    }

    /** The contact's quality once the contact is at {@code version} and has {@code links} records raised in it. */
    private JsonNode settledQuality(String contact, long version, int links) {
        JsonNode read = eventually(() -> alex().get("/api/contacts/" + contact + "?minVersion=" + version).json(),
                c -> c.path("linked").size() >= links, Duration.ofSeconds(15));
        assertThat(read.path("linked").size()).as(read.toString()).isGreaterThanOrEqualTo(links);
        var quality = alex().get("/api/contacts/" + contact + "/quality");
        assertThat(quality.status()).as(quality.toString()).isEqualTo(200);
        return quality.json();
    }

    private static Map<String, String> reasons(JsonNode quality) {
        Map<String, String> reasons = new HashMap<>();
        quality.path("steps").forEach(step -> step.path("checks").forEach(check -> {
            if (!check.path("met").asBoolean()) {
                reasons.put(check.path("id").asText(), check.path("reason").asText());
            }
        }));
        return reasons;
    }

    private static boolean stepMet(JsonNode quality, int step) {
        return quality.path("steps").get(step - 1).path("met").asBoolean();
    }

    private String openCase(String planType, LocalDate openedOn) {
        var opened = alex().post("/api/cases", """
                {"serviceUser": {"name": "Jo Bloggs", "dateOfBirth": "1980-03-02", "reference": "Q-%s"},
                 "planType": "%s", "allocatedWorker": "alex", "openedOn": "%s"}"""
                .formatted(UUID.randomUUID(), planType, openedOn));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("caseId");
    }

    private String plan(String caseId, LocalDate date, String frequency) {
        var recorded = alex().post("/api/cases/" + caseId + "/plans", """
                {"kind": "CARE_PLAN", "title": "Plan", "date": "%s"%s}""".formatted(date,
                frequency == null ? "" : ", \"visitFrequency\": \"" + frequency + "\""));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return recorded.text("planId");
    }

    private String draft(String caseId, String body) {
        var drafted = alex().post("/api/cases/" + caseId + "/contacts", body);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        return drafted.text("contactId");
    }

    private static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    private static Instant hoursAgo(int hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    }

    private static Instant inAWeek() {
        return Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }
}
