package org.casetrail.command.risk;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.casetrail.events.risk.Professional;
import org.casetrail.events.risk.RiskAspect;
import org.casetrail.events.risk.RiskCategory;
import org.casetrail.events.risk.Severity;

final class RiskCommands {

    private RiskCommands() {
    }

    record IdentifyRiskCommand(@TargetAggregateIdentifier String riskId, String contactId, RiskCategory category,
                               List<RiskAspect> aspects, String description, Severity severity,
                               List<Professional> professionalsInvolved, String reasonAfterSigning) {
    }

    record ReviewRiskCommand(@TargetAggregateIdentifier String riskId, String contactId, String note,
                             Severity severity, @TargetAggregateVersion Long expectedSequence) {
    }

    record CloseRiskCommand(@TargetAggregateIdentifier String riskId, String reason,
                            @TargetAggregateVersion Long expectedSequence) {
    }
}
