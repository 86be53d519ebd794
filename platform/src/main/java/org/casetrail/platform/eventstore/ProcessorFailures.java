package org.casetrail.platform.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Batches a processor could not complete (a failure outside a handler, such as writing the batch, or in the audit
 * chain, which never parks): the processor stops and retries the batch, and until it has got past the failed
 * event, readiness is DOWN naming it, so a stuck processor is seen at once rather than after retries. A processor
 * split into segments fails in one of them, the one holding the event's case: the failure stands until that segment
 * has got past it here, or another node has claimed it (and records its own failure if it fails there too).
 */
@Component
public class ProcessorFailures {

    /** The first event of the batch that failed (the batch is named by it), where it stood, and why. */
    public record Failure(String eventType, String eventId, long position, Instant at, String cause) {
    }

    /** A failure and the segment it happened in (-1 where that was not known). */
    private record Failed(Failure failure, int segment) {
    }

    private final Map<String, Failed> failures = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ProcessorNodes nodes;

    ProcessorFailures(MeterRegistry meters, Clock clock, ObjectProvider<EventProcessingConfiguration> processing,
                      ProcessorNodes nodes) {
        this.meters = meters;
        this.clock = clock;
        this.processing = processing;
        this.nodes = nodes;
    }

    /** Records the failure, counts it, and hands it on so the processor stops and retries. */
    void failed(ErrorContext context) throws Exception {
        EventMessage<?> first = context.failedEvents().isEmpty() ? null : context.failedEvents().get(0);
        long position = first instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1L) : -1L;
        failures.put(context.eventProcessor(), new Failed(new Failure(
                first == null ? null : first.getPayloadType().getSimpleName(),
                first == null ? null : first.getIdentifier(), position, clock.instant(),
                context.error().getClass().getSimpleName() + ": " + context.error().getMessage()),
                segmentOf(context.eventProcessor(), first)));
        Counter.builder("casetrail.projection.failures").description("Batches a processor could not complete")
               .tag("processor", context.eventProcessor()).register(meters).increment();
        throw context.error() instanceof Exception e ? e : new IllegalStateException(context.error());
    }

    /**
     * The segment of this node's processor that holds the event, by the processor's own sequencing policy (as
     * Axon's handler invoker matches it: the message's id where the policy names no sequence), while it is still
     * claimed here.
     */
    private int segmentOf(String processorName, EventMessage<?> event) {
        if (event == null) {
            return -1;
        }
        EventProcessingConfiguration configuration = processing.getObject();
        Object sequence = configuration.sequencingPolicy(processorName).getSequenceIdentifierFor(event);
        int hash = Objects.hashCode(sequence != null ? sequence : event.getIdentifier());
        return configuration.eventProcessor(processorName, StreamingEventProcessor.class)
                         .flatMap(processor -> processor.processingStatus().values().stream()
                                                        .filter(status -> status.getSegment().matches(hash))
                                                        .map(status -> status.getSegment().getSegmentId())
                                                        .findFirst())
                         .orElse(-1);
    }

    /**
     * The processor's failure, until the segment it failed in has handled the event that failed, here, or is
     * claimed by another node. {@code segments} are this node's, with their positions.
     */
    public Optional<Failure> unresolved(String processor, Map<Integer, EventTrackerStatus> segments) {
        Failed failed = failures.get(processor);
        if (failed == null) {
            return Optional.empty();
        }
        Failure failure = failed.failure();
        boolean resolved;
        if (failure.position() < 0) {
            resolved = false;
        } else if (failed.segment() < 0) {
            resolved = !segments.isEmpty() && segments.values().stream()
                    .allMatch(status -> status.getCurrentPosition().orElse(-1L) >= failure.position());
        } else if (segments.containsKey(failed.segment())) {
            resolved = segments.get(failed.segment()).getCurrentPosition().orElse(-1L) >= failure.position();
        } else {
            resolved = claimedElsewhere(processor, failed.segment());
        }
        if (resolved) {
            failures.remove(processor, failed);
            return Optional.empty();
        }
        return Optional.of(failure);
    }

    /** Whether another node holds the segment's claim. */
    private boolean claimedElsewhere(String processor, int segment) {
        try {
            return nodes.holder(processor, segment).filter(holder -> !holder.equals(nodes.node())).isPresent();
        } catch (DataAccessException unreachable) {
            return false;
        }
    }
}
