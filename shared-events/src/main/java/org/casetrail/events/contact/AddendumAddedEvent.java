package org.casetrail.events.contact;

/**
 * Something was added to a finalised contact; the contact itself is unchanged.
 *
 * @param contactId  the contact
 * @param addendumId the addendum's id
 * @param text       what was added
 * @param reason     why it was added after finalisation
 */
public record AddendumAddedEvent(String contactId, String addendumId, String text, String reason) {
}
