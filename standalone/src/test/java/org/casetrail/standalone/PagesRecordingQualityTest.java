package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recording standard in a real browser: a practitioner writes a note heading by heading and watches its
 * checklist fill in on the task list and at check your answers; signing it short asks why, and the reason stays
 * with the signature; a manager finds it in the recording-quality report and follows a figure to it.
 */
class PagesRecordingQualityTest extends HttpTestSupport {

    private static final Path DOCS = Path.of("..", "docs", "screenshots");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @BeforeAll
    static void needsABrowser() {
        Browser.assumeInstalled();
    }

    @Test
    void theChecklistFillsInAsTheHeadingsDoAndSigningShortAsksWhy() {
        LocalDate yesterday = LocalDate.now(LONDON).minusDays(1);
        String name = "Ruth Ekwueme " + UUID.randomUUID().toString().substring(0, 6);
        String caseId = alex().post("/api/cases", """
                {"serviceUser": {"name": "%s", "dateOfBirth": "1951-06-12"}, "planType": "ADULT_CARE",
                 "allocatedWorker": "alex", "openedOn": "%s"}""".formatted(name, yesterday.minusDays(5)))
                .text("caseId");
        alex().post("/api/cases/" + caseId + "/plans", """
                {"kind": "CARE_PLAN", "title": "Living well at home", "date": "%s", "visitFrequency": "2 weeks"}"""
                .formatted(yesterday.minusDays(5)));
        eventually(() -> alex().get("/api/cases/" + caseId).json(), c -> c.path("plans").size() == 1,
                   Duration.ofSeconds(10));
        String contactPath;

        try (Browser alex = Browser.open(port)) {
            alex.signIn("alex").go("/cases/" + caseId).press("Record a contact");
            alex.choose("Home visit").type("location", "4 Mill Lane")
                .type("start-day", String.valueOf(yesterday.getDayOfMonth()))
                .type("start-month", String.valueOf(yesterday.getMonthValue()))
                .type("start-year", String.valueOf(yesterday.getYear()))
                .type("start-time", "10:00").type("end-time", "11:00").press("Start the contact");
            contactPath = alex.path();
            assertThat(alex.heading()).isEqualTo("Record a contact");
            assertThat(alex.text()).contains("Recording standard", "1 of 7 steps met",
                    "No one is listed as attending", "The purpose is not recorded",
                    "How the person presented and engaged is not recorded",
                    "No risk is recorded, and it is not stated that no new risks were identified",
                    "Whether a manager's guidance is needed is not answered",
                    "No next session is booked, and no reason is given why not");
            alex.accessible();

            alex.follow("1. Who was there");
            alex.paste("attendee-name-0", name).select("attendee-role-0", "Service user").press("Save and continue");
            assertThat(alex.text()).contains("2 of 7 steps met").doesNotContain("No one is listed as attending");

            alex.follow("3. Purpose");
            alex.paste("purpose", "Review how the new carers' rota is working.")
                .choose("Living well at home (Care plan, " + DAY.format(yesterday.minusDays(5)) + ")")
                .paste("intervention", "Strengths-based conversation").paste("theory", "Asset-based community development")
                .press("Save and continue");
            assertThat(alex.text()).contains("3 of 7 steps met");

            alex.follow("4. What took place");
            alex.paste("description", "Ruth showed me the rota. Два визита в день. 她很满意。")
                .paste("presentation", "Bright, chatty, and keen to show me her garden.")
                .accessible().press("Save and continue");
            assertThat(alex.text()).contains("4 of 7 steps met");

            alex.follow("5 to 7. Say when there is nothing to add");
            assertThat(alex.heading()).isEqualTo("Risks, guidance and the next session");
            alex.accessible();
            alex.choose("No new risks were identified in this contact")
                .answer("6. Is a manager’s guidance needed?", "No").press("Save and continue");
            assertThat(alex.text()).contains("6 of 7 steps met").doesNotContain("No risk is recorded");
            alex.screenshot(DOCS.resolve("recording-standard.png"));

            alex.follow("Check your answers and sign");
            assertThat(alex.text()).contains("6 of 7 steps met", "7. Next arranged session", "Not met",
                    "No next session is booked, and no reason is given why not",
                    "How they presented and engaged", "Bright, chatty", "No new risks were identified",
                    "No manager’s guidance is needed");
            alex.accessible().press("Sign the contact");
            assertThat(alex.errors()).containsExactly("Enter why you are signing a note that falls short");
            alex.accessible();
            alex.paste("shortfall-reason", "Ruth goes into respite next week; the next visit is booked after it.")
                .press("Sign the contact");
            assertThat(alex.text()).contains("The contact is signed and locked.",
                    "Signed short of the standard because",
                    "Ruth goes into respite next week; the next visit is booked after it.", "6 of 7 steps met");
            alex.accessible();
        }

        try (Browser morgan = Browser.open(port)) {
            morgan.signIn("morgan").go("/compliance").follow("Recording quality against the seven steps");
            assertThat(morgan.heading()).isEqualTo("Recording quality");
            assertThat(morgan.text()).contains("By worker", "By case", name, "The standard measured against");
            morgan.accessible();
            morgan.go("/compliance/recording-quality?worker=alex&caseId=" + caseId + "&show=not-met");
            assertThat(morgan.text()).contains("Contacts not meeting every step", name, "7",
                    "Ruth goes into respite next week");
            morgan.follow("Step 7");
            assertThat(morgan.text()).contains("Contacts missing step 7", name);
            morgan.accessible();
            morgan.go(contactPath);
            assertThat(morgan.text()).contains("Signed short of the standard because");
        }
    }
}
