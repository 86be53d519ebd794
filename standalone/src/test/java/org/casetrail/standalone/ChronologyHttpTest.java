package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The chronology of a scripted case: content, order, late and amended flags, as-of, digest, filters and CSV. */
class ChronologyHttpTest extends HttpTestSupport {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    String contact(String caseId, String setting, Instant start, String purpose) {
        String contactId = draft(caseId, setting, start, purpose);
        assertThat(alex().post("/api/contacts/" + contactId + "/finalise", "").status()).isEqualTo(200);
        return contactId;
    }

    String draft(String caseId, String setting, Instant start, String purpose) {
        return alex().post("/api/cases/" + caseId + "/contacts", """
                {"attendees": [{"name": "Jo Bloggs", "role": "SERVICE_USER"}], "setting": {"type": "%s",
                 "location": "12 Acacia Avenue"}, "startedAt": "%s", "endedAt": "%s",
                 "purpose": {"text": "%s"}, "description": "Seen."%s}"""
                .formatted(setting, start, start.plus(1, ChronoUnit.HOURS), purpose,
                           setting.equals("HOME") ? ", " + CHILD_SEEN : "")).text("contactId");
    }

    JsonNode chronology(String caseId, String query, int expectedEntries) {
        return eventually(() -> alex().get("/api/cases/" + caseId + "/chronology" + query).json(),
                          view -> view.path("entries").size() >= expectedEntries, Duration.ofSeconds(10));
    }

