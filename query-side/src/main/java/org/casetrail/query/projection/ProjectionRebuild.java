package org.casetrail.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetrail.platform.eventstore.ParkedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds projections from the events: stops their processors, resets their tokens (which runs each projection's
 * reset handler, emptying its tables), starts them again and follows them to the head of the event store, logging
 * progress as it goes. Several projections are rebuilt side by side, each by its own processor. One rebuild runs at
 * a time; {@link #start} runs it in the background and {@link #status} reports how far it has got. It runs on this
 * node only, so it first claims every segment of the projections it rebuilds: where another node holds one, it
 * fails naming it, before anything was reset, and the projections go on as they were.
 */
@Component
public class ProjectionRebuild {


    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration REBUILD_LIMIT = Duration.ofHours(6);

    private final EventProcessingConfiguration processing;
    private final ParkedEvents parked;
    private final EventStore eventStore;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private Status current;

    ProjectionRebuild(EventProcessingConfiguration processing, EventStore eventStore, Clock clock, JdbcTemplate jdbc,
                      ParkedEvents parked, TokenStore tokens, TransactionManager transactions) {
        this.processing = processing;
        this.tokens = tokens;
        this.transactions = transactions;
        this.parked = parked;
        this.eventStore = eventStore;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * A rebuild as it stands: what it covers, who asked, up to which position, how far each processor has got and,
     * once done, how long it took (or why it failed).
     */
    public record Status(List<String> processors, String requestedBy, Instant startedAt, long head,
                         Map<String, Long> positions, boolean finished, Duration took, String failure) {

        public long eventsPerSecond() {
            return took == null || took.isZero() ? 0 : Math.round((head + 1) * 1000.0 / took.toMillis());
        }

        Status upTo(long head) {
            return new Status(processors, requestedBy, startedAt, head, positions, false, null, null);
        }

        Status at(Map<String, Long> positions) {
            return new Status(processors, requestedBy, startedAt, head, positions, finished, took, failure);
        }

        Status finishedIn(Duration took, Map<String, Long> positions) {
            return new Status(processors, requestedBy, startedAt, head, positions, true, took, null);
        }

        Status failedWith(String failure) {
            return new Status(processors, requestedBy, startedAt, head, Map.of(), true, null, failure);
        }
    }

    /** Every projection's processor: all streaming processors but the audit chain. */
    public List<String> projections() {
        return processors().stream().map(StreamingEventProcessor::getName).toList();
    }

    /**
     * Starts rebuilding the named projections (every one when {@code names} is empty) in the background, unless a
     * rebuild is already running, and returns the status of the one running.
     */
    public synchronized Status start(List<String> names, String requestedBy) {
        if (current != null && !current.finished()) {
            return status();
        }
        List<String> chosen = names.isEmpty() ? projections() : List.copyOf(names);
        List<StreamingEventProcessor> processors = chosen.stream().map(this::processor).toList();
        current = new Status(chosen, requestedBy, clock.instant(), -1, Map.of(), false, null, null);
        Thread worker = new Thread(() -> rebuild(processors), "projection-rebuild");
        worker.setDaemon(true);
        worker.start();
        return current;
    }

    /** The latest rebuild, with each processor's position now; null when none was asked for since start-up. */
    public synchronized Status status() {
        if (current == null || current.finished()) {
            return current;
        }
        return current.at(positions(current.processors().stream().map(this::processor).toList()));
    }

    /** Rebuilds the processors side by side, following them until every one has reached the head. */
    private void rebuild(List<StreamingEventProcessor> processors) {
        List<String> names = processors.stream().map(StreamingEventProcessor::getName).toList();
        try {
            long started = System.nanoTime();
            processors.forEach(StreamingEventProcessor::shutDown);
            try {
                claimEverySegment(processors);
            } catch (RuntimeException held) {
                processors.forEach(StreamingEventProcessor::start);
                throw held;
            }
            processors.forEach(StreamingEventProcessor::resetTokens);
            // Every event is handled again from the start, the parked ones with the rest.
            processors.forEach(processor -> parked.clear(processor.getName()));
            long head = head();
            update(status -> status.upTo(head));
            processors.forEach(StreamingEventProcessor::start);
            log.info("Rebuilding {} up to position {}", names, head);
            awaitPosition(processors, head, REBUILD_LIMIT);
            refreshStatistics();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Status done = update(status -> status.finishedIn(took, positions(processors)));
            log.info("Rebuilt {} to position {} in {} ms ({} events/s)", names, head, took.toMillis(),
                     done.eventsPerSecond());
        } catch (Exception | Error e) {
            log.error("Rebuilding {} failed", names, e);
            update(status -> status.failedWith(String.valueOf(e.getMessage())));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Claims every segment of the processors for this node, in one transaction: all, or (where another node holds
     * one) none, with Axon's refusal naming the holder.
     */
    private void claimEverySegment(List<StreamingEventProcessor> processors) {
        transactions.executeInTransaction(() -> {
            for (StreamingEventProcessor processor : processors) {
                for (int segment : tokens.fetchSegments(processor.getName())) {
                    tokens.fetchToken(processor.getName(), segment);
                }
            }
        });
    }

    private synchronized Status update(UnaryOperator<Status> change) {
        current = change.apply(current);
        return current;
    }

    private static Map<String, Long> positions(List<StreamingEventProcessor> processors) {
        Map<String, Long> positions = new LinkedHashMap<>();
        processors.forEach(processor -> positions.put(processor.getName(), reached(processor)));
        return positions;
    }

    /** Waits until every segment of the processor has handled the event at {@code head}. */
    public void awaitPosition(StreamingEventProcessor processor, long head, Duration timeout)
            throws TimeoutException, InterruptedException {
        awaitPosition(List.of(processor), head, timeout);
    }

    private void awaitPosition(List<StreamingEventProcessor> processors, long head, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (true) {
            long reached = processors.stream().mapToLong(ProjectionRebuild::reached).min().orElse(head);
            if (reached >= head) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Reached " + reached + " of " + head + " in " + timeout);
            }
            if (System.nanoTime() > nextReport) {
                log.info("Rebuilding: slowest projection at {} of {} ({}%)", reached, head,
                         head <= 0 ? 100 : Math.max(0, reached) * 100 / head);
                nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            Thread.sleep(20);
        }
    }

    /**
     * Refreshes the planner's statistics on the refilled tables. Until autovacuum gets to them, PostgreSQL plans
     * reads of tables emptied and refilled by a rebuild as if they were still empty (seen: a first chronology page
     * sorted 5,000 rows instead of reading 50 from the index). A role that does not own the tables is skipped by
     * PostgreSQL with a warning; autovacuum then does it later.
     */
    private void refreshStatistics() {
        try {
            jdbc.execute("ANALYZE");
        } catch (RuntimeException e) {
            log.warn("Could not refresh table statistics after the rebuild: {}", e.getMessage());
        }
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                         .filter(StreamingEventProcessor.class::isInstance)
                         .map(StreamingEventProcessor.class::cast)
                         .filter(StreamingEventProcessor::supportsReset)
                         .toList();
    }

    private StreamingEventProcessor processor(String name) {
        if (processing.eventProcessor(name, StreamingEventProcessor.class)
                      .filter(processor -> !processor.supportsReset()).isPresent()) {
            // The audit chain: it records the order events were taken in and disallows replay.
            throw new IllegalArgumentException(name + " is not a projection and is never rebuilt");
        }
        return processors().stream().filter(processor -> processor.getName().equals(name)).findFirst()
                           .orElseThrow(() -> new IllegalArgumentException("No projection named " + name));
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
