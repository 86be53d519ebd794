package org.casetrail.events.action;

/**
 * An action was cancelled.
 *
 * @param actionId the action
 * @param reason why it is no longer needed
 */
public record ActionCancelledEvent(String actionId, String reason) {
}
