package org.casetrail.command.caserecord;

import static org.casetrail.command.domain.CaseEvents.apply;

import java.util.HashSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.command.caserecord.CaseCommands.CloseCaseCommand;
import org.casetrail.command.caserecord.CaseCommands.OpenCaseCommand;
import org.casetrail.command.caserecord.CaseCommands.RecordPlanCommand;
import org.casetrail.command.caserecord.CaseCommands.ReopenCaseCommand;
import org.casetrail.command.domain.PublicVersion;
import org.casetrail.events.caserecord.CaseClosedEvent;
import org.casetrail.events.caserecord.CaseOpenedEvent;
import org.casetrail.events.caserecord.CaseReopenedEvent;
import org.casetrail.events.caserecord.PlanRecordedEvent;
import org.casetrail.events.caserecord.PlanType;
import org.casetrail.platform.messaging.DomainRuleViolation;
import org.casetrail.platform.messaging.NotPermitted;
import org.casetrail.platform.messaging.MetaDataKeys;

/**
 * One case per service user: opened, given assessments and plans, closed and reopened. Command handlers return
 * the case's public version after their events, which the API hands back for {@code If-Match} and read-your-writes.
 */
@Aggregate(cache = "caseRecordCache")
class CaseRecord {

    @AggregateIdentifier
    private String caseId;
    private boolean closed;
    private static final Set<PlanType> CHILDREN = Set.of(PlanType.CHILD_PROTECTION, PlanType.CHILD_IN_NEED,
                                                         PlanType.LOOKED_AFTER);

    private final Set<String> planIds = new HashSet<>();
    private boolean child;

    CaseRecord() {
        // For Axon, which rebuilds the case from its events.
    }

    @CommandHandler
    CaseRecord(OpenCaseCommand command) {
        apply(command.caseId(), new CaseOpenedEvent(command.caseId(), command.serviceUser(), command.planType(),
                                  command.allocatedWorker(), command.openedOn()));
    }

    @CommandHandler
    long handle(RecordPlanCommand command) {
        requireOpen("record a plan on");
        if (planIds.contains(command.planId())) {
            throw new DomainRuleViolation("PLAN_ALREADY_RECORDED", "Plan " + command.planId() + " is already recorded");
        }
        apply(caseId, new PlanRecordedEvent(caseId, command.planId(), command.kind(), command.title(), command.date(),
                                    command.summary(), command.visitFrequency()));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(CloseCaseCommand command, @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        requireManager(role, "closes");
        if (closed) {
            throw new DomainRuleViolation("CASE_ALREADY_CLOSED", "The case is already closed");
        }
        apply(caseId, new CaseClosedEvent(caseId, command.reason()));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(ReopenCaseCommand command, @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        requireManager(role, "reopens");
        if (!closed) {
            throw new DomainRuleViolation("CASE_NOT_CLOSED", "Only a closed case can be reopened");
        }
        apply(caseId, new CaseReopenedEvent(caseId, command.reason()));
        return PublicVersion.current();
    }

    /** Closing a case, and reopening it, is a manager's decision (the practitioner proposes it). */
    private static void requireManager(String role, String what) {
        if (!"MANAGER".equals(role)) {
            throw new NotPermitted("MANAGER_ONLY", "Only a manager " + what + " a case");
        }
    }

    @EventSourcingHandler
    void on(CaseOpenedEvent event) {
        caseId = event.caseId();
        child = CHILDREN.contains(event.planType());
    }

    @EventSourcingHandler
    void on(PlanRecordedEvent event) {
        planIds.add(event.planId());
    }

    @EventSourcingHandler
    void on(CaseClosedEvent event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(CaseReopenedEvent event) {
        closed = false;
    }

    CaseDirectory.CaseFacts facts() {
        return new CaseDirectory.CaseFacts(caseId, !closed, Set.copyOf(planIds), child);
    }

    private void requireOpen(String action) {
        if (closed) {
            throw new DomainRuleViolation("CASE_CLOSED", "Cannot " + action + " a closed case; reopen it first");
        }
    }
}
