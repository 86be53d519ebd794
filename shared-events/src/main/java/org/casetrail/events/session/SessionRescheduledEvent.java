package org.casetrail.events.session;

import java.time.Instant;

/**
 * A booked session was moved to another time; it stays booked.
 *
 * @param sessionId the session
 * @param scheduledFor the new time
 * @param reason why it moved
 */
public record SessionRescheduledEvent(String sessionId, Instant scheduledFor, String reason) {
}
