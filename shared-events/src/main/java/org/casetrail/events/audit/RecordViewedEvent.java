package org.casetrail.events.audit;

/**
 * Someone read case data: the access log, itself part of the tamper-evident audit trail. Who read it, in what
 * role and from which address are in the event's metadata; when, in its timestamp.
 *
 * @param path     the path read, e.g. {@code /api/contacts/{id}}
 * @param query    the query string, e.g. {@code asOf=2026-11-20T10:00:00Z}; null when there was none
 * @param caseId   the case the path names, when it names one directly; null otherwise
 * @param recordId the record the path names (a contact, case, risk...), when it names one; null for lists
 */
public record RecordViewedEvent(String path, String query, String caseId, String recordId) {
}
