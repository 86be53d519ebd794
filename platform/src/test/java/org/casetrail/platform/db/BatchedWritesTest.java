package org.casetrail.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;

/** What a projection reads ahead for its batch: the values its events name, whatever else the batch holds. */
class BatchedWritesTest {

    record Named(String contactId) {
    }

    record Other(String caseId) {
    }

    private final BatchedWrites writes = new BatchedWrites(null);

    @Test
    void theBatchsValuesAreThoseItsEventsNameOnceEachInOrder() {
        EventMessage<?> unreadable = new GenericEventMessage<>(new Named("c-9")) {
            @Override
            public Named getPayload() {
                throw new SerializationException("unreadable");
            }
        };
        var batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage(new Named("c-1")), unreadable,
                GenericEventMessage.asEventMessage(new Other("k-1")), GenericEventMessage.asEventMessage(new Named(null)),
                GenericEventMessage.asEventMessage(new Named("c-2")), GenericEventMessage.asEventMessage(new Named("c-1")),
                GenericEventMessage.asEventMessage("not a record")));
        batch.start();
        try {
            assertThat(writes.batchEvents()).hasSize(7);
            // The unreadable event fails in its own handler, where it is parked; it does not fail the others here.
            assertThat(writes.batchValues("contactId")).containsExactly("c-1", "c-2");
            assertThat(writes.batchValues("caseId")).containsExactly("k-1");
            assertThat(writes.batchValues("nothing")).isEmpty();
        } finally {
            batch.rollback();
        }
    }

    @Test
    void outsideABatchThereIsNothingToReadAhead() {
        assertThat(writes.batchEvents()).isEmpty();
        assertThat(writes.batchValues("contactId")).isEmpty();
    }
}
