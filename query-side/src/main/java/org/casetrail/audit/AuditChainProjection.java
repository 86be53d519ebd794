package org.casetrail.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.casetrail.audit.verify.StoredEvent;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.db.BatchedWrites;
import org.casetrail.platform.eventstore.ParkedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Links every stored event into the hash chain, in the order this single-segment processor takes them. It never
 * skips an event and never parks one: if it cannot link an event it throws, so the processor stops and retries it,
 * readiness shows the audit chain DOWN, {@code casetrail.audit.chain.failures} counts it and the log says why.
 * <p>
 * An event that turns up below the chain's head after the chain passed its place more than the gap timeout ago
 * (by the chain's own record of when it linked, never the event's time stamp, which whoever inserts a row
 * chooses) was not committed by the service: no transaction of the service lives that long. It is refused rather
 * than linked as if it belonged there.
 */
@Component
@ProcessingGroup(AuditChainProjection.GROUP)
@DisallowReplay
class AuditChainProjection {

    static final String GROUP = ParkedEvents.AUDIT_CHAIN;
    private static final Logger log = LoggerFactory.getLogger(AuditChainProjection.class);

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final Clock clock;
    private final Duration gapTimeout;
    private final Counter failures;
    private final int readAheadRows;

    /** The chain's head, remembered between events; forgotten whenever a batch rolls back. */
    private Head head;
    /** Why the chain is stopped, while it is; null while it links. */
    private volatile String failure;

