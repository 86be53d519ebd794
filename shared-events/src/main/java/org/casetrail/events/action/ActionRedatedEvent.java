package org.casetrail.events.action;

import java.time.LocalDate;

/**
 * An action's due date was changed.
 *
 * @param actionId the action
 * @param dueDate the new due date
 * @param reason why it changed
 */
public record ActionRedatedEvent(String actionId, LocalDate dueDate, String reason) {
}
