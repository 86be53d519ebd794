package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** The printed forms: the chronology as PDF, the court bundle (300 contacts, streamed), and subject access. */
class BundleTest extends HttpTestSupport {

    static final Instant START = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    String signedContact(String caseId, int n) {
        String contactId = alex().post("/api/cases/" + caseId + "/contacts", """
                {"attendees": [{"name": "Jo Bloggs", "role": "SERVICE_USER"}], "setting": {"type": "%s"},
                 "startedAt": "%s", "endedAt": "%s", "purpose": {"text": "Visit %d"},
                 "description": "What took place at visit %d.", %s}"""
                .formatted(n % 2 == 0 ? "HOME" : "SCHOOL", START.plus(n, ChronoUnit.DAYS),
                           START.plus(n, ChronoUnit.DAYS).plusSeconds(3600), n, n, CHILD_SEEN)).text("contactId");
        alex().post("/api/contacts/" + contactId + "/finalise", "");
        return contactId;
    }

    byte[] download(String path, String user, String accept, AtomicLong peakHeap) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":casetrail").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", accept).build();
        Runtime runtime = Runtime.getRuntime();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            return response.body();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
    }

    static String text(PdfReader reader, int page) throws IOException {
        return new PdfTextExtractor(reader).getTextFromPage(page);
    }

    JsonNode awaitChronology(String caseId, int entries) {
        return eventually(() -> alex().get("/api/cases/" + caseId + "/chronology").json(),
                          view -> view.path("entries").size() >= entries, Duration.ofSeconds(30));
    }

    @Test
    void theChronologyPdfHasTheEntriesAHeaderPagesAndTheDigestAndCheckpointInItsFooter() throws Exception {
        String caseId = openCase();
        for (int n = 0; n < 3; n++) {
            signedContact(caseId, n);
        }
        JsonNode json = awaitChronology(caseId, 4);
        as("avery").post("/api/audit/checkpoints", "");
        byte[] pdf = download("/api/cases/" + caseId + "/chronology", "alex", "application/pdf", new AtomicLong());
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        String page = text(reader, 1);
        assertThat(page).contains("Chronology: Jo Bloggs", "Case " + caseId, "Visit 1", "home visit", "School contact");
        assertThat(page).containsPattern("Page 1 of\\s*1").contains(json.path("digest").asText(),
                                                                    "Audit checkpoint: position");
    }

    @Test
    void aBundleOfThreeHundredContactsIsStreamedWithBoundedMemory() throws Exception {
        String caseId = openCase();
        for (int n = 0; n < 300; n++) {
            signedContact(caseId, n);
        }
        awaitChronology(caseId, 301);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();
        AtomicLong peak = new AtomicLong(before);
        long started = System.nanoTime();
        byte[] pdf = download("/api/cases/" + caseId + "/bundle", "morgan", "application/pdf", peak);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long growthMb = (peak.get() - before) / (1024 * 1024);
        System.out.printf("Bundle of 300 contacts: %d pages, %d KB, %d ms, heap growth at most %d MB%n",
                          new PdfReader(pdf).getNumberOfPages(), pdf.length / 1024, millis, growthMb);
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isGreaterThan(300);
        String last = text(reader, reader.getNumberOfPages());
        assertThat(last).contains("C300.", "What took place at visit 299.")
                        .containsPattern("Page " + reader.getNumberOfPages() + " of\\s*" + reader.getNumberOfPages());
        assertThat(text(reader, 1)).contains("Court bundle: Jo Bloggs", "300 contacts, C1 to C300");
        assertThat(growthMb).as("heap growth while producing it").isLessThan(256);
    }

    /** As a contact as of a moment before it existed is a 404, so is a bundle of a case before it was opened. */
    @Test
    void aBundleAsOfBeforeTheCaseWasOpenedIs404() {
        String caseId = openCase();
        assertThat(alex().get("/api/cases/" + caseId + "?minVersion=1").status()).isEqualTo(200);
        var before = as("morgan").get("/api/cases/" + caseId + "/bundle?asOf=2000-01-01T00:00:00Z");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.header("Content-Type")).startsWith("application/problem+json");
        assertThat(as("morgan").get("/api/cases/" + caseId + "/bundle?asOf=" + Instant.now().plusSeconds(1))
                               .status()).isEqualTo(200);
    }

    @Test
    void onlyManagersAndAuditorsProduceBundlesAndSubjectAccess() throws Exception {
        String caseId = openCase();
        String contactId = signedContact(caseId, 1);
        awaitChronology(caseId, 2);
        assertThat(alex().get("/api/cases/" + caseId + "/bundle").status()).isEqualTo(403);
        assertThat(alex().get("/api/cases/" + caseId + "/subject-access").status()).isEqualTo(403);

        var everything = as("avery").get("/api/cases/" + caseId + "/subject-access");
        assertThat(everything.status()).as(everything.toString()).isEqualTo(200);
        JsonNode held = everything.json();
        assertThat(held.path("case").path("service_user_name").asText()).isEqualTo("Jo Bloggs");
        assertThat(held.path("contactVersions").findValuesAsText("contact_id")).contains(contactId);
        assertThat(held.path("contactVersions").get(0).path("state").path("attendees").get(0).path("name").asText())
                .isEqualTo("Jo Bloggs");
        assertThat(held.path("chronology").size()).isEqualTo(2);
        assertThat(held.path("auditTrail").findValuesAsText("actor")).contains("alex");

        download("/api/cases/" + caseId + "/bundle", "morgan", "application/pdf", new AtomicLong());
        JsonNode trail = eventually(() -> as("avery").get("/api/audit?caseId=" + caseId).json().path("items"),
                items -> items.findValuesAsText("summary").toString().contains("/bundle"), Duration.ofSeconds(10));
        assertThat(trail.findValuesAsText("summary").toString()).as("the bundle read is in the access log")
                .contains("viewed /api/cases/" + caseId + "/bundle").contains("/subject-access");
        assertThat(as("avery").get("/api/cases/" + java.util.UUID.randomUUID() + "/subject-access").status())
                .isEqualTo(404);
    }
}
