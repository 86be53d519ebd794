package org.casetrail.events.contact;

/**
 * A draft's purpose, its linked plans, intervention or theory were changed.
 *
 * @param contactId the contact
 * @param purpose   the purpose now recorded
 */
public record PurposeChangedEvent(String contactId, Purpose purpose) implements ContactContentChange {

    @Override
    public ContactContent applyTo(ContactContent before) {
        return before.withPurpose(purpose);
    }
}
