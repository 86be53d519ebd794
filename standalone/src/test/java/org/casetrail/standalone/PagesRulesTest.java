package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The pages' rules as people meet them in a real browser: refusals in words at the top of the form with what was
 * typed kept, what a role may not do neither offered nor allowed by URL, two people editing one draft, a session
 * that ends mid-sentence, no JavaScript at all, and a keyboard alone.
 */
class PagesRulesTest extends HttpTestSupport {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @BeforeAll
    static void needsABrowser() {
        Browser.assumeInstalled();
    }

    /** A draft of alex's on a new case, with the first two headings done; its page path. */
    private String draft(String caseId) {
        var drafted = alex().post("/api/cases/" + caseId + "/contacts", """
                {"attendees": [{"name": "Jo", "role": "SERVICE_USER"}], "setting": {"type": "HOME"},
                 "startedAt": "2026-11-20T10:00:00Z"}""");
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        return "/contacts/" + drafted.text("contactId");
    }

    @Test
    void refusedFormsSayWhyInWordsAndKeepWhatWasTyped() {
        String caseId = openCase();
        try (Browser alex = Browser.open(port)) {
            alex.signIn("alex").go("/cases/" + caseId + "/contacts/new");
            alex.type("location", "Ash Court").type("start-time", "25:00").press("Start the contact");
            assertThat(alex.errors()).containsExactly("Select where it took place",
                                                      "The start time must be a time, like 14:30 or 2:30pm");
            assertThat(alex.value("location")).isEqualTo("Ash Court");
            assertThat(alex.value("start-time")).isEqualTo("25:00");
            alex.accessible();

            LocalDate tomorrow = LocalDate.now(LONDON).plusDays(1);
            alex.choose("Home visit").type("start-day", String.valueOf(tomorrow.getDayOfMonth()))
                .type("start-month", String.valueOf(tomorrow.getMonthValue()))
                .type("start-year", String.valueOf(tomorrow.getYear())).type("start-time", "10:00")
                .type("end-time", "09:00").press("Start the contact");
            assertThat(alex.errors()).containsExactly("The end time must be after the start time");
            alex.type("end-time", "11:00").press("Start the contact");
            assertThat(alex.errors()).containsExactly(
                    "The contact cannot be in the future: record it once it has begun");
        }
        // A rule of the record, refused by the command side, in the practitioner's words.
        assertThat(as("morgan").post("/api/cases/" + caseId + "/close", "{\"reason\": \"Moved away\"}").status())
                .isEqualTo(200);
        try (Browser alex = Browser.open(port)) {
            alex.signIn("alex").go("/cases/" + caseId + "?minVersion=2");
            assertThat(alex.has("Record a contact")).as("not offered on a closed case").isFalse();
            alex.go("/cases/" + caseId + "/contacts/new").choose("Office").type("start-time", "00:01");
            long before = events();
            alex.press("Start the contact");
            assertThat(alex.errors()).containsExactly("This case is closed, so nothing new can be recorded on it. "
                                                      + "Ask a manager to reopen it if work has started again.");
            assertThat(events()).as("a refused form stores nothing").isEqualTo(before);
        }
    }

    @Test
    void whatARoleMayNotDoIsNotOfferedAndIsRefusedByUrl() {
        String caseId = openCase();
        String contact = draft(caseId);
        try (Browser avery = Browser.open(port)) {
            avery.signIn("avery").go("/cases/" + caseId);
            assertThat(avery.has("Record a contact")).isFalse();
            avery.go("/cases/" + caseId + "/contacts/new");
            assertThat(avery.heading()).isEqualTo("You cannot do this");
            avery.accessible();
            avery.go(contact + "/what-took-place");
            assertThat(avery.heading()).isEqualTo("You cannot do this");
        }
        try (Browser alex = Browser.open(port)) {
            alex.signIn("alex").go("/audit");
            assertThat(alex.heading()).isEqualTo("You cannot do this");
            alex.go("/compliance");
            assertThat(alex.heading()).isEqualTo("You cannot do this");
            assertThat(alex.has("Compliance")).as("the menu offers it only to managers and auditors").isFalse();
            // A form forced into the page: posted with a good CSRF token, refused by role all the same.
            alex.go("/");
            alex.driver().executeScript("""
                    const f = document.createElement('form'); f.method = 'post';
                    f.action = '/guidance/' + arguments[0] + '/answer';
                    const t = document.querySelector('input[name=_csrf]').cloneNode();
                    const g = document.createElement('input'); g.name = 'guidance'; g.value = 'Forced';
                    f.append(t, g); document.body.append(f); f.submit();""",
                    java.util.UUID.randomUUID().toString());
            alex.waitFor("You cannot do this");
            assertThat(alex.heading()).isEqualTo("You cannot do this");
        }
        try (Browser nobody = Browser.open(port)) {
            nobody.go("/cases/" + caseId);
            assertThat(nobody.path()).isEqualTo("/sign-in");
            nobody.accessible();
            nobody.signIn("alex");
            assertThat(nobody.path()).as("back to the page asked for").isEqualTo("/cases/" + caseId);
            nobody.go("/no-such-page");
            assertThat(nobody.heading()).isEqualTo("Page not found");
        }
    }

