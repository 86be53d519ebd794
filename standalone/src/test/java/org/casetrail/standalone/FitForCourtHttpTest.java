package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a lawyer reads in the record: follow-ups at the time of the contact they were raised in, follow-ups added
 * after signing marked as such everywhere, and the follow-ups moving with their contact when its time is
 * corrected, each as it stood at any earlier moment too; and what a home visit to a child must say of the child.
 */
class FitForCourtHttpTest extends HttpTestSupport {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    String draft(String caseId, Instant start) {
        var response = alex().post("/api/cases/" + caseId + "/contacts", """
                {"attendees": [{"name": "Jo Bloggs", "role": "SERVICE_USER"}], "setting": {"type": "HOME"},
                 "startedAt": "%s", "endedAt": "%s", "purpose": {"text": "Home visit"}, "description": "Seen.", %s}"""
                .formatted(start, start.plus(1, ChronoUnit.HOURS), CHILD_SEEN));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("contactId");
    }

    void sign(String contactId) {
        var response = alex().post("/api/contacts/" + contactId + "/finalise", "");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    Api.Response risk(String contactId, String reason) {
        return alex().post("/api/contacts/" + contactId + "/risks", """
                {"category": "TO_SELF", "aspects": ["EMOTIONAL"], "description": "Low mood", "severity": "HIGH"%s}"""
                .formatted(reason == null ? "" : ", \"reasonAfterSigning\": \"" + reason + "\""));
    }

    Api.Response action(String contactId, String reason) {
        return alex().post("/api/contacts/" + contactId + "/actions", """
                {"description": "Refer to CAMHS", "assignee": "alex", "dueDate": "2030-01-31", "term": "SHORT"%s}"""
                .formatted(reason == null ? "" : ", \"reasonAfterSigning\": \"" + reason + "\""));
    }

    JsonNode chronology(String caseId, String query, java.util.function.Predicate<JsonNode> ready) {
        return eventually(() -> alex().get("/api/cases/" + caseId + "/chronology" + query).json(), ready,
                          Duration.ofSeconds(10));
    }

    static List<String> categories(JsonNode view) {
        List<String> categories = new ArrayList<>();
        view.path("entries").forEach(e -> categories.add(e.path("category").asText()));
        return categories;
    }

    static JsonNode entry(JsonNode view, String category) {
        return first(view.path("entries"), "category", category);
    }

    /** The first element of {@code array} whose {@code field} is {@code value}. */
    static JsonNode first(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("No " + field + " " + value + " in " + array);
    }

    @Test
    void followUpsRaisedInAContactTakeItsTimeAndEnterWithItsSignature() {
        String caseId = openCase();
        String contactId = draft(caseId, NOW.minus(3, ChronoUnit.HOURS));
        assertThat(risk(contactId, null).status()).isEqualTo(201);
        assertThat(action(contactId, null).status()).isEqualTo(201);
        assertThat(alex().post("/api/contacts/" + contactId + "/guidance-requests", """
                {"question": "Strategy discussion?", "urgency": "URGENT"}""").status()).isEqualTo(201);
        assertThat(alex().post("/api/contacts/" + contactId + "/next-session", """
                {"scheduledFor": "%s", "setting": {"type": "HOME"}, "focus": "Safety plan"}"""
                .formatted(NOW.plus(7, ChronoUnit.DAYS))).status()).isEqualTo(201);
        // The visit was four hours ago after all: the draft's time changes, and its follow-ups go with it.
        Instant visit = NOW.minus(4, ChronoUnit.HOURS);
        assertThat(alex().put("/api/contacts/" + contactId + "/timing", """
                {"startedAt": "%s", "endedAt": "%s"}""".formatted(visit, visit.plus(1, ChronoUnit.HOURS))).status())
                .isEqualTo(200);
        Instant beforeSigning = Instant.now();
        sleep(20);
        sign(contactId);

        JsonNode view = chronology(caseId, "", v -> v.path("entries").size() == 6);
        assertThat(categories(view)).containsExactly("case", "home visit", "risk", "action", "guidance", "session");
        for (String category : List.of("risk", "action", "guidance", "session")) {
            JsonNode e = entry(view, category);
            assertThat(e.path("occurredAt").asText()).as(category + " happened at the visit").isEqualTo(visit.toString());
            assertThat(Instant.parse(e.path("recordedAt").asText())).as(category + " recorded when typed")
                    .isAfter(NOW.minusSeconds(5));
            assertThat(e.path("lateEntry").asBoolean()).as(category).isFalse();
            assertThat(e.path("addedAfterSigning").asBoolean()).as(category).isFalse();
        }
        assertThat(entry(view, "session").path("summary").asText()).startsWith("Next session arranged for ")
                .endsWith(": Home session (Safety plan)");
        // Before the note was signed, the chronology held none of it: a draft and what is raised in it enter
        // together, when it is signed.
        JsonNode before = alex().get("/api/cases/" + caseId + "/chronology?asOf=" + beforeSigning).json();
        assertThat(categories(before)).containsExactly("case");
    }

    @Test
    void aFollowUpAddedAfterSigningNeedsAReasonAndIsMarkedEverywhere() {
        String caseId = openCase();
        Instant visit = NOW.minus(10, ChronoUnit.DAYS);
        String contactId = draft(caseId, visit);
        sign(contactId);
        long before = events();
        var unexplained = risk(contactId, null);
        assertThat(unexplained.status()).isEqualTo(422);
        assertThat(unexplained.text("code")).isEqualTo("REASON_AFTER_SIGNING_REQUIRED");
        assertThat(events()).as("a refused follow-up stores nothing").isEqualTo(before);
        String draftId = draft(caseId, NOW.minus(1, ChronoUnit.HOURS));
        var reasonForADraft = action(draftId, "Not needed");
        assertThat(reasonForADraft.status()).isEqualTo(422);
        assertThat(reasonForADraft.text("code")).isEqualTo("CONTACT_NOT_SIGNED");

        var added = risk(contactId, "The school rang the next day about what Jo said at the visit");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        JsonNode view = chronology(caseId, "", v -> v.path("entries").size() == 3);
        JsonNode risk = entry(view, "risk");
        assertThat(risk.path("occurredAt").asText()).isEqualTo(visit.toString());
        assertThat(risk.path("lateEntry").asBoolean()).as("written ten days after the visit").isTrue();
        assertThat(risk.path("addedAfterSigning").asBoolean()).isTrue();
        assertThat(risk.path("reasonAfterSigning").asText())
                .isEqualTo("The school rang the next day about what Jo said at the visit");
        assertThat(risk.path("recordedBy").asText()).isEqualTo("alex");

        JsonNode contact = eventually(() -> alex().get("/api/contacts/" + contactId).json(),
                c -> c.path("linked").size() == 1, Duration.ofSeconds(10));
        JsonNode link = contact.path("linked").get(0);
        assertThat(link.path("addedAfterSigning").asBoolean()).isTrue();
        assertThat(link.path("reasonAfterSigning").asText()).startsWith("The school rang");
        assertThat(link.path("recordedBy").asText()).isEqualTo("alex");

        String csv = alex().header("Accept", "text/csv").get("/api/cases/" + caseId + "/chronology").body();
        assertThat(csv).contains("The school rang the next day about what Jo said at the visit");
        String bundle = Pdfs.squeezed(Pdfs.text(Pdfs.download(port, "/api/cases/" + caseId + "/bundle", "morgan")));
        assertThat(bundle).contains(Pdfs.squeezed("added after signing, on"))
                          .contains(Pdfs.squeezed("by alex: The school rang the next day"))
                          .contains(Pdfs.squeezed("ADDED AFTER SIGNING: The school rang"));
    }

    @Test
    void aCorrectedTimeMovesTheContactsFollowUpsAndTheEarlierTimeStaysReadableAsOfBefore() {
        String caseId = openCase();
        Instant visit = NOW.minus(6, ChronoUnit.HOURS);
        String contactId = draft(caseId, visit);
        assertThat(action(contactId, null).status()).isEqualTo(201);
        sign(contactId);
        chronology(caseId, "", v -> v.path("entries").size() == 3);
        sleep(20);
        Instant beforeCorrection = Instant.now();
        sleep(20);
        Instant corrected = NOW.minus(30, ChronoUnit.HOURS);
        var correction = alex().post("/api/contacts/" + contactId + "/corrections", """
                {"section": "TIMING", "value": {"startedAt": "%s", "endedAt": "%s"}, "reason": "Wrong day"}"""
                .formatted(corrected, corrected.plus(1, ChronoUnit.HOURS)));
        assertThat(correction.status()).as(correction.toString()).isEqualTo(201);

        JsonNode view = chronology(caseId, "", v -> v.path("entries").size() == 3
                && entry(v, "action").path("occurredAt").asText().equals(corrected.toString()));
        assertThat(entry(view, "home visit").path("occurredAt").asText()).isEqualTo(corrected.toString());
        assertThat(entry(view, "action").path("occurredAt").asText()).isEqualTo(corrected.toString());
        JsonNode then = alex().get("/api/cases/" + caseId + "/chronology?asOf=" + beforeCorrection).json();
        assertThat(entry(then, "action").path("occurredAt").asText()).isEqualTo(visit.toString());
    }

    @Test
    void theFollowUpsOfADiscardedDraftEnterAtTheirOwnTime() {
        String caseId = openCase();
        String contactId = draft(caseId, NOW.minus(2, ChronoUnit.DAYS));
        assertThat(risk(contactId, null).status()).isEqualTo(201);
        assertThat(alex().post("/api/contacts/" + contactId + "/discard", "{\"reason\": \"Wrong case\"}").status())
                .isEqualTo(200);
        JsonNode view = chronology(caseId, "", v -> v.path("entries").size() == 2);
        JsonNode risk = entry(view, "risk");
        assertThat(risk.path("occurredAt").asText()).isEqualTo(risk.path("recordedAt").asText());
        assertThat(categories(view)).containsExactly("case", "risk");
    }

    @Test
    void aHomeVisitToAChildSaysWhetherTheChildWasSeenAndOnlyASeenChildCountsAsAVisit() {
        String caseId = openCase();
        Instant visit = NOW.minus(2, ChronoUnit.DAYS);
        String notSeen = alex().post("/api/cases/" + caseId + "/contacts", """
                {"attendees": [{"name": "Jo's mother", "role": "PARENT_CARER"}], "setting": {"type": "HOME"},
                 "startedAt": "%s", "endedAt": "%s", "purpose": {"text": "Home visit"},
                 "description": "Jo was at her nan's."}""".formatted(visit, visit.plus(1, ChronoUnit.HOURS)))
                .text("contactId");
        var unsaid = alex().post("/api/contacts/" + notSeen + "/finalise", "");
        assertThat(unsaid.status()).isEqualTo(422);
        assertThat(unsaid.text("code")).isEqualTo("CONTACT_INCOMPLETE");
        assertThat(unsaid.text("detail")).contains("whether the child was seen");
        long before = events();
        var contradiction = alex().put("/api/contacts/" + notSeen + "/child-visit", """
                {"childSeen": false, "seenAlone": true}""");
        assertThat(contradiction.status()).isEqualTo(400);
        assertThat(contradiction.json().path("errors").get(0).path("field").asText()).isEqualTo("seenAlone");
        assertThat(events()).isEqualTo(before);
        assertThat(alex().put("/api/contacts/" + notSeen + "/child-visit", """
                {"childSeen": false, "bedroomSeen": false}""").status()).isEqualTo(200);
        sign(notSeen);

        JsonNode visits = eventually(() -> alex().get("/api/compliance/recording").json(),
                r -> r.path("childNotSeen").findValuesAsText("contactId").contains(notSeen), Duration.ofSeconds(10));
        assertThat(visits.path("childNotSeen").findValuesAsText("contactId")).contains(notSeen);
        JsonNode standard = alex().get("/api/compliance/visits").json();
        assertThat(caseIn(standard, caseId).path("lastHomeVisit").isTextual())
                .as("a visit that did not see the child is not a visit to the child").isFalse();

        Instant later = NOW.minus(1, ChronoUnit.DAYS);
        String seen = alex().post("/api/cases/" + caseId + "/contacts", """
                {"attendees": [{"name": "Jo Bloggs", "role": "SERVICE_USER"}], "setting": {"type": "HOME"},
                 "startedAt": "%s", "endedAt": "%s", "purpose": {"text": "Home visit"}, "description": "Seen.",
                 "childVisit": {"childSeen": true, "seenAlone": true, "bedroomSeen": true,
                                "wishesAndFeelings": "Chcę zostać z babcią."}}"""
                .formatted(later, later.plus(1, ChronoUnit.HOURS))).text("contactId");
        sign(seen);
        JsonNode counted = eventually(() -> alex().get("/api/compliance/visits").json(),
                r -> caseIn(r, caseId).path("lastHomeVisit").isTextual(), Duration.ofSeconds(10));
        assertThat(java.time.OffsetDateTime.parse(caseIn(counted, caseId).path("lastHomeVisit").asText())
                .toInstant()).as("the visit that saw the child counts").isEqualTo(later);

        JsonNode chronology = chronology(caseId, "", v -> v.path("entries").size() == 3);
        assertThat(chronology.path("entries").findValuesAsText("summary"))
                .anyMatch(text -> text.endsWith("; child not seen; bedroom not seen: Home visit"))
                .anyMatch(text -> text.endsWith("; child seen alone; bedroom seen: Home visit"));
        JsonNode read = alex().get("/api/contacts/" + seen).json();
        assertThat(read.path("childVisit").path("wishesAndFeelings").asText()).isEqualTo("Chcę zostać z babcią.");
        String bundle = Pdfs.text(Pdfs.download(port, "/api/cases/" + caseId + "/bundle", "morgan"));
        assertThat(Pdfs.squeezed(bundle)).contains(Pdfs.squeezed("Child seen alone; bedroom seen. Wishes and "
                + "feelings, in the child's words: Chcę zostać z babcią."), Pdfs.squeezed("Child not seen"));

        // A correction of what the visit says of the child keeps what it said before.
        var corrected = alex().post("/api/contacts/" + seen + "/corrections", """
                {"section": "CHILD_VISIT", "value": {"childSeen": true, "seenAlone": false, "bedroomSeen": true,
                 "wishesAndFeelings": "Chcę zostać z babcią."}, "reason": "Her mother was in the room"}""");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        JsonNode after = eventually(() -> alex().get("/api/contacts/" + seen).json(),
                c -> c.path("corrections").size() == 1, Duration.ofSeconds(10));
        assertThat(after.path("corrections").get(0).path("original").path("childVisit").path("seenAlone")
                .asBoolean()).isTrue();
        assertThat(after.path("childVisit").path("seenAlone").asBoolean()).isFalse();

        // An adult's home visit needs none of it.
        String adult = alex().post("/api/cases", """
                {"serviceUser": {"name": "Ray"}, "planType": "ADULT_CARE", "allocatedWorker": "alex"}""")
                .text("caseId");
        String adultVisit = alex().post("/api/cases/" + adult + "/contacts", """
                {"attendees": [{"name": "Ray", "role": "SERVICE_USER"}], "setting": {"type": "HOME"},
                 "startedAt": "%s", "endedAt": "%s", "purpose": {"text": "Review"}, "description": "Seen."}"""
                .formatted(later, later.plus(1, ChronoUnit.HOURS))).text("contactId");
        sign(adultVisit);
    }

    static JsonNode caseIn(JsonNode visitReport, String caseId) {
        return first(visitReport.path("items"), "caseId", caseId);
    }

    @Test
    void aContactOrFollowUpMarkedSignificantFillsTheColumnFiltersAndStandsAsOfEachMoment() {
        String caseId = openCase();
        String contactId = draft(caseId, NOW.minus(5, ChronoUnit.HOURS));
        String riskId = risk(contactId, null).text("riskId");
        sign(contactId);
        JsonNode unmarked = chronology(caseId, "", v -> v.path("entries").size() == 3);

        long before = events();
        var noImpact = alex().put("/api/contacts/" + contactId + "/significance", "{\"significant\": true}");
        assertThat(noImpact.status()).isEqualTo(400);
        assertThat(noImpact.json().path("errors").get(0).path("field").asText()).isEqualTo("impact");
        var nothingToWithdraw = alex().put("/api/risks/" + riskId + "/significance", "{\"significant\": false}");
        assertThat(nothingToWithdraw.status()).isEqualTo(422);
        assertThat(nothingToWithdraw.text("code")).isEqualTo("NOT_SIGNIFICANT");
        assertThat(as("avery").put("/api/contacts/" + contactId + "/significance",
                "{\"significant\": true, \"impact\": \"x\"}").status()).isEqualTo(403);
        assertThat(alex().put("/api/contacts/" + java.util.UUID.randomUUID() + "/significance",
                "{\"significant\": true, \"impact\": \"x\"}").status()).isEqualTo(404);
        assertThat(events()).as("refusals store nothing").isEqualTo(before);

        var marked = alex().put("/api/contacts/" + contactId + "/significance", """
                {"significant": true, "impact": "The first time Jo spoke of the shed roof: a risk to her life"}""");
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(marked.json().path("version").asLong()).isEqualTo(1);
        chronology(caseId, "?significant=true", v -> v.path("entries").size() == 1);
        sleep(20);
        Instant contactOnly = Instant.now();
        sleep(20);
        assertThat(as("morgan").put("/api/risks/" + riskId + "/significance", """
                {"significant": true, "impact": "Climbing is how she copes; the family must act"}""").status())
                .isEqualTo(200);

        JsonNode both = chronology(caseId, "?significant=true", v -> v.path("entries").size() == 2);
        assertThat(both.path("entries").findValuesAsText("category")).containsExactly("home visit", "risk");
        JsonNode visit = both.path("entries").get(0);
        assertThat(visit.path("impact").asText()).startsWith("The first time Jo spoke");
        assertThat(visit.path("significance").path("markedBy").asText()).isEqualTo("alex");
        assertThat(both.path("entries").get(1).path("significance").path("markedBy").asText()).isEqualTo("morgan");
        JsonNode all = alex().get("/api/cases/" + caseId + "/chronology").json();
        assertThat(all.path("digest").asText()).as("a mark is part of what the chronology says")
                .isNotEqualTo(unmarked.path("digest").asText());
        JsonNode then = alex().get("/api/cases/" + caseId + "/chronology?significant=true&asOf=" + contactOnly).json();
        assertThat(then.path("entries").findValuesAsText("category")).containsExactly("home visit");

        sleep(20);
        Instant bothMarked = Instant.now();
        sleep(20);
        var stale = alex().header("If-Match", "\"5\"").put("/api/contacts/" + contactId + "/significance",
                                                          "{\"significant\": false}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(alex().header("If-Match", "\"1\"").put("/api/contacts/" + contactId + "/significance",
                "{\"significant\": false}").status()).isEqualTo(200);
        JsonNode withdrawn = chronology(caseId, "?significant=true", v -> v.path("entries").size() == 1);
        assertThat(withdrawn.path("entries").findValuesAsText("category")).containsExactly("risk");
        assertThat(alex().get("/api/cases/" + caseId + "/chronology?significant=true&asOf=" + bothMarked).json()
                .path("entries")).hasSize(2);
        assertThat(alex().get("/api/cases/" + caseId + "/chronology?significant=maybe").status()).isEqualTo(400);

        String csv = alex().header("Accept", "text/csv").get("/api/cases/" + caseId + "/chronology").body();
        assertThat(csv).contains("Climbing is how she copes; the family must act");
        String pdf = Pdfs.squeezed(Pdfs.text(Pdfs.download(port, "/api/cases/" + caseId + "/chronology", "alex")));
        assertThat(pdf).contains(Pdfs.squeezed("SIGNIFICANT: Climbing is how she copes"));
    }
}
