package org.casetrail.events.contact;

import java.util.List;

/**
 * A practitioner opened a draft contact on a case. The author is the event's actor. Only the setting and the
 * start are required to open a draft; the other headings may follow as edits.
 *
 * @param contactId   the new contact's id
 * @param caseId      the case it belongs to
 * @param attendees   heading 1; never null, may be empty
 * @param setting     heading 2, where
 * @param timing      heading 2, when (occurred-at)
 * @param purpose     heading 3; may be null
 * @param description heading 4, what took place; may be null
 * @param sessionId   the booked session this contact is the holding of; may be null
 * @param childVisit  heading 4 for a home visit to a child; may be null (and is, in events from before it)
 * @param statements  what the practitioner states to complete headings 1, 4, 5, 6 and 7; may be null (and is, in
 *                    events from before it)
 */
public record ContactDraftedEvent(String contactId, String caseId, List<Attendee> attendees, Setting setting,
                                  Timing timing, Purpose purpose, String description, String sessionId,
                                  ChildVisit childVisit, ContactStatements statements) implements ContactContentChange {

    /** The content the draft opened with; there was none before it. */
    @Override
    public ContactContent applyTo(ContactContent before) {
        return new ContactContent(attendees, setting, timing, purpose, description, childVisit, statements);
    }
}
