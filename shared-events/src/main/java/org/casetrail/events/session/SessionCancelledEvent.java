package org.casetrail.events.session;

/**
 * A booked session was cancelled.
 *
 * @param sessionId the session
 * @param reason why
 */
public record SessionCancelledEvent(String sessionId, String reason) {
}
