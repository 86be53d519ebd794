package org.casetrail.command.significance;

import static org.casetrail.command.domain.CaseEvents.apply;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.command.domain.PublicVersion;
import org.casetrail.command.significance.SignificanceCommands.MarkSignificanceCommand;
import org.casetrail.events.significance.SignificanceMarkedEvent;
import org.casetrail.platform.messaging.DomainRuleViolation;

/**
 * Whether a contact or follow-up is a significant event in its case's chronology, and its impact on the child:
 * one mark per item, created by the first marking, changed by later ones. Each change is an event with who and
 * when, so the chronology shows the mark as it stood at any moment.
 */
@Aggregate(cache = "significanceCache")
class Significance {

    @AggregateIdentifier
    private String markId;
    private String itemId;
    private boolean significant;

    Significance() {
        // For Axon, which rebuilds the mark from its events, or creates it on the first marking.
    }

    /** The mark of an item: a name-based id, so every marking of the item goes to the same mark. */
    static String markOf(String itemId) {
        return UUID.nameUUIDFromBytes(("significance:" + itemId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(MarkSignificanceCommand command, CaseItems items) {
        // Axon leaves the expected version unchecked on a handler that may create: the mark checks it itself.
        Long current = markId == null ? null : AggregateLifecycle.getVersion();
        if (command.expectedSequence() != null && !command.expectedSequence().equals(current)) {
            throw new ConflictingAggregateVersionException(command.markId(),
                    command.expectedSequence(), current == null ? -1 : current);
        }
        if (markId != null && !markId.equals(markOf(command.itemId()))) {
            throw new IllegalStateException("Mark " + markId + " is not the mark of " + command.itemId());
        }
        if (markId == null && !command.significant()) {
            throw new DomainRuleViolation("NOT_SIGNIFICANT", "This has not been marked significant, so there is no "
                                                             + "mark to withdraw");
        }
        if (markId != null && !significant && !command.significant()) {
            throw new DomainRuleViolation("NOT_SIGNIFICANT", "This is not marked significant");
        }
        String caseId = items.caseOf(command.itemType(), command.itemId());
        apply(caseId, new SignificanceMarkedEvent(command.markId(), caseId, command.itemType(), command.itemId(),
                                          command.significant(), command.significant() ? command.impact() : null));
        return PublicVersion.current();
    }

    @EventSourcingHandler
    void on(SignificanceMarkedEvent event) {
        markId = event.markId();
        itemId = event.itemId();
        significant = event.significant();
    }
}
