package org.casetrail.events.session;

/**
 * A booked session took place: a contact was recorded for it.
 *
 * @param sessionId the session
 * @param contactId the contact that records it
 */
public record SessionHeldEvent(String sessionId, String contactId) {
}
