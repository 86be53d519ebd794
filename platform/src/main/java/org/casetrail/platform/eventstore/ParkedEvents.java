package org.casetrail.platform.eventstore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The events each projection parked because its handler could not handle them (see
 * {@link EventStoreConfiguration#processorDefaults}): how many, and the first, named, with why. Readiness is DOWN
 * while any is parked; an operator retries them after a fix; a projection rebuilt from the start drops its own.
 */
@Component
public class ParkedEvents {

    /** The audit chain's processing group: the chain records the order events were taken in, so it never parks. */
    public static final String AUDIT_CHAIN = "audit-chain";

    /** The audit log's processing group: who did what, and who read what, in the order it was stored. */
    public static final String AUDIT_LOG = "audit-log";

    /**
     * Processing groups never split into segments, whatever {@code casetrail.events.segments} says: the audit
     * chain links every event in one order, and the audit log files each read under the case of the record read,
     * which an earlier event of any record may have told it.
     */
    public static final Set<String> ONE_SEGMENT = Set.of(AUDIT_CHAIN, AUDIT_LOG);

    /** Processing groups that stop on a failing event (and retry it) rather than park it. */
    public static final Set<String> NEVER_PARKED = Set.of(AUDIT_CHAIN);

    /** The first event a projection parked, and how many events wait behind the failures. */
    public record Parked(long events, String eventType, String eventId, String recordId, Instant parkedAt,
                         String cause) {
    }

    private final EventProcessingConfiguration processing;
    private final MeterRegistry meters;

    ParkedEvents(EventProcessingConfiguration processing, MeterRegistry meters) {
        this.processing = processing;
        this.meters = meters;
    }

    /** One gauge per projection; Axon's processors exist once the application has started. */
    @EventListener(ApplicationStartedEvent.class)
    void registerGauges() {
        processing.eventProcessors().keySet().forEach(group -> queue(group).ifPresent(queue ->
                Gauge.builder("casetrail.projection.parked.events", queue, q -> q.size())
                     .description("Events a projection parked because it could not handle them")
                     .tag("processor", group).register(meters)));
    }

    /** Each projection with parked events, and the first of them. */
    public Map<String, Parked> parked() {
        Map<String, Parked> parked = new LinkedHashMap<>();
        for (String group : processing.eventProcessors().keySet()) {
            queue(group).filter(queue -> queue.size() > 0).ifPresent(queue -> parked.put(group, first(queue)));
        }
        return parked;
    }

    /** Handles every parked event again; answers how many are still parked afterwards. */
    public long retry() {
        for (String group : processing.eventProcessors().keySet()) {
            processing.sequencedDeadLetterProcessor(group).ifPresent(processor -> {
                long left = queue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
                // Each round takes one sequence; stop once a round handles nothing more.
                while (left > 0 && processor.processAny()) {
                    long now = queue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
                    if (now >= left) {
                        break;
                    }
                    left = now;
                }
            });
        }
        return parked().values().stream().mapToLong(Parked::events).sum();
    }

    /** Drops a projection's parked events: it is about to handle every event again from the start. */
    public void clear(String group) {
        queue(group).ifPresent(SequencedDeadLetterQueue::clear);
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return processing.deadLetterQueue(group);
    }

    private static Parked first(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        DeadLetter<? extends EventMessage<?>> letter = queue.deadLetters().iterator().next().iterator().next();
        EventMessage<?> message = letter.message();
        return new Parked(queue.size(), message.getPayloadType().getSimpleName(), message.getIdentifier(),
                          message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
                          letter.enqueuedAt(), letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null));
    }
}
