package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;


/**
 * Names print as they were written: the chronology PDF and the court bundle, read back as text, hold every name
 * in Polish, Welsh, Greek, Cyrillic, Turkish and Vietnamese letters (the font is embedded, Unicode-encoded).
 */
class PdfScriptsTest extends HttpTestSupport {

    private static final List<String> NAMES = List.of("Kayden Smith-Łukasik", "Zażółć gęślą jaźń", "Siôn Ŵyn Ŷr",
            "Αλέξανδρος Παπαδόπουλος", "Алексей Иванов", "Şükrü Işık Çağlar", "Nguyễn Thị Ngọc Ánh");

    @Test
    void everyScriptSurvivesIntoThePdfText() throws Exception {
        String caseId = alex().post("/api/cases", """
                {"serviceUser": {"name": "Kayden Smith-Łukasik", "dateOfBirth": "2016-04-03", "reference": "R-%s"},
                 "planType": "CHILD_IN_NEED", "allocatedWorker": "alex"}""".formatted(UUID.randomUUID()))
                .text("caseId");
        StringBuilder attendees = new StringBuilder();
        for (String name : NAMES) {
            attendees.append(attendees.length() == 0 ? "" : ", ")
                     .append("{\"name\": \"").append(name).append("\", \"role\": \"OTHER\"}");
        }
        String contactId = alex().post("/api/cases/" + caseId + "/contacts", """
                {"attendees": [%s], "setting": {"type": "HOME"},
                 "startedAt": "2026-11-20T10:00:00Z", "endedAt": "2026-11-20T11:00:00Z",
                 "purpose": {"text": "Check in"}, "description": "%s", %s}"""
                .formatted(attendees, String.join("\\n", NAMES), CHILD_SEEN)).text("contactId");
        assertThat(alex().post("/api/contacts/" + contactId + "/finalise", "").status()).isEqualTo(200);
        eventually(() -> as("morgan").get("/api/cases/" + caseId + "/chronology").body(),
                   body -> body.contains("Check in") || body.contains("Kayden"), Duration.ofSeconds(10));

        byte[] chronologyPdf = pdf("/api/cases/" + caseId + "/chronology");
        byte[] bundlePdf = pdf("/api/cases/" + caseId + "/bundle");
        String chronology = text(chronologyPdf);
        assertThat(squeezed(chronology)).contains(squeezed("Kayden Smith-Łukasik"));
        String bundle = text(bundlePdf);
        for (String name : NAMES) {
            assertThat(squeezed(bundle)).as(name).contains(squeezed(name));
        }
    }

    private byte[] pdf(String path) {
        return Pdfs.download(port, path, "morgan");
    }

    private static String text(byte[] pdf) {
        return Pdfs.text(pdf);
    }

    private static String squeezed(String text) {
        return Pdfs.squeezed(text);
    }
}
