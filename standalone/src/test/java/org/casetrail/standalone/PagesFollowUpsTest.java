package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The follow-ups in a real browser, from the case's tabs: an action marked done in a later contact, a risk
 * reviewed and closed, a session moved, a plan added; then a manager closes the case and reopens it.
 */
class PagesFollowUpsTest extends HttpTestSupport {

    @BeforeAll
    static void needsABrowser() {
        Browser.assumeInstalled();
    }

    @Test
    void aPractitionerFollowsUpFromTheCase() {
        String caseId = openCase();
        String first = alex().post("/api/cases/" + caseId + "/contacts", COMPLETE_DRAFT).text("contactId");
        alex().post("/api/contacts/" + first + "/risks", """
                {"category": "TO_SELF", "aspects": ["SAFETY"], "description": "Climbs the shed",
                 "severity": "HIGH"}""");
        alex().post("/api/contacts/" + first + "/actions", """
                {"description": "Fit a lock", "assignee": "alex", "dueDate": "2027-01-10", "term": "SHORT"}""");
        alex().post("/api/contacts/" + first + "/next-session", """
                {"scheduledFor": "2027-01-05T10:00:00Z", "setting": {"type": "HOME"}, "focus": "Check the lock"}""");
        assertThat(alex().post("/api/contacts/" + first + "/finalise", "").status()).isEqualTo(200);
        String later = alex().post("/api/cases/" + caseId + "/contacts",
                                   COMPLETE_DRAFT.replace("2026-11-20", "2026-11-25")).text("contactId");
        LocalDate moved = LocalDate.now(ZoneId.of("Europe/London")).plusDays(20);

        try (Browser alex = Browser.open(port)) {
            alex.signIn("alex").go("/cases/" + caseId);
            alex.tab("Actions").follow("Mark as done");
            assertThat(alex.heading()).isEqualTo("Mark the action as done");
            alex.accessible();
            alex.press("Mark as done");
            assertThat(alex.errors()).containsExactly("Choose the contact it was done in", "Enter the outcome");
            alex.select("contact", optionText(alex, later))
                .paste("outcome", "Lock fitted on the shed door").press("Mark as done");
            assertThat(alex.path()).isEqualTo("/cases/" + caseId);
            assertThat(alex.tab("Actions").text()).contains("1 completed or cancelled action is in the chronology.")
                                                  .doesNotContain("Fit a lock");

            alex.tab("Risks").follow("Review the risk").select("contact", optionText(alex, later))
                .choose("Low").paste("note", "The shed is locked now").press("Record the review");
            alex.tab("Risks").follow("Close the risk").paste("reason", "The shed is locked").press("Close the risk");
            assertThat(alex.tab("Risks").text()).contains("1 closed risk is in the chronology.")
                                                .doesNotContain("Climbs the shed");

            alex.tab("Sessions").follow("Move the session").type("scheduled-day", String.valueOf(moved.getDayOfMonth()))
                .type("scheduled-month", String.valueOf(moved.getMonthValue()))
                .type("scheduled-year", String.valueOf(moved.getYear())).type("scheduled-time", "11:15")
                .paste("reason", "The family is away that week").press("Move the session");
            assertThat(alex.tab("Sessions").text()).contains(moved.getDayOfMonth() + " ", "11:15");

            alex.press("Add a plan");
            alex.accessible();
            alex.choose("Assessment").paste("title", "Single assessment, 2026").type("date-day", "1")
                .type("date-month", "12").type("date-year", "2026").press("Add it");
            assertThat(alex.tab("Plans").text()).contains("Single assessment, 2026");

            assertThat(alex.has("Close the case")).as("closing a case is a manager's decision").isFalse();
        }
        try (Browser morgan = Browser.open(port)) {
            morgan.signIn("morgan").go("/cases/" + caseId);
            morgan.follow("Close the case").paste("reason", "Work complete").press("Close the case");
            assertThat(morgan.text()).contains("Closed");
            assertThat(morgan.has("Record a contact")).isFalse();
            morgan.press("Reopen the case").paste("reason", "New referral").press("Reopen the case");
            assertThat(morgan.has("Record a contact")).isTrue();
        }
    }

    /** How the contact list names a contact, to choose it as a user would, by what they read. */
    private static String optionText(Browser browser, String contactId) {
        return browser.driver().findElement(By.cssSelector("#contact option[value='" + contactId + "']")).getText();
    }
}
