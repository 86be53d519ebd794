package org.casetrail.command.session;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.casetrail.events.contact.Setting;

final class SessionCommands {

    private SessionCommands() {
    }

    record BookSessionCommand(@TargetAggregateIdentifier String sessionId, String contactId, Instant scheduledFor,
                              Setting setting, String focus, String reasonAfterSigning) {
    }

    record RescheduleSessionCommand(@TargetAggregateIdentifier String sessionId, Instant scheduledFor, String reason,
                                    @TargetAggregateVersion Long expectedSequence) {
    }

    record CancelSessionCommand(@TargetAggregateIdentifier String sessionId, String reason,
                                @TargetAggregateVersion Long expectedSequence) {
    }

    record RecordNoAccessCommand(@TargetAggregateIdentifier String sessionId, Instant attemptedAt, String note,
                                 @TargetAggregateVersion Long expectedSequence) {
    }

    record RecordMissedSessionCommand(@TargetAggregateIdentifier String sessionId, String note,
                                      @TargetAggregateVersion Long expectedSequence) {
    }
}
