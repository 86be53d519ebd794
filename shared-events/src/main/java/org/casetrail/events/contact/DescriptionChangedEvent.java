package org.casetrail.events.contact;

/**
 * A draft's account of what took place was changed.
 *
 * @param contactId   the contact
 * @param description the account now recorded
 */
public record DescriptionChangedEvent(String contactId, String description) implements ContactContentChange {

    @Override
    public ContactContent applyTo(ContactContent before) {
        return before.withDescription(description);
    }
}
