package org.casetrail.events.contact;

/**
 * A contact was signed and locked: from now on it can only be added to or corrected.
 *
 * @param contactId the contact
 * @param signedBy        user name of who signed it (the event's actor)
 * @param shortfallReason why it was signed although it fell short of the recording standard, as the practitioner
 *                        gave it; null when none was given (and in events from before it was asked)
 */
public record ContactFinalisedEvent(String contactId, String signedBy, String shortfallReason) {
}
