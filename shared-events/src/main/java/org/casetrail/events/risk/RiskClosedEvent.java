package org.casetrail.events.risk;

/**
 * A risk was closed.
 *
 * @param riskId the risk
 * @param reason why it no longer needs tracking
 */
public record RiskClosedEvent(String riskId, String reason) {
}
