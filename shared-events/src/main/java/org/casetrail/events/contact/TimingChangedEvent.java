package org.casetrail.events.contact;

/**
 * A draft's start and end were changed.
 *
 * @param contactId the contact
 * @param timing    the timing now recorded
 */
public record TimingChangedEvent(String contactId, Timing timing) implements ContactContentChange {

    @Override
    public ContactContent applyTo(ContactContent before) {
        return before.withTiming(timing);
    }
}
