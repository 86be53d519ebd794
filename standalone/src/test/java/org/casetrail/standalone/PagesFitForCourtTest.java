package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the court-facing changes look like in a real browser: a risk added to a signed contact asks why and shows
 * as added after signing; a contact marked as a significant event from the chronology, with its impact on the
 * child, fills the significance column and its filter; a booked session whose time has passed is flagged on the
 * case and in My work; the case shows its referral date.
 */
class PagesFitForCourtTest extends HttpTestSupport {

    @BeforeAll
    static void needsABrowser() {
        Browser.assumeInstalled();
    }

    @Test
    void aPractitionerAddsAfterSigningAndMarksWhatIsSignificant() {
        String caseId = openCase();
        String contactId = alex().post("/api/cases/" + caseId + "/contacts", COMPLETE_DRAFT).text("contactId");
        String session = alex().post("/api/contacts/" + contactId + "/next-session", """
                {"scheduledFor": "%s", "setting": {"type": "HOME"}, "focus": "Check the lock"}"""
                .formatted(Instant.now().plusSeconds(2))).text("sessionId");
        assertThat(alex().post("/api/contacts/" + contactId + "/finalise", "").status()).isEqualTo(200);
        eventually(() -> alex().get("/api/cases/" + caseId + "/chronology").json(),
                   v -> v.path("entries").size() == 3, Duration.ofSeconds(10));
        sleep(2_500);

        try (Browser alex = Browser.open(port)) {
            alex.signIn("alex").go("/cases/" + caseId);
            assertThat(alex.text()).contains("Referred or opened on", "1 October 2026",
                                             "1 booked session has passed with nothing recorded of it.");
            assertThat(alex.tab("Sessions").text()).contains("Overdue");
            alex.accessible();
            alex.go("/");
            assertThat(alex.text()).contains("Sessions whose time has passed with nothing recorded", "Check the lock");
            alex.accessible();

            alex.go("/contacts/" + contactId + "/risks/new");
            alex.choose("To themselves").choose("Safety").paste("description", "Told the school she climbs out")
                .choose("High").accessible();
            alex.press("Add the risk");
            assertThat(alex.errors()).containsExactly("This contact is signed: say why you are adding this after "
                                                      + "signing, or record it in a new contact.");
            alex.paste("reason-after-signing", "The school rang the next day about what Jo said at the visit")
                .press("Add the risk");
            assertThat(alex.text()).contains("Told the school she climbs out", "Added after signing",
                                             "Reason: The school rang the next day");

            alex.go("/cases/" + caseId + "/chronology");
            alex.follow("Mark as significant – entry 2");
            assertThat(alex.heading()).isEqualTo("Is this a significant event?");
            alex.accessible();
            alex.answer("Is it a significant event?", "Yes").press("Save");
            assertThat(alex.errors()).containsExactly("Enter the impact on the child");
            alex.paste("impact", "The first time Jo spoke of climbing out: a risk to her life").press("Save");
            assertThat(alex.text()).contains("Marked as a significant event.", "Marked significant by alex");
            alex.go("/cases/" + caseId + "/chronology?significant=yes");
            assertThat(alex.text()).contains("Significant event",
                    "Impact on the child: The first time Jo spoke of climbing out: a risk to her life")
                    .doesNotContain("Case opened");
            alex.accessible();
        }
        assertThat(session).isNotBlank();
    }
}
