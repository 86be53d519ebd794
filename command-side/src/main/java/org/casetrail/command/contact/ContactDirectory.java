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
     * The facts of a contact a new risk, action, guidance request or next session is raised in. Raised while the
     * contact is a draft, it is part of the note to be signed and takes no reason. Raised after the contact was
     * signed, it is accepted only with {@code reasonAfterSigning}, which the event keeps so every output can say
     * it was added after signing, when and by whom.
     */
    default ContactFacts raisedIn(String contactId, String reasonAfterSigning) {
        ContactFacts facts = usable(contactId, null);
        if (facts.signed() && reasonAfterSigning == null) {
            throw new DomainRuleViolation("REASON_AFTER_SIGNING_REQUIRED", "Contact " + contactId + " is signed: "
                    + "give a reason to add this to it after signing, or record it in a new contact");
        }
        if (!facts.signed() && reasonAfterSigning != null) {
            throw new DomainRuleViolation("CONTACT_NOT_SIGNED", "Contact " + contactId + " is a draft: what is "
                    + "added to a draft is part of the note when it is signed and takes no reason");
        }
        return facts;
    }

    /**
     * @param contactId the contact
     * @param caseId    its case
     * @param discarded whether it is a discarded draft
     * @param signed    whether it is signed (finalised)
     */
    record ContactFacts(String contactId, String caseId, boolean discarded, boolean signed) {
    }
}
