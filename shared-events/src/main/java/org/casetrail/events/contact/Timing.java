package org.casetrail.events.contact;

import java.time.Instant;

/**
 * When a contact took place (heading 2, with its setting). This is when it happened, not when it was recorded:
 * the recording time is each event's own timestamp.
 *
 * @param startedAt when the contact started
 * @param endedAt   when it ended; null while not yet known
 */
public record Timing(Instant startedAt, Instant endedAt) {
}
