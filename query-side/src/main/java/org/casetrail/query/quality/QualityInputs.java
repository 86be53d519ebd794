package org.casetrail.query.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.risk.Severity;

/**
 * Everything a contact's recording-quality check reads, as it stood at one moment: the contact, its case and plans,
 * what was raised in it, and the case's last home visit before it. Read from the projections' tables, each of
 * them rebuilt from the events.
 *
 * @param lastHomeVisit the case's last signed home visit that counts toward the visit standard, before this contact
 */
record QualityInputs(ContactFacts contact, CaseFacts caseFacts, List<PlanFact> plans, List<RiskFact> risks,
                     int risksReviewed, List<ActionFact> actions, int guidanceRequests, List<SessionFact> sessions,
                     Instant lastHomeVisit) {

    /** The contact's own headings and signature; {@code descriptionLength} in characters, 0 when none. */
    record ContactFacts(String contactId, String caseId, long version, String author, String status,
                        List<Attendee> attendees,
                        Setting setting, Instant startedAt, Instant endedAt, Purpose purpose, int descriptionLength,
                        ChildVisit childVisit, ContactStatements statements, Instant finalisedAt,
                        String shortfallReason) {
    }

    /** {@code openedOn}: the date of referral or opening (the day recorded for cases from before it was asked). */
    record CaseFacts(PlanType planType, LocalDate openedOn, String serviceUserName) {

        boolean child() {
            return planType == PlanType.CHILD_PROTECTION || planType == PlanType.CHILD_IN_NEED
                   || planType == PlanType.LOOKED_AFTER;
        }
    }

    record PlanFact(String planId, String title, LocalDate date, String visitFrequency) {
    }

    /** A risk identified in the contact: its severity then, and how many professionals it names. */
    record RiskFact(Severity severity, int professionals) {
    }

    record ActionFact(String assignee, LocalDate dueDate, String expectedOutcome) {
    }

    record SessionFact(Instant scheduledFor, SettingType settingType, String location, String focus) {
    }
}