    @Test
    void aScriptedCaseReadsInTheOrderThingsHappenedWithLateAndAmendedEntriesFlagged() {
        String caseId = openCase();
        String prompt = draft(caseId, "HOME", NOW.minus(3, ChronoUnit.HOURS), "Check in after the move");
        String late = contact(caseId, "SCHOOL", NOW.minus(10, ChronoUnit.DAYS), "Meet the class teacher");
        String risk = alex().post("/api/contacts/" + prompt + "/risks", """
                {"category": "TO_SELF", "aspects": ["EMOTIONAL"], "description": "Low mood", "severity": "HIGH"}""")
                .text("riskId");
        alex().post("/api/risks/" + risk + "/reviews",
                "{\"contactId\": \"" + prompt + "\", \"note\": \"Brighter\", \"severity\": \"LOW\"}");
        String action = alex().post("/api/contacts/" + prompt + "/actions", """
                {"description": "Refer to CAMHS", "assignee": "alex", "dueDate": "2030-01-31", "term": "SHORT"}""")
                .text("actionId");
        alex().post("/api/actions/" + action + "/complete",
                "{\"contactId\": \"" + prompt + "\", \"outcome\": \"Referral accepted\"}");
        assertThat(alex().post("/api/contacts/" + prompt + "/finalise", "").status()).isEqualTo(200);

        JsonNode view = chronology(caseId, "", 7);
        JsonNode entries = view.path("entries");
        List<String> categories = new ArrayList<>();
        entries.forEach(e -> categories.add(e.path("category").asText()));
        // The case was referred on 1 October; the late school contact happened ten days ago; the home visit three
        // hours ago, and the risk and action raised in it with it; the review and the completion were recorded since.
        assertThat(categories).containsExactly("case", "contact", "home visit", "risk", "action", "risk", "action");
        assertThat(entries.get(0).path("summary").asText()).isEqualTo("Case opened (child in need), allocated to alex");
        assertThat(entries.get(0).path("occurredUntil").isNull()).as("dated, not timed: the whole day").isFalse();
        JsonNode lateEntry = entries.get(1);
        assertThat(lateEntry.path("seq").asInt()).isEqualTo(2);
        assertThat(lateEntry.path("lateEntry").asBoolean()).as("written ten days after").isTrue();
        assertThat(lateEntry.path("summary").asText())
                .isEqualTo("School contact (12 Acacia Avenue) with Jo Bloggs (service user): Meet the class teacher");
        assertThat(lateEntry.path("source").path("type").asText()).isEqualTo("CONTACT");
        assertThat(lateEntry.path("source").path("id").asText()).isEqualTo(late);
        assertThat(lateEntry.path("source").path("version").asLong()).isEqualTo(2);
        int ageThen = java.time.Period.between(java.time.LocalDate.of(2015, 3, 2), java.time.LocalDate.ofInstant(
                NOW.minus(10, ChronoUnit.DAYS), java.time.ZoneId.of("Europe/London"))).getYears();
        assertThat(lateEntry.path("age").asInt()).as("Jo's age on the day").isEqualTo(ageThen);
        assertThat(entries.get(2).path("lateEntry").asBoolean()).isFalse();
        assertThat(entries.get(2).path("recordedBy").asText()).isEqualTo("alex");
        assertThat(entries.get(3).path("occurredAt").asText()).isEqualTo(entries.get(2).path("occurredAt").asText());
        assertThat(entries.get(4).path("occurredAt").asText()).isEqualTo(entries.get(2).path("occurredAt").asText());
        assertThat(entries.get(5).path("summary").asText()).startsWith("Risk re-graded HIGH to LOW: Low mood");
        assertThat(entries.get(6).path("summary").asText()).isEqualTo("Action completed: Refer to CAMHS");
        assertThat(entries.get(6).path("outcome").asText()).isEqualTo("Referral accepted");
        assertThat(view.path("digest").asText()).hasSize(64);

        var risks = chronology(caseId, "?category=risk", 2).path("entries");
        assertThat(risks.size()).isEqualTo(2);
        assertThat(risks.get(0).path("seq").asInt()).isEqualTo(1);
        var homeVisits = chronology(caseId, "?category=home-visit,contact", 2).path("entries");
        assertThat(homeVisits.size()).isEqualTo(2);
        String since = NOW.minus(1, ChronoUnit.DAYS).toString();
        assertThat(chronology(caseId, "?from=" + since, 5).path("entries").size()).isEqualTo(5);
        assertThat(alex().get("/api/cases/" + caseId + "/chronology?category=gossip").status()).isEqualTo(400);
        assertThat(alex().get("/api/cases/" + caseId + "/chronology?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void asOfGivesTheChronologyAsItStoodBeforeAndAfterACorrection() {
        String caseId = openCase();
        String contactId = contact(caseId, "HOME", NOW.minus(2, ChronoUnit.HOURS), "First visit");
        JsonNode before = chronology(caseId, "", 2);
        Instant beforeCorrection = Instant.now();
        sleep(20);
        var corrected = alex().post("/api/contacts/" + contactId + "/corrections", """
                {"section": "PURPOSE", "value": {"text": "Safety planning"}, "reason": "Wrong purpose recorded"}""");
        assertThat(corrected.status()).isEqualTo(201);
        JsonNode after = eventually(() -> chronology(caseId, "", 2),
                view -> view.path("entries").get(1).path("amended").asBoolean(), Duration.ofSeconds(10));
        assertThat(after.path("entries").get(1).path("amended").asBoolean()).isTrue();
        assertThat(after.path("entries").get(1).path("summary").asText()).endsWith(": Safety planning");
        assertThat(after.path("digest").asText()).isNotEqualTo(before.path("digest").asText());

        JsonNode asOf = alex().get("/api/cases/" + caseId + "/chronology?asOf=" + beforeCorrection).json();
        assertThat(asOf.path("entries")).isEqualTo(before.path("entries"));
        assertThat(asOf.path("digest").asText()).isEqualTo(before.path("digest").asText());
        assertThat(asOf.path("entries").get(1).path("summary").asText()).endsWith(": First visit");
        JsonNode beforeAnything = alex().get("/api/cases/" + caseId + "/chronology?asOf=2000-01-01T00:00:00Z").json();
        assertThat(beforeAnything.path("entries")).isEmpty();
    }

    @Test
    void theDigestIsStableAcrossCallsAndZonesAndTheCsvParsesBack() {
        String caseId = openCase();
        contact(caseId, "OFFICE", NOW.minus(5, ChronoUnit.HOURS), "Plan, review and \\\"next steps\\\"");
        JsonNode first = chronology(caseId, "", 2);
        JsonNode again = alex().header("Time-Zone", "Asia/Tokyo").get("/api/cases/" + caseId + "/chronology").json();
        assertThat(again.path("digest").asText()).isEqualTo(first.path("digest").asText());

        var csv = alex().header("Accept", "text/csv").get("/api/cases/" + caseId + "/chronology");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("X-Chronology-Digest")).isEqualTo(first.path("digest").asText());
        List<List<String>> rows = parseCsv(csv.body());
        assertThat(rows.get(0)).containsExactly("seq", "occurredAt", "occurredUntil", "age", "category", "summary",
                "sourceType", "sourceId", "sourceVersion", "impact", "outcome", "recordedAt", "recordedBy",
                "lateEntry", "amended", "addedAfterSigning", "reasonAfterSigning", "significant",
                "significanceMarkedBy", "significanceMarkedAt");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).get(5)).isEqualTo(first.path("entries").get(1).path("summary").asText());
        assertThat(rows.get(2).get(5)).contains("Plan, review and \"next steps\"");
        assertThat(java.time.OffsetDateTime.parse(rows.get(2).get(1)).toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse(first.path("entries").get(1).path("occurredAt").asText())
                                                   .toInstant());
    }

    @Test
    void pagesFollowOneAnotherByNumberAndSayWhetherMoreFollow() {
        String caseId = openCase();
        for (int i = 0; i < 4; i++) {
            contact(caseId, "HOME", NOW.minus(10 - i, ChronoUnit.HOURS), "Visit " + i);
        }
        JsonNode whole = chronology(caseId, "", 5);
        assertThat(whole.path("entries")).hasSize(5);
        assertThat(whole.has("more")).as("a whole chronology is not a page").isFalse();

        JsonNode first = alex().get("/api/cases/" + caseId + "/chronology?limit=2").json();
        JsonNode second = alex().get("/api/cases/" + caseId + "/chronology?limit=2&after=2").json();
        JsonNode last = alex().get("/api/cases/" + caseId + "/chronology?limit=2&after=4").json();
        List<JsonNode> paged = new ArrayList<>();
        for (JsonNode page : List.of(first, second, last)) {
            page.path("entries").forEach(paged::add);
        }
        List<JsonNode> expected = new ArrayList<>();
        whole.path("entries").forEach(expected::add);
        assertThat(paged).as("the pages together are the whole chronology, numbered the same").isEqualTo(expected);
        assertThat(first.path("more").asBoolean()).isTrue();
        assertThat(second.path("more").asBoolean()).isTrue();
        assertThat(last.path("more").asBoolean()).isFalse();
        assertThat(last.path("entries")).hasSize(1);
        assertThat(last.path("entries").get(0).path("seq").asInt()).isEqualTo(5);

        for (String bad : List.of("limit=0", "limit=x", "after=-1", "limit=2000000")) {
            var response = alex().get("/api/cases/" + caseId + "/chronology?" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(bad).startsWith("application/problem+json");
        }
    }

    /** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
