package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;

/**
 * The court bundle as a lawyer reads it, and the archival form it is kept in: a case referred weeks before it was
 * recorded starts its chronology on the referral date; the bundle's cover says what moment it shows and the audit
 * checkpoint to check it against; its index lists every contact with date, setting, author and page, and those
 * pages hold those contacts; the chronology and each contact are bookmarks; a correction reads as before and after
 * in words, linked plans by title and date; and the chronology and the bundle pass a PDF/A-2b validator (veraPDF).
 * The bundle and chronology are kept in {@code docs/samples} as the README's samples.
 */
class CourtBundleTest extends HttpTestSupport {

    private static final Path SAMPLES = Path.of("..", "docs", "samples");
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @BeforeAll
    static void validator() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    String openCaseReferredOn(String name, LocalDate openedOn) {
        var response = alex().post("/api/cases", """
                {"serviceUser": {"name": "%s", "dateOfBirth": "2016-04-03", "reference": "R-%s"},
                 "planType": "CHILD_PROTECTION", "allocatedWorker": "alex", "openedOn": "%s"}"""
                .formatted(name, UUID.randomUUID(), openedOn));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("caseId");
    }

    String signedContact(String caseId, String setting, Instant start, String purposeJson, String description) {
        var response = alex().post("/api/cases/" + caseId + "/contacts", """
                {"attendees": [{"name": "Kayden Smith-Łukasik", "role": "SERVICE_USER"},
                               {"name": "Αλέξανδρος Παπαδόπουλος", "role": "PARENT_CARER"}],
                 "setting": {"type": "%s", "location": "12 Heol y Llan"},
                 "startedAt": "%s", "endedAt": "%s", "purpose": %s, "description": "%s"%s}"""
                .formatted(setting, start, start.plus(1, ChronoUnit.HOURS), purposeJson, description,
                           setting.equals("HOME") ? ", " + CHILD_SEEN : ""));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String contactId = response.text("contactId");
        assertThat(alex().post("/api/contacts/" + contactId + "/finalise", "").status()).isEqualTo(200);
        return contactId;
    }

