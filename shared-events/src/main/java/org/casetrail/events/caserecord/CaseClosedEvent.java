package org.casetrail.events.caserecord;

/**
 * A case was closed.
 *
 * @param caseId the case
 * @param reason why it was closed
 */
public record CaseClosedEvent(String caseId, String reason) {
}
