package org.casetrail.command.action;

import static org.casetrail.command.domain.CaseEvents.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.command.action.ActionCommands.AssignActionCommand;
import org.casetrail.command.action.ActionCommands.CancelActionCommand;
import org.casetrail.command.action.ActionCommands.CompleteActionCommand;
import org.casetrail.command.action.ActionCommands.ReassignActionCommand;
import org.casetrail.command.action.ActionCommands.RedateActionCommand;
import org.casetrail.command.contact.ContactDirectory;
import org.casetrail.command.domain.PublicVersion;
import org.casetrail.events.action.ActionAssignedEvent;
import org.casetrail.events.action.ActionCancelledEvent;
import org.casetrail.events.action.ActionCompletedEvent;
import org.casetrail.events.action.ActionReassignedEvent;
import org.casetrail.events.action.ActionRedatedEvent;
import org.casetrail.platform.messaging.DomainRuleViolation;

/** An action from heading 6: assigned in a contact, moved or re-dated with a reason, completed or cancelled. */
@Aggregate(cache = "actionCache")
class Action {

    enum Status { OUTSTANDING, COMPLETED, CANCELLED }

    @AggregateIdentifier
    private String actionId;
    private String caseId;
    private Status status;

    Action() {
        // For Axon, which rebuilds the action from its events.
    }

    @CommandHandler
    Action(AssignActionCommand command, ContactDirectory contacts) {
        var contact = contacts.raisedIn(command.contactId(), command.reasonAfterSigning());
        apply(contact.caseId(),
              new ActionAssignedEvent(command.actionId(), contact.caseId(), command.contactId(), command.description(),
                                      command.assignee(), command.dueDate(), command.term(),
                command.reasonAfterSigning(), command.expectedOutcome()));
    }

    @CommandHandler
    long handle(ReassignActionCommand command) {
        requireOutstanding();
        apply(caseId, new ActionReassignedEvent(actionId, command.assignee(), command.reason()));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(RedateActionCommand command) {
        requireOutstanding();
        apply(caseId, new ActionRedatedEvent(actionId, command.dueDate(), command.reason()));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(CompleteActionCommand command, ContactDirectory contacts) {
        requireOutstanding();
        contacts.usable(command.contactId(), caseId);
        apply(caseId, new ActionCompletedEvent(actionId, command.contactId(), command.outcome()));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(CancelActionCommand command) {
        requireOutstanding();
        apply(caseId, new ActionCancelledEvent(actionId, command.reason()));
        return PublicVersion.current();
    }

    @EventSourcingHandler
    void on(ActionAssignedEvent event) {
        actionId = event.actionId();
        caseId = event.caseId();
        status = Status.OUTSTANDING;
    }

    @EventSourcingHandler
    void on(ActionCompletedEvent event) {
        status = Status.COMPLETED;
    }

    @EventSourcingHandler
    void on(ActionCancelledEvent event) {
        status = Status.CANCELLED;
    }

    private void requireOutstanding() {
        if (status == Status.COMPLETED) {
            throw new DomainRuleViolation("ACTION_COMPLETED", "The action is already completed");
        }
        if (status == Status.CANCELLED) {
            throw new DomainRuleViolation("ACTION_CANCELLED", "The action was cancelled");
        }
    }
}
