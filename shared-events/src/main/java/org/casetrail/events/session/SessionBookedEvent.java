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
 * @param reasonAfterSigning why it was added to a contact already signed; null when it was raised while the
 *                           contact was a draft (older events never carry one)
 */
public record SessionBookedEvent(String sessionId, String caseId, String contactId, Instant scheduledFor,
                                 Setting setting, String focus,
        String reasonAfterSigning) {
}
