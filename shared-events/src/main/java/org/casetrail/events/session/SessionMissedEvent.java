package org.casetrail.events.session;

/**
 * A booked session did not take place because the person did not attend.
 *
 * @param sessionId the session
 * @param note what is known; may be null
 */
public record SessionMissedEvent(String sessionId, String note) {
}