    AuditChainProjection(JdbcTemplate jdbc, BatchedWrites writes, Clock clock, CasetrailProperties properties,
                         MeterRegistry meters) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.clock = clock;
        this.gapTimeout = properties.events().gapTimeout();
        this.readAheadRows = properties.events().batchSize();
        this.failures = Counter.builder("casetrail.audit.chain.failures")
                               .description("Events the audit chain could not link").register(meters);
    }

    private record Head(long position, long maxGlobalIndex, byte[] hash) {
    }

    @EventHandler
    void link(EventMessage<?> message) {
        CurrentUnitOfWork.ifStarted(uow -> uow.onRollback(u -> head = null));
        try {
            Head current = head != null ? head : loadHead();
            StoredEvent event = stored(message);
            if (event.globalIndex() <= current.maxGlobalIndex() && alreadyLinked(event)) {
                // A store loaded from an archive: the chain came with it, and this event is in it already.
                return;
            }
            if (event.globalIndex() < current.maxGlobalIndex() && !stampedNear(event)) {
                throw new IllegalStateException("Event at global index " + event.globalIndex()
                        + " appeared below the chain's head stamped " + event.timestamp()
                        + ", outside the gap timeout of now: it was not committed by the service");
            }
            if (event.globalIndex() < current.maxGlobalIndex()) {
                passedLongAgo(event.globalIndex(), current.maxGlobalIndex()).ifPresent(passed -> {
                    throw new IllegalStateException("Event at global index " + event.globalIndex()
                            + " appeared below the chain's head, which passed its place at " + passed
                            + ": it was not committed by the service");
                });
            }
            byte[] hash = event.chainHash(current.hash());
            long position = current.position() + 1;
            // Sent with the rest of the batch's links just before it commits; the head is kept here meanwhile.
            writes.add("INSERT INTO audit.chain (position, global_index, event_identifier, hash) VALUES (?, ?, ?, ?)",
                       position, event.globalIndex(), event.eventIdentifier(), hash);
            head = new Head(position, Math.max(current.maxGlobalIndex(), event.globalIndex()), hash);
            failure = null;
        } catch (RuntimeException e) {
            head = null;
            failure = "cannot link event " + message.getIdentifier() + ": " + e.getMessage();
            failures.increment();
            log.error("Audit chain stopped: cannot link event {}; it will be retried", message.getIdentifier(), e);
            throw e;
        }
    }

    /**
     * The event's row as stored. Rows are read ahead from the event's place in the table, as many as a batch
     * holds, with the chain's links at those places, and kept for the rest of the batch: a batch of events costs
     * two queries rather than one or two each (a store loaded from an archive, whose chain came with it, asks
     * whether each event is linked already). Only the batch keeps them, so what is hashed was read in the
     * transaction that links it.
     */
    private StoredEvent stored(EventMessage<?> message) {
        TrackingToken token = message instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : null;
        Map<Object, StoredEvent> rows = writes.pending("audit-chain-rows");
        StoredEvent event = rows.remove(message.getIdentifier());
        if (event == null && token != null && token.position().isPresent()) {
            List<StoredEvent> read = jdbc.query("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry"
                                                + " WHERE global_index >= ? ORDER BY global_index LIMIT ?",
                                                (rs, n) -> StoredEvent.read(rs), token.position().getAsLong(),
                                                readAheadRows);
            if (!read.isEmpty()) {
                // Every place from the first row read to the last is among them: their links are read together,
                // and a place read with no link is kept as such (null).
                Map<Object, String> links = writes.pending("audit-chain-links");
                read.forEach(row -> {
                    rows.put(row.eventIdentifier(), row);
                    links.put(row.globalIndex(), null);
                });
                jdbc.query("SELECT global_index, event_identifier FROM audit.chain WHERE global_index BETWEEN ? AND ?",
                           rs -> {
                               links.put(rs.getLong(1), rs.getString(2));
                           }, read.get(0).globalIndex(), read.get(read.size() - 1).globalIndex());
            }
            event = rows.remove(message.getIdentifier());
        }
        if (event == null) {
            List<StoredEvent> found = jdbc.query("SELECT " + StoredEvent.COLUMNS
                            + " FROM domain_event_entry WHERE event_identifier = ?",
                    (rs, n) -> StoredEvent.read(rs), message.getIdentifier());
            if (found.isEmpty()) {
                throw new IllegalStateException("Event " + message.getIdentifier() + " is not in the event table");
            }
            event = found.get(0);
        }
        return event;
    }

    /** Why the chain is stopped, or empty while it links. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Whether the chain holds this very event already (a store loaded from an archive brings its chain). One that
     * holds another event at its position is refused.
     */
    private boolean alreadyLinked(StoredEvent event) {
        // The links read ahead with the batch's rows; links made in this batch are not among them.
        Map<Object, String> links = writes.pending("audit-chain-links");
        String linked;
        if (links.containsKey(event.globalIndex())) {
            linked = links.get(event.globalIndex());
        } else {
            List<String> found = jdbc.queryForList("SELECT event_identifier FROM audit.chain WHERE global_index = ?",
                                                   String.class, event.globalIndex());
            linked = found.isEmpty() ? null : found.get(0);
        }
        if (linked == null) {
            return false;
        }
        if (!linked.equals(event.eventIdentifier())) {
            throw new IllegalStateException("The chain holds another event at global index " + event.globalIndex());
        }
        return true;
    }

    /** A late commit is stamped within the gap timeout of now; a back- or forward-dated insertion is not. */
    private boolean stampedNear(StoredEvent event) {
        try {
            Instant stamped = Instant.parse(event.timestamp());
            Instant now = clock.instant();
            return !stamped.isBefore(now.minus(gapTimeout)) && !stamped.isAfter(now.plus(gapTimeout));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * When the links above a place were first made, if longer ago than a number of seconds. The range is bounded
     * above by the highest place linked although nothing lies beyond it: with one bound only, PostgreSQL's plan
     * (generic once prepared, or judged on statistics a step behind a table that only grows) scanned the whole
     * chain, 18 ms a time and three quarters of a core under the benchmark's command load, where the index finds the
     * few links above the place in a tenth of a millisecond.
     */
    static final String PASSED_LONG_AGO = """
            SELECT min(linked_at) FROM audit.chain WHERE global_index > ? AND global_index <= ?
            HAVING min(linked_at) < now() - make_interval(secs => ?)""";

    /**
     * When the chain linked the first event above {@code globalIndex} (up to {@code headIndex}, the highest place it
     * has linked), if that was longer ago than the gap timeout. Links of the batch under way are not in the table
     * yet, so an event passed within this batch is never refused.
     */
    private Optional<Instant> passedLongAgo(long globalIndex, long headIndex) {
        // Both times by the database's clock, which stamped linked_at.
        return jdbc.query(PASSED_LONG_AGO, (rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant(),
                          globalIndex, headIndex, (double) gapTimeout.toMillis() / 1000).stream().findFirst();
    }

    private Head loadHead() {
        List<Head> heads = jdbc.query("""
                SELECT c.position, c.hash, (SELECT max(global_index) FROM audit.chain) AS max_index
                FROM audit.chain c ORDER BY c.position DESC LIMIT 1""",
                (rs, n) -> new Head(rs.getLong("position"), rs.getLong("max_index"), rs.getBytes("hash")));
        return heads.isEmpty() ? new Head(0, 0, StoredEvent.GENESIS) : heads.get(0);
    }
}
