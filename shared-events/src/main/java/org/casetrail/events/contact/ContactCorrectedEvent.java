package org.casetrail.events.contact;

import java.util.List;

/**
 * A section of a finalised contact was corrected. Exactly the field matching {@code section} is set; the value
 * it replaces stays readable in the contact's history and in its list of corrections.
 *
 * @param contactId    the contact
 * @param correctionId the correction's id
 * @param section      which section is corrected
 * @param attendees    the corrected attendees, for ATTENDEES
 * @param setting      the corrected setting, for SETTING
 * @param timing       the corrected timing, for TIMING
 * @param purpose      the corrected purpose, for PURPOSE
 * @param description  the corrected account, for DESCRIPTION
 * @param reason       why the record was wrong
 * @param childVisit   the corrected record of a child's home visit, for CHILD_VISIT (absent from older events)
 * @param statements   the corrected statements, for STATEMENTS (absent from older events)
 */
public record ContactCorrectedEvent(String contactId, String correctionId, ContactSection section,
                                    List<Attendee> attendees, Setting setting, Timing timing, Purpose purpose,
                                    String description, String reason, ChildVisit childVisit,
                                    ContactStatements statements)
        implements ContactContentChange {

    @Override
    public ContactContent applyTo(ContactContent before) {
        return before.replacing(section, new ContactContent(attendees, setting, timing, purpose, description,
                                                           childVisit, statements));
    }
}