    @Test
    void aStaleEditShowsWhatChangedAndKeepsWhatWasTyped() {
        String contact = draft(openCase());
        try (Browser alex = Browser.open(port); Browser morgan = Browser.open(port)) {
            alex.signIn("alex").go(contact + "/what-took-place");
            morgan.signIn("morgan").go(contact + "/what-took-place");
            morgan.paste("description", "Morgan's account, saved first.").press("Save and continue");
            assertThat(morgan.heading()).isEqualTo("Record a contact");

            alex.paste("description", "Alex's account, typed at the same time.").press("Save and continue");
            assertThat(alex.heading()).isEqualTo("Someone else changed this contact");
            assertThat(alex.text()).contains("what took place changed", "by morgan", "Morgan's account, saved first.");
            alex.accessible();
            alex.press("Go back to your changes");
            assertThat(alex.value("description")).isEqualTo("Alex's account, typed at the same time.");
            assertThat(alex.text()).contains("Someone else changed this record while you were editing it");
            alex.press("Save and continue");
            assertThat(alex.heading()).isEqualTo("Record a contact");
        }
        var saved = alex().get(contact.replace("/contacts/", "/api/contacts/") + "?minVersion=3");
        assertThat(saved.text("description")).isEqualTo("Alex's account, typed at the same time.");
    }

    @Test
    void aSessionThatEndsMidFormLosesNothing() {
        String contact = draft(openCase());
        try (Browser alex = Browser.open(port)) {
            alex.signIn("alex").go(contact + "/what-took-place");
            alex.paste("description", "A long account typed over forty minutes: 長い記録です.");
            // The session ends while the practitioner types (as after the 30 minutes' timeout).
            jdbc.update("DELETE FROM web_session.spring_session WHERE session_id IN "
                        + "(SELECT session_id FROM web_session.spring_session WHERE principal_name = 'alex')");
            alex.press("Save and continue");
            assertThat(alex.path()).isEqualTo("/sign-in");
            assertThat(alex.text()).contains("You were signed out. What you typed has been kept");
            alex.type("username", "alex").type("password", "casetrail").press("Sign in");
            assertThat(alex.path()).isEqualTo(contact + "/what-took-place");
            assertThat(alex.value("description")).isEqualTo("A long account typed over forty minutes: 長い記録です.");
            assertThat(alex.text()).contains("You were signed out, so your changes were not saved");
            alex.accessible().press("Save and continue");
            assertThat(alex.heading()).isEqualTo("Record a contact");
        }
        var saved = alex().get(contact.replace("/contacts/", "/api/contacts/") + "?minVersion=2");
        assertThat(saved.text("description")).isEqualTo("A long account typed over forty minutes: 長い記録です.");
    }

    @Test
    void theContactFormWorksWithJavaScriptOff() {
        String caseId = openCase();
        alex().post("/api/cases/" + caseId + "/plans", CARE_PLAN);
        try (Browser alex = Browser.open(port, false)) {
            alex.signIn("alex").go("/cases/" + caseId);
            alex.press("Record a contact");
            LocalDate yesterday = LocalDate.now(LONDON).minusDays(1);
            alex.choose("Office").type("start-day", String.valueOf(yesterday.getDayOfMonth()))
                .type("start-month", String.valueOf(yesterday.getMonthValue()))
                .type("start-year", String.valueOf(yesterday.getYear())).type("start-time", "08:00")
                .type("end-time", "09:00").press("Start the contact");
            assertThat(alex.heading()).isEqualTo("Record a contact");
            alex.follow("1. Who was there");
            alex.type("attendee-name-0", "Jo").select("attendee-role-0", "Service user")
                .type("attendee-name-1", "Sam").select("attendee-role-1", "Professional")
                .type("attendee-organisation-1", "School").press("Save and continue");
            alex.follow("3. Purpose").type("purpose", "Catch up").press("Save and continue");
            alex.follow("4. What took place").type("description", "We talked.").press("Save and continue");
            alex.follow("Check your answers and sign");
            assertThat(alex.text()).contains("Jo", "Sam", "School", "Catch up", "We talked.");
            alex.type("shortfall-reason", "A short catch-up").press("Sign the contact");
            assertThat(alex.text()).contains("The contact is signed and locked.");
        }
    }

    @Test
    void theContactFormCanBeCompletedByKeyboardAlone() {
        String caseId = openCase();
        try (Browser alex = Browser.open(port)) {
            alex.signIn("alex").go("/cases/" + caseId + "/contacts/new");
            LocalDate yesterday = LocalDate.now(LONDON).minusDays(1);
            alex.tabTo("setting").keys(Keys.SPACE);
            alex.tabTo("start-day").keys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(yesterday.getDayOfMonth()),
                                         Keys.TAB, Keys.chord(Keys.CONTROL, "a"),
                                         String.valueOf(yesterday.getMonthValue()), Keys.TAB,
                                         Keys.chord(Keys.CONTROL, "a"), String.valueOf(yesterday.getYear()));
            alex.tabTo("start-time").keys("07:30");
            alex.keys(Keys.TAB, "08:15", Keys.ENTER);
            alex.waitForHeading("Record a contact");
            assertThat(alex.heading()).isEqualTo("Record a contact");
            alex.tabTo("attendees-link").keys(Keys.ENTER);
            alex.waitForHeading("Who was there");
            alex.tabTo("attendee-name-0").keys("Jo");
            alex.keys(Keys.TAB, "Service user");
            assertThat(alex.focusedId()).isEqualTo("attendee-role-0");
            alex.tabTo("attendee-name-1").keys("Sam", Keys.ENTER);
            alex.waitFor("There is a problem");
            assertThat(alex.errors()).containsExactly("Select the role of Sam");
            assertThat(alex.focusedClass()).as("the error summary takes the focus").contains("govuk-error-summary");
            alex.tabTo("attendee-role-1").keys("Professional");
            alex.tabToButton("Save and continue").keys(Keys.ENTER);
            alex.waitForHeading("Record a contact");
            assertThat(alex.text()).contains("You have completed 2 of the 4 headings needed to sign.");
        }
    }

    static void pause(Duration duration) {
        sleep(duration.toMillis());
    }
}
