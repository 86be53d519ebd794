package org.casetrail.events.contact;

/**
 * A contact was signed and locked: from now on it can only be added to or corrected.
 *
 * @param contactId the contact
 * @param signedBy  user name of who signed it (the event's actor)
 */
public record ContactFinalisedEvent(String contactId, String signedBy) {
}
