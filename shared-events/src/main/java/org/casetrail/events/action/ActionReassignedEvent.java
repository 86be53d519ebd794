package org.casetrail.events.action;

/**
 * An action was given to someone else.
 *
 * @param actionId the action
 * @param assignee who does it now
 * @param reason why it moved
 */
public record ActionReassignedEvent(String actionId, String assignee, String reason) {
}
