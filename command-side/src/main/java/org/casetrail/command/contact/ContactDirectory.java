package org.casetrail.command.contact;

import org.casetrail.platform.messaging.DomainRuleViolation;

/**
 * What follow-ups (risks, actions, guidance requests, sessions) may know of the contact they come from. Answers
 * are consistent with the contact's own events.
 */
public interface ContactDirectory {

    /** The contact's facts; an unknown contact is a 404. */
    ContactFacts facts(String contactId);

    /**
     * The facts of a contact a follow-up is recorded from: it must not be a discarded draft and, when
     * {@code caseId} is given, it must belong to that case.
     */
    default ContactFacts usable(String contactId, String caseId) {
        ContactFacts facts = facts(contactId);
        if (facts.discarded()) {
            throw new DomainRuleViolation("CONTACT_DISCARDED", "Contact " + contactId + " was discarded");
        }
        if (caseId != null && !caseId.equals(facts.caseId())) {
            throw new DomainRuleViolation("CONTACT_NOT_IN_CASE", "Contact " + contactId + " belongs to another case");
        }
        return facts;
    }

    /**
     * @param contactId the contact
     * @param caseId    its case
     * @param discarded whether it is a discarded draft
     */
    record ContactFacts(String contactId, String caseId, boolean discarded) {
    }
}
