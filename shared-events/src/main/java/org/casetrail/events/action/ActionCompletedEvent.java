package org.casetrail.events.action;

/**
 * An action was completed, as recorded in a later contact.
 *
 * @param actionId the action
 * @param contactId the contact that records its completion
 * @param outcome what came of it
 */
public record ActionCompletedEvent(String actionId, String contactId, String outcome) {
}
