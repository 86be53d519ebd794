package org.casetrail.events.session;

/**
 * A booked session took place: the contact that records it was signed. (Before signing came to decide it, this
 * was recorded when the contact was drafted; such a session is released again if that draft is discarded.)
 *
 * @param sessionId the session
 * @param contactId the contact that records it
 */
public record SessionHeldEvent(String sessionId, String contactId) {
}
