package org.casetrail.events.session;

import java.time.Instant;

/**
 * The practitioner went to a booked session and could not get access.
 *
 * @param sessionId the session
 * @param attemptedAt when access was attempted
 * @param note what happened; may be null
 */
public record NoAccessRecordedEvent(String sessionId, Instant attemptedAt, String note) {
}
