package org.casetrail.query.projection;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a projection from the events: stops its processor, resets its token (which runs the projection's
 * reset handler, emptying its tables), starts it again and follows it to the head of the event store, logging
 * its progress as it goes.
 */
@Component
public class ProjectionRebuild {

    /** The audit chain's processor: the chain records the order events were taken in and is never rebuilt. */
    public static final String AUDIT_CHAIN = "audit-chain";

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProjectionRebuild(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** The outcome of a rebuild: how many positions it covered and how long it took. */
    public record Result(String processor, long head, Duration took) {
    }

    public Result rebuild(String processorName, Duration timeout) throws TimeoutException, InterruptedException {
        if (AUDIT_CHAIN.equals(processorName)) {
            throw new IllegalArgumentException("The audit chain is not a projection and is never rebuilt");
        }
        StreamingEventProcessor processor = processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming processor " + processorName));
        long started = System.nanoTime();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        long head = position(eventStore.createHeadToken());
        log.info("Rebuilding {} up to position {}", processorName, head);
        awaitPosition(processor, head, timeout);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Rebuilt {} to position {} in {} ms", processorName, head, took.toMillis());
        return new Result(processorName, head, took);
    }

    /** Waits until every segment of the processor has handled the event at {@code head}. */
    public void awaitPosition(StreamingEventProcessor processor, long head, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (true) {
            long reached = reached(processor);
            if (reached >= head) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(processor.getName() + " reached " + reached + " of " + head);
            }
            if (System.nanoTime() > nextReport) {
                log.info("{}: {} of {} ({}%)", processor.getName(), reached, head,
                         head == 0 ? 100 : reached * 100 / head);
                nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            Thread.sleep(20);
        }
    }

    private static long reached(StreamingEventProcessor processor) {
        var statuses = processor.processingStatus().values();
        if (statuses.isEmpty() || processor.isError()) {
            return -1;
        }
        return statuses.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1L)).min().orElse(-1);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1L);
    }

    /** The position of the newest event in the store, -1 when it is empty. */
    public long head() {
        return position(eventStore.createHeadToken());
    }
}
