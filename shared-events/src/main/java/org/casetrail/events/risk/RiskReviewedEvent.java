package org.casetrail.events.risk;

/**
 * A risk was reviewed in a later contact; its severity may have changed.
 *
 * @param riskId the risk
 * @param contactId the contact it was reviewed in
 * @param note what the review found
 * @param severity the severity it is now judged to have
 */
public record RiskReviewedEvent(String riskId, String contactId, String note, Severity severity) {
}
