package org.casetrail.query.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.casetrail.events.caserecord.PlanType;
import org.casetrail.query.action.ActionQueries.ActionAssigned;
import org.casetrail.query.caserecord.CaseViews.PlanView;
import org.casetrail.query.contact.SignedContacts.ContactParts;
import org.casetrail.query.risk.RiskQueries.RiskRaised;
import org.casetrail.query.session.SessionQueries.SessionBooked;

/**
 * Everything a contact's recording-quality check reads, as it stood at one moment: the contact, its case and the
 * plans recorded by then, what was raised in it by then, and the case's last home visit before it. Each part is
 * asked of the feature that keeps it, from tables rebuilt from the events.
 *
 * @param lastHomeVisit the case's last signed home visit that counts toward the visit standard, before this contact
 */
record QualityInputs(ContactParts contact, CaseFacts caseFacts, List<PlanView> plans, List<RiskRaised> risks,
                     int risksReviewed, List<ActionAssigned> actions, int guidanceRequests,
                     List<SessionBooked> sessions, Instant lastHomeVisit) {

    /** {@code openedOn}: the date of referral or opening (the day recorded for cases from before it was asked). */
    record CaseFacts(PlanType planType, LocalDate openedOn, String serviceUserName) {

        boolean child() {
            return planType == PlanType.CHILD_PROTECTION || planType == PlanType.CHILD_IN_NEED
                   || planType == PlanType.LOOKED_AFTER;
        }
    }
}
