package org.casetrail.events.caserecord;

/**
 * A closed case was reopened.
 *
 * @param caseId the case
 * @param reason why it was reopened
 */
public record CaseReopenedEvent(String caseId, String reason) {
}
