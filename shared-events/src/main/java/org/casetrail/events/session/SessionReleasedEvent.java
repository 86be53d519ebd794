package org.casetrail.events.session;

/**
 * A session held by a contact's draft is booked again because that draft was discarded. Only sessions held under
 * the earlier rule (held when a contact was drafted for them) are ever released: a session is now held when its
 * contact is signed.
 *
 * @param sessionId the session
 * @param contactId the discarded draft
 */
public record SessionReleasedEvent(String sessionId, String contactId) {
}
