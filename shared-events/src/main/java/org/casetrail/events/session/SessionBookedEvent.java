package org.casetrail.events.session;

import java.time.Instant;

import org.casetrail.events.contact.Setting;

/**
 * The next session was arranged in a contact (heading 7).
 *
 * @param sessionId the new session's id
 * @param caseId the case
 * @param contactId the contact that arranged it
 * @param scheduledFor when it is to take place
 * @param setting where
 * @param focus what it will focus on; may be null
 */
public record SessionBookedEvent(String sessionId, String caseId, String contactId, Instant scheduledFor,
                                 Setting setting, String focus) {
}
