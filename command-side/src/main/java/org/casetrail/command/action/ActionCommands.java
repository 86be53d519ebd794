package org.casetrail.command.action;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.casetrail.events.action.ActionTerm;

final class ActionCommands {

    private ActionCommands() {
    }

    record AssignActionCommand(@TargetAggregateIdentifier String actionId, String contactId, String description,
                               String assignee, LocalDate dueDate, ActionTerm term, String reasonAfterSigning,
                               String expectedOutcome) {
    }

    record ReassignActionCommand(@TargetAggregateIdentifier String actionId, String assignee, String reason,
                                 @TargetAggregateVersion Long expectedSequence) {
    }

    record RedateActionCommand(@TargetAggregateIdentifier String actionId, LocalDate dueDate, String reason,
                               @TargetAggregateVersion Long expectedSequence) {
    }

    record CompleteActionCommand(@TargetAggregateIdentifier String actionId, String contactId, String outcome,
                                 @TargetAggregateVersion Long expectedSequence) {
    }

    record CancelActionCommand(@TargetAggregateIdentifier String actionId, String reason,
                               @TargetAggregateVersion Long expectedSequence) {
    }
}
