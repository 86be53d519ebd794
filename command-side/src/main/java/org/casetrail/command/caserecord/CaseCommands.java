package org.casetrail.command.caserecord;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.casetrail.events.caserecord.PlanKind;
import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.caserecord.ServiceUser;

/** The commands a case takes. An {@code expectedSequence} of null means "whatever the current version is". */
final class CaseCommands {

    private CaseCommands() {
    }

    record OpenCaseCommand(@TargetAggregateIdentifier String caseId, ServiceUser serviceUser, PlanType planType,
                           String allocatedWorker, LocalDate openedOn) {
    }

    record RecordPlanCommand(@TargetAggregateIdentifier String caseId, String planId, PlanKind kind, String title,
                             LocalDate date, String summary, String visitFrequency,
                             @TargetAggregateVersion Long expectedSequence) {
    }

    record CloseCaseCommand(@TargetAggregateIdentifier String caseId, String reason,
                            @TargetAggregateVersion Long expectedSequence) {
    }

    record ReopenCaseCommand(@TargetAggregateIdentifier String caseId, String reason,
                             @TargetAggregateVersion Long expectedSequence) {
    }
}
