package org.casetrail.command.guidance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.casetrail.events.guidance.Urgency;

final class GuidanceCommands {

    private GuidanceCommands() {
    }

    record RequestGuidanceCommand(@TargetAggregateIdentifier String requestId, String contactId, String question,
                                  Urgency urgency, String reasonAfterSigning) {
    }

    record GiveGuidanceCommand(@TargetAggregateIdentifier String requestId, String guidance,
                               @TargetAggregateVersion Long expectedSequence) {
    }
}
