package org.casetrail.events.contact;

import java.util.List;

/**
 * A draft's attendees were replaced.
 *
 * @param contactId the contact
 * @param attendees the attendees now recorded
 */
public record AttendeesChangedEvent(String contactId, List<Attendee> attendees) implements ContactContentChange {

    @Override
    public ContactContent applyTo(ContactContent before) {
        return before.withAttendees(attendees);
    }
}
