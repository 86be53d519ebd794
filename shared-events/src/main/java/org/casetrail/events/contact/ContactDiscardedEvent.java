package org.casetrail.events.contact;

/**
 * A draft was discarded. Its events remain; it no longer counts as a contact.
 *
 * @param contactId the contact
 * @param reason    why it was discarded
 */
public record ContactDiscardedEvent(String contactId, String reason) {
}
