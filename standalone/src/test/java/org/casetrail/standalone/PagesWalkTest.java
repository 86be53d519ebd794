package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walk through the pages that the service is for, in a real browser: a practitioner records a home visit under
 * all seven headings and signs it; a manager answers the guidance asked for and reads the compliance report; the
 * practitioner corrects a heading; an auditor reads the contact as it stood before the correction, the chronology
 * and its PDF, the court bundle, and verifies the audit chain. axe-core checks every page on the way.
 * The screenshots in {@code docs/} are taken here.
 */
class PagesWalkTest extends HttpTestSupport {

    private static final Path DOCS = Path.of("..", "docs", "screenshots");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @BeforeAll
    static void needsABrowser() {
        Browser.assumeInstalled();
    }

    @Test
    void practitionerRecordsManagerAnswersAuditorChecks() {
        String name = "Zoë Ólafsdóttir-Иванова " + UUID.randomUUID().toString().substring(0, 6);
        String caseId = alex().post("/api/cases", """
                {"serviceUser": {"name": "%s", "dateOfBirth": "2014-06-02", "reference": "R-%s"},
                 "planType": "CHILD_PROTECTION", "allocatedWorker": "alex"}""".formatted(name, UUID.randomUUID()))
                .text("caseId");
        alex().post("/api/cases/" + caseId + "/plans",
                    "{\"kind\": \"CARE_PLAN\", \"title\": \"Safe at home plan\", \"date\": \"2026-11-01\"}");
        LocalDate yesterday = LocalDate.now(LONDON).minusDays(1);
        String contactPath;

        try (Browser alex = Browser.open(port)) {
            alex.signIn("alex");
            assertThat(alex.heading()).isEqualTo("My work");
            alex.waitFor(name);
            alex.accessible();
            alex.follow(name);
            assertThat(alex.heading()).isEqualTo(name);
            alex.accessible().press("Record a contact");

            // Where and when opens the draft.
            assertThat(alex.heading()).isEqualTo("Where and when");
            alex.accessible();
            alex.choose("Home visit").type("location", "Flat 3, Ash Court")
                .type("start-day", String.valueOf(yesterday.getDayOfMonth()))
                .type("start-month", String.valueOf(yesterday.getMonthValue()))
                .type("start-year", String.valueOf(yesterday.getYear()))
                .type("start-time", "14:00").type("end-time", "15:10").press("Start the contact");
            assertThat(alex.heading()).isEqualTo("Record a contact");
            contactPath = alex.path();
            alex.accessible();

            alex.follow("1. Who was there").accessible();
            alex.paste("attendee-name-0", name).select("attendee-role-0", "Service user")
                .paste("attendee-name-1", "Алексей Иванов").select("attendee-role-1", "Parent or carer")
                .type("attendee-contact-1", "07700 900123").press("Save and continue");
            assertThat(alex.text()).contains("You have completed 2 of the 4 headings needed to sign.");

            alex.follow("3. Purpose").accessible();
            alex.paste("purpose", "Review the safety plan with Zoë and her father.").choose(
                    "Safe at home plan (Care plan, 1 November 2026)").press("Save and continue");
            alex.follow("4. What took place");
            alex.paste("description", "We sat in the kitchen. Zoë showed me her room; it was warm and tidy.\n"
                                      + "Her father said: «всё хорошо». 我们谈了学校。");
            alex.answer("Was the child seen?", "Yes").answer("Was the child seen alone?", "Yes")
                .answer("Was the child’s bedroom seen?", "Yes")
                .paste("wishes", "Chcę mieszkać z tatą. I like my room.");
            alex.screenshot(DOCS.resolve("contact-form.png"));
            alex.accessible().press("Save and continue");
            assertThat(alex.text()).contains("You have completed 4 of the 4 headings needed to sign.");

            alex.follow("5. Risks").accessible();
            alex.choose("To themselves").choose("Safety").paste("description", "Climbs onto the shed roof")
                .choose("High").type("professional-name-0", "Dr Lee").type("professional-organisation-0", "GP surgery")
                .press("Add the risk");
            alex.follow("6. Actions").accessible();
            alex.paste("description", "Refer to occupational therapy").select("assignee", "morgan")
                .type("due-day", "15").type("due-month", "1").type("due-year", String.valueOf(yesterday.getYear() + 1))
                .choose("Short term").press("Add the action");
            alex.follow("6. Ask a manager").accessible();
            alex.paste("question", "Should we convene a strategy meeting?").choose("Urgent").press("Send to a manager");
            alex.follow("7. Book the next session").accessible();
            LocalDate next = yesterday.plusDays(8);
            alex.type("scheduled-day", String.valueOf(next.getDayOfMonth()))
                .type("scheduled-month", String.valueOf(next.getMonthValue()))
                .type("scheduled-year", String.valueOf(next.getYear())).type("scheduled-time", "10:30")
                .choose("Home visit").paste("focus", "Review the referral").press("Book the session");
            assertThat(alex.text()).contains("1 added", "1 asked", "Booked");
            alex.screenshot(DOCS.resolve("record-a-contact.png"));

            alex.follow("Check your answers and sign");
            assertThat(alex.heading()).isEqualTo("Check your answers before signing");
            assertThat(alex.text()).contains("Алексей Иванов", "我们谈了学校", "Safe at home plan",
                                             "Climbs onto the shed roof", "Refer to occupational therapy",
                                             "Signing locks the note");
            assertThat(alex.text()).contains("Recording standard", "Not met");
            alex.accessible().paste("shortfall-reason", "The intervention and theory go in the plan review on Friday.")
                .press("Sign the contact");
            assertThat(alex.text()).contains("The contact is signed and locked.", "Signed",
                    "Child seen alone; bedroom seen. Wishes and feelings, in the child's words: Chcę mieszkać z tatą.");
            alex.accessible();
        }

        try (Browser morgan = Browser.open(port)) {
            morgan.signIn("morgan");
            morgan.waitFor("Guidance waiting for your answer");
            assertThat(morgan.text()).contains("Guidance waiting for your answer", name);
            morgan.screenshot(DOCS.resolve("my-work.png"));
            morgan.accessible().follow("Answer");
            assertThat(morgan.text()).contains("Should we convene a strategy meeting?");
            morgan.accessible();
            morgan.paste("guidance", "Yes: convene one within two working days.").press("Give guidance");
            assertThat(morgan.heading()).isEqualTo("Guidance given");
            assertThat(morgan.text()).contains("Yes: convene one within two working days.", "Given by morgan");
            morgan.go("/compliance");
            assertThat(morgan.heading()).isEqualTo("Compliance");
            assertThat(morgan.text()).contains(name);
            morgan.accessible();
        }

        String before;
        try (Browser alex = Browser.open(port)) {
            alex.signIn("alex").go(contactPath);
            before = alex.text();
            alex.follow("Correct what took place");
            alex.paste("description", "We sat in the kitchen and the garden. Zoë showed me her room.")
                .paste("reason", "I left out the garden").press("Save the correction");
            assertThat(alex.text()).contains("Corrections", "I left out the garden", "Before", "After",
                                             "We sat in the kitchen. Zoë showed me her room",
                                             "We sat in the kitchen and the garden.", "Amended");
            alex.screenshot(DOCS.resolve("signed-contact-with-history.png"));
            alex.accessible();
        }
        assertThat(before).doesNotContain("I left out the garden");

        try (Browser avery = Browser.open(port)) {
            avery.signIn("avery").go(contactPath);
            assertThat(avery.has("Add an addendum")).as("an auditor is offered no change").isFalse();
            assertThat(avery.has("Correct what took place")).isFalse();
            avery.accessible();
            avery.follow("See the contact as it stood at version 5");
            assertThat(avery.text()).contains("This is the contact exactly as it stood at",
                                              "We sat in the kitchen. Zoë showed me her room")
                                    .doesNotContain("the garden");
            avery.accessible();

            avery.go("/cases/" + caseId + "/chronology");
            assertThat(avery.heading()).isEqualTo("Chronology");
            assertThat(avery.text()).contains("Digest of this chronology", "Home visit");
            avery.screenshot(DOCS.resolve("chronology.png"));
            avery.accessible();
            String digest = avery.driver().findElement(org.openqa.selenium.By.cssSelector("code.casetrail-reference"))
                                 .getText();
            var pdf = avery.download(avery.href("Download PDF"));
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(pdf.headers().firstValue("X-Chronology-Digest")).contains(digest);
            var csv = avery.download(avery.href("Download CSV"));
            assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("Алексей Иванов");

            LocalDate today = LocalDate.now(LONDON);
            avery.type("bundle-at-day", String.valueOf(today.getDayOfMonth()))
                 .type("bundle-at-month", String.valueOf(today.getMonthValue()))
                 .type("bundle-at-year", String.valueOf(today.getYear()));
            String bundle = "/cases/" + caseId + "/bundle?bundle-at-day=" + today.getDayOfMonth()
                            + "&bundle-at-month=" + today.getMonthValue() + "&bundle-at-year=" + today.getYear();
            String beforeTheCase = "/cases/" + caseId + "/bundle?bundle-at-day=" + yesterday.getDayOfMonth()
                                   + "&bundle-at-month=" + yesterday.getMonthValue()
                                   + "&bundle-at-year=" + yesterday.getYear();
            assertThat(avery.download(beforeTheCase).statusCode()).as("a bundle of the case before it was opened")
                                                                 .isEqualTo(404);
            var pdfBundle = avery.download(bundle);
            assertThat(pdfBundle.statusCode()).isEqualTo(200);
            assertThat(new String(pdfBundle.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

            avery.go("/audit").accessible();
            avery.press("Verify the chain now");
            assertThat(avery.text()).contains("The audit chain is intact");
            avery.accessible();
        }

        // Every page that showed the contact was recorded in the audit trail as a read, by whoever read it.
        String contactId = contactPath.substring("/contacts/".length());
        Integer reads = eventually(() -> jdbc.queryForObject("""
                SELECT count(*) FROM audit.entry WHERE event_type LIKE '%RecordViewed%' AND actor = 'avery'
                AND record_id = ?""", Integer.class, contactId), n -> n >= 2, Duration.ofSeconds(10));
        assertThat(reads).isGreaterThanOrEqualTo(2);
    }
}
