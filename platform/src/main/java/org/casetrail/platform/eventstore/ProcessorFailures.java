package org.casetrail.platform.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Batches a processor could not complete (a failure outside a handler, such as writing the batch, or in the audit
 * chain, which never parks): the processor stops and retries the batch, and until it has got past the failed
 * event, readiness is DOWN naming it, so a stuck processor is seen at once rather than after retries.
 */
@Component
public class ProcessorFailures {

    /** The first event of the batch that failed (the batch is named by it), where it stood, and why. */
    public record Failure(String eventType, String eventId, long position, Instant at, String cause) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;

    ProcessorFailures(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /** Records the failure, counts it, and hands it on so the processor stops and retries. */
    void failed(ErrorContext context) throws Exception {
        EventMessage<?> first = context.failedEvents().isEmpty() ? null : context.failedEvents().get(0);
        long position = first instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1L) : -1L;
        failures.put(context.eventProcessor(), new Failure(
                first == null ? null : first.getPayloadType().getSimpleName(),
                first == null ? null : first.getIdentifier(), position, clock.instant(),
                context.error().getClass().getSimpleName() + ": " + context.error().getMessage()));
        Counter.builder("casetrail.projection.failures").description("Batches a processor could not complete")
               .tag("processor", context.eventProcessor()).register(meters).increment();
        throw context.error() instanceof Exception e ? e : new IllegalStateException(context.error());
    }

    /** The processor's failure, until it has handled the event that failed (its position reached it). */
    public Optional<Failure> unresolved(String processor, long position) {
        Failure failure = failures.get(processor);
        if (failure != null && failure.position() >= 0 && position >= failure.position()) {
            failures.remove(processor, failure);
            return Optional.empty();
        }
        return Optional.ofNullable(failure);
    }
}
