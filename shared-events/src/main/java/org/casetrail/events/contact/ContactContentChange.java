package org.casetrail.events.contact;

/**
 * An event that changes what a contact says under its headings. Each says how, so the command side's contact
 * and every read model that follows contacts fold the same events the same way.
 */
public sealed interface ContactContentChange permits ContactDraftedEvent, AttendeesChangedEvent,
        SettingChangedEvent, TimingChangedEvent, PurposeChangedEvent, DescriptionChangedEvent, ChildVisitChangedEvent,
        StatementsChangedEvent, ContactCorrectedEvent {

    /** The content after this event, given the content before it. */
    ContactContent applyTo(ContactContent before);
}