    @Test
    void aCaseReferredBeforeItWasRecordedStartsItsChronologyOnTheReferralDateNeverInTheFuture() {
        LocalDate today = LocalDate.now(LONDON);
        long before = events();
        var future = alex().post("/api/cases", """
                {"serviceUser": {"name": "Sam"}, "planType": "CHILD_IN_NEED", "allocatedWorker": "alex",
                 "openedOn": "%s"}""".formatted(today.plusDays(2)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("errors").get(0).path("field").asText()).isEqualTo("openedOn");
        assertThat(events()).isEqualTo(before);

        LocalDate referred = today.minusDays(40);
        String caseId = openCaseReferredOn("Siôn Ŵyn", referred);
        String planId = alex().post("/api/cases/" + caseId + "/plans", """
                {"kind": "ASSESSMENT", "title": "Single assessment", "date": "%s"}"""
                .formatted(referred.plusDays(5))).text("planId");
        signedContact(caseId, "HOME", referred.plusDays(7).atTime(14, 0).atZone(LONDON).toInstant(),
                      "{\"text\": \"First visit\", \"linkedPlanIds\": [\"" + planId + "\"]}", "Seen.");
        JsonNode view = eventually(() -> alex().get("/api/cases/" + caseId + "/chronology").json(),
                v -> v.path("entries").size() == 3, Duration.ofSeconds(10));
        assertThat(view.path("entries").findValuesAsText("category")).containsExactly("case", "plan", "home visit");
        assertThat(java.time.OffsetDateTime.parse(view.path("entries").get(0).path("occurredAt").asText()).toInstant())
                .isEqualTo(referred.atStartOfDay(LONDON).toInstant());
        JsonNode record = alex().get("/api/cases/" + caseId + "?minVersion=2").json();
        assertThat(record.path("openedOn").asText()).isEqualTo(referred.toString());

        // Without a date, the case opens today where the caller is: already tomorrow in Kiribati.
        String kiribati = alex().header("Time-Zone", "Pacific/Kiritimati").post("/api/cases", """
                {"serviceUser": {"name": "Ana"}, "planType": "CHILD_IN_NEED", "allocatedWorker": "alex"}""")
                .text("caseId");
        assertThat(alex().get("/api/cases/" + kiribati + "?minVersion=1").json().path("openedOn").asText())
                .isEqualTo(LocalDate.now(ZoneId.of("Pacific/Kiritimati")).toString());
    }

    @Test
    void theBundleHasACoverAnIndexWithPagesBookmarksCorrectionsInWordsAndIsPdfA2b() throws Exception {
        LocalDate referred = LocalDate.now(LONDON).minusDays(60);
        String caseId = openCaseReferredOn("Kayden Smith-Łukasik", referred);
        String planId = alex().post("/api/cases/" + caseId + "/plans", """
                {"kind": "CARE_PLAN", "title": "Keeping Kayden safe at home", "date": "%s"}"""
                .formatted(referred.plusDays(10))).text("planId");
        Instant first = referred.plusDays(14).atTime(14, 0).atZone(LONDON).toInstant();
        String firstId = signedContact(caseId, "HOME", first,
                "{\"text\": \"Review the safety plan\", \"linkedPlanIds\": [\"" + planId + "\"]}",
                "Kayden showed me his room.\\nHis mother Ζωή was present throughout.");
        String secondId = signedContact(caseId, "SCHOOL", first.plus(7, ChronoUnit.DAYS),
                "{\"text\": \"Meet the class teacher\"}", "Attendance has improved.");
        var corrected = alex().post("/api/contacts/" + firstId + "/corrections", """
                {"section": "DESCRIPTION", "value": {"text": "Kayden showed me his room.\\nHis aunt was present."},
                 "reason": "I wrote the wrong relative"}""");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        assertThat(alex().post("/api/contacts/" + secondId + "/actions", """
                {"description": "Ask the school for attendance figures", "assignee": "alex", "dueDate": "2030-01-31",
                 "term": "SHORT", "reasonAfterSigning": "Agreed by phone after the meeting"}""").status())
                .isEqualTo(201);
        eventually(() -> alex().get("/api/cases/" + caseId + "/chronology").json(),
                   v -> v.path("entries").size() == 5 && v.toString().contains("\"amended\":true"),
                   Duration.ofSeconds(10));
        assertThat(alex().put("/api/contacts/" + firstId + "/significance", """
                {"significant": true, "impact": "Kayden showed where he sleeps: the first time he let us see it"}""")
                .status()).isEqualTo(200);
        eventually(() -> alex().get("/api/cases/" + caseId + "/chronology?significant=true").json(),
                   v -> v.path("entries").size() == 1, Duration.ofSeconds(10));
        JsonNode checkpoint = as("morgan").post("/api/audit/checkpoints", "").json();

        byte[] bundle = Pdfs.download(port, "/api/cases/" + caseId + "/bundle", "morgan");
        byte[] chronology = Pdfs.download(port, "/api/cases/" + caseId + "/chronology", "morgan");
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve("bundle.pdf"), bundle);
        Files.write(SAMPLES.resolve("chronology.pdf"), chronology);

        PdfReader reader = new PdfReader(bundle);
        String cover = Pdfs.text(bundleCoverPages(bundle));
        assertThat(cover).contains("Court bundle: Kayden Smith-Łukasik", "As recorded when produced",
                                   "Audit checkpoint", "Position " + checkpoint.path("position").asLong());
        assertThat(Pdfs.squeezed(cover)).contains(Pdfs.squeezed("referred or opened on " + referred.format(
                java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK))));
        // The index gives each contact's page, and that page starts with that contact.
        List<Map<String, Object>> bookmarks = SimpleBookmark.getBookmarkList(reader);
        assertThat(bookmarks).extracting(b -> (String) b.get("Title"))
                .containsExactly("Part 1: chronology", "C1. Home, 12 Heol y Llan, " + day(first), "C2. School, 12 Heol y Llan, "
                        + day(first.plus(7, ChronoUnit.DAYS)));
        List<String> statuses = List.of("signed, late entry, amended", "signed, late entry");
        for (int n = 1; n <= 2; n++) {
            Map<String, Object> bookmark = bookmarks.get(n);
            int page = Integer.parseInt(((String) bookmark.get("Page")).split(" ")[0]);
            String title = (String) bookmark.get("Title");
            assertThat(Pdfs.text(page(bundle, page))).as(title).startsWith(title.substring(0, 4));
            assertThat(Pdfs.squeezed(cover)).as("the index gives page " + page + " for " + title)
                    .contains(Pdfs.squeezed("alex " + statuses.get(n - 1) + " " + page));
        }
        String text = Pdfs.text(bundle);
        assertThat(text).contains("Correction 1: 4. What took place", "Reason: I wrote the wrong relative",
                                  "His mother Ζωή was present throughout.", "His aunt was present.")
                        .doesNotContain("\\n", "{\"", "\"description\"")
                        .contains("\"Keeping Kayden safe at home\" (care plan, "
                                  + referred.plusDays(10).format(java.time.format.DateTimeFormatter
                                          .ofPattern("d MMM yyyy", java.util.Locale.UK)) + ")")
                        .doesNotContain("Plans: " + planId);
        assertThat(Pdfs.squeezed(text)).contains(Pdfs.squeezed("SIGNIFICANT: Kayden showed where he sleeps"))
                                       .contains(Pdfs.squeezed("added after signing, on"))
                                       .contains(Pdfs.squeezed("Agreed by phone after the meeting"));

        for (var pdf : Map.of("bundle", bundle, "chronology", chronology).entrySet()) {
            ValidationResult result = pdfA2b(pdf.getValue());
            assertThat(result.isCompliant()).as(pdf.getKey() + " fails PDF/A-2b: " + failures(result)).isTrue();
        }
    }

    static String day(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)
                .format(instant.atZone(LONDON));
    }

    /** The bundle's pages before the chronology begins: the cover and the index. */
    static byte[] bundleCoverPages(byte[] bundle) throws Exception {
        PdfReader reader = new PdfReader(bundle);
        int chronologyPage = Integer.parseInt(((String) SimpleBookmark.getBookmarkList(reader).get(0).get("Page"))
                                                      .split(" ")[0]);
        reader.selectPages("1-" + (chronologyPage - 1));
        var out = new java.io.ByteArrayOutputStream();
        new com.lowagie.text.pdf.PdfStamper(reader, out).close();
        return out.toByteArray();
    }

    static byte[] page(byte[] pdf, int page) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        reader.selectPages(String.valueOf(page));
        var out = new java.io.ByteArrayOutputStream();
        new com.lowagie.text.pdf.PdfStamper(reader, out).close();
        return out.toByteArray();
    }

    static ValidationResult pdfA2b(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                                                                            PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            return validator.validate(parser);
        }
    }

    static String failures(ValidationResult result) {
        return result.getTestAssertions().stream()
                     .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                     .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                     .distinct().limit(20).collect(Collectors.joining("; "));
    }
}
