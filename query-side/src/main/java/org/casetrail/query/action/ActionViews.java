package org.casetrail.query.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.casetrail.events.action.ActionTerm;

/**
 * What the action reads return. OUTSTANDING is every action not done, overdue ones included; OVERDUE those due
 * before today (in the service's zone).
 */
public final class ActionViews {

    private ActionViews() {
    }

    public record ChangeView(String change, String assignee, LocalDate dueDate, String reason, Instant at,
                             String by) {
    }

    public record ActionView(String actionId, String caseId, String contactId, String description, String assignee,
                             LocalDate dueDate, ActionTerm term, String status, boolean overdue, Instant assignedAt,
                             String assignedBy, Instant closedAt, String closedBy, String completedInContactId,
                             String outcome, String cancelReason, List<ChangeView> history, long version) {

        ActionView withHistory(List<ChangeView> value) {
            return new ActionView(actionId, caseId, contactId, description, assignee, dueDate, term, status, overdue,
                                  assignedAt, assignedBy, closedAt, closedBy, completedInContactId, outcome,
                                  cancelReason, value, version);
        }
    }

    public record ActionPageView(LocalDate today, List<ActionView> items, int page, int size, long total) {
    }
}
