package org.casetrail.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.casetrail.platform.eventstore.ParkedEvents;
import org.casetrail.platform.eventstore.ProcessorFailures;
import org.casetrail.platform.eventstore.ProcessorNodes;
import org.casetrail.platform.eventstore.RecordedFailures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Readiness after a batch failed in one of a processor's two segments on this node ("node-a"). The processor is
 * Axon's interface with the statuses it reports; the failures are the real {@link ProcessorFailures}; who holds a
 * segment is what {@code token_entry} would say.
 */
class EventProcessorsHealthIndicatorTest {

    private static final String PROCESSOR = "audit-log";
    private static final long FAILED_AT = 42;

    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final ProcessorNodes nodes = mock(ProcessorNodes.class);
    private final ParkedEvents parked = mock(ParkedEvents.class);
    private final Segment[] halves = Segment.ROOT_SEGMENT.split();
    private ProcessorFailures failures;
    private EventProcessorsHealthIndicator readiness;
    /** The half the failed event's sequence falls in, and the other. */
    private int failedIn;
    private int other;

    @BeforeEach
    void aBatchFailedInOneSegment() {
        when(processor.getName()).thenReturn(PROCESSOR);
        when(processor.isRunning()).thenReturn(true);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of(PROCESSOR, processor));
        when(processing.eventProcessor(eq(PROCESSOR), eq(StreamingEventProcessor.class)))
                .thenReturn(Optional.of(processor));
        when(processing.sequencingPolicy(PROCESSOR)).thenReturn(event -> "case-1");
        when(parked.parked()).thenReturn(Map.of());
        when(nodes.node()).thenReturn("node-a");
        when(nodes.answersFor(PROCESSOR)).thenReturn(true);
        when(nodes.holder(eq(PROCESSOR), anyInt())).thenReturn(Optional.of("node-a"));
        failedIn = halves[0].matches("case-1".hashCode()) ? 0 : 1;
        other = 1 - failedIn;

        segments(status(failedIn, 40, false), status(other, 40, false));
        failures = RecordedFailures.of(processing, nodes);
        readiness = new EventProcessorsHealthIndicator(processing, parked, failures, nodes);
        RecordedFailures.fail(failures, new ErrorContext(PROCESSOR, new IllegalStateException("token not stored"),
                List.of(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(FAILED_AT),
                                                         GenericEventMessage.asEventMessage("an event")))));
        assertThat(readiness.health().getStatus()).as("the failed batch is shown at once").isEqualTo(Status.DOWN);
    }

    @Test
    void aFailureInASegmentThisNodeGaveUpAndAnotherNodeHoldsNoLongerKeepsItUnready() {
        // Axon keeps the given-up segment's status, in error and behind the failed event, after it let it go.
        segments(status(failedIn, 40, true), status(other, 50, false));
        when(nodes.holder(PROCESSOR, failedIn)).thenReturn(Optional.of("node-b"));

        Health health = readiness.health();

        assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.UP);
        assertThat(detail(health)).doesNotContainKey("failed");
        assertThat(detail(health).get("segment-" + failedIn)).isEqualTo(
                Map.of("caughtUp", true, "position", 40L, "error", true, "released", true));
    }

    @Test
    void aFailureInASegmentNoNodeHoldsKeepsItUnready() {
        segments(status(failedIn, 40, true), status(other, 50, false));
        when(nodes.holder(PROCESSOR, failedIn)).thenReturn(Optional.empty());

        Health health = readiness.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(detail(health).get("failed")).isInstanceOf(ProcessorFailures.Failure.class)
                .extracting("position").isEqualTo(FAILED_AT);
    }

    @Test
    void aFailureInASegmentStillHeldHereStandsUntilItHasGotPastTheEvent() {
        segments(status(failedIn, 41, false), status(other, 50, false));
        assertThat(readiness.health().getStatus()).as("still behind the failed event").isEqualTo(Status.DOWN);

        segments(status(failedIn, FAILED_AT, false), status(other, 50, false));
        assertThat(readiness.health().getStatus()).as("past it").isEqualTo(Status.UP);
        assertThat(detail(readiness.health())).doesNotContainKey("failed");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Health health) {
        return (Map<String, Object>) health.getDetails().get(PROCESSOR);
    }

    private void segments(EventTrackerStatus... statuses) {
        Map<Integer, EventTrackerStatus> bySegment = new java.util.TreeMap<>();
        for (EventTrackerStatus status : statuses) {
            bySegment.put(status.getSegment().getSegmentId(), status);
        }
        when(processor.processingStatus()).thenReturn(bySegment);
    }

    private EventTrackerStatus status(int segment, long position, boolean error) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(halves[segment]);
        when(status.isErrorState()).thenReturn(error);
        when(status.isCaughtUp()).thenReturn(true);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }
}
