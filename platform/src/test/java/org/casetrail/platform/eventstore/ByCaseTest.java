package org.casetrail.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.MetaData;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.junit.jupiter.api.Test;

class ByCaseTest {

    private final ByCase policy = new ByCase();

    @Test
    void aContactAndTheFollowUpsRaisedInItKeepOneOrderWhateverTheSplit() {
        String caseId = UUID.randomUUID().toString();
        var contactEdited = new GenericDomainEventMessage<>("Contact", UUID.randomUUID().toString(), 3, "edited",
                                                            MetaData.with(MetaDataKeys.CASE_ID, caseId));
        var actionCancelled = new GenericDomainEventMessage<>("Action", UUID.randomUUID().toString(), 1, "cancelled",
                                                              MetaData.with(MetaDataKeys.CASE_ID, caseId));
        assertThat(policy.getSequenceIdentifierFor(contactEdited)).isEqualTo(caseId)
                .isEqualTo(policy.getSequenceIdentifierFor(actionCancelled));
        for (int count : new int[] {2, 3, 4, 8, 16}) {
            for (Segment segment : Segment.splitBalanced(Segment.ROOT_SEGMENT, count - 1)) {
                assertThat(segment.matches(policy.getSequenceIdentifierFor(contactEdited)))
                        .isEqualTo(segment.matches(policy.getSequenceIdentifierFor(actionCancelled)));
            }
        }
    }

    @Test
    void anEventWithoutItsCaseKeepsToItsRecordsOrder() {
        String contactId = UUID.randomUUID().toString();
        var older = new GenericDomainEventMessage<>("Contact", contactId, 0, "drafted before events named a case");
        assertThat(policy.getSequenceIdentifierFor(older)).isEqualTo(contactId);
        var read = GenericEventMessage.asEventMessage("a read of the audit trail");
        assertThat(policy.getSequenceIdentifierFor(read)).as("no record, so no order to keep").isNull();
    }
}
