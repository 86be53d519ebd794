package org.casetrail.platform.db;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a projection makes while handling a batch of events, sent to PostgreSQL together just before the batch's
 * transaction commits, in one round trip per statement rather than one per row. A projection rebuilding from a
 * million events spends most of its time on round trips otherwise (measured: a socket write per statement was
 * two thirds of a projection thread's time).
 * <p>
 * Statements with the same SQL run as one JDBC batch; the batches run in the order their SQL was first queued. So
 * only queue writes that do not depend on each other within a batch of events (inserts of distinct rows, upserts
 * guarded by version), and keep what later events of the same batch must read in {@link #pending}. Outside a unit
 * of work (a test calling a handler directly), a write runs at once.
 */
@Component
public class BatchedWrites {

    private final JdbcTemplate jdbc;
    private final String key = "casetrail.batched-writes." + System.identityHashCode(this);

    BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a statement; it runs before the current batch commits. */
    public void add(String sql, Object... args) {
        Batch batch = batch();
        if (batch == null) {
            jdbc.update(sql, args);
            return;
        }
        batch.statements.computeIfAbsent(sql, s -> new LinkedHashMap<>()).put(new Object(), args);
    }

    /**
     * Queues a statement that changes {@code row} and must run after the statements queued earlier in this batch for
     * the same row: a row inserted by one event of the batch and updated by later ones, each update its own SQL. The
     * n-th statement queued for a row runs in the n-th round of the batch's writes; within a round, statements
     * with the same SQL still run as one JDBC batch, so a batch's writes take a round trip per distinct statement
     * per round (most rows are written once a batch) rather than one per event. {@code row} must be equal for
     * writes to the same row (say the table's name and the row's id).
     */
    public void addFor(Object row, String sql, Object... args) {
        Batch batch = batch();
        if (batch == null) {
            jdbc.update(sql, args);
            return;
        }
        int round = batch.rowWrites.merge(row, 1, Integer::sum) - 1;
        while (batch.rounds.size() <= round) {
            batch.rounds.add(new LinkedHashMap<>());
        }
        batch.rounds.get(round).computeIfAbsent(sql, s -> new LinkedHashMap<>()).put(new Object(), args);
    }

    /**
     * Queues a statement for a row, replacing one queued earlier in this batch for the same SQL and row: for
     * upserts where only the row's latest state need be written. {@code row} must be equal for equal keys as the
     * table compares them (a {@link java.util.UUID}, not its text): the driver sends a batch of inserts as multi-row
     * statements, and an {@code ON CONFLICT DO UPDATE} fails if it meets one row twice in a statement.
     */
    public void put(String sql, Object row, Object... args) {
        Batch batch = batch();
        if (batch == null) {
            jdbc.update(sql, args);
            return;
        }
        batch.statements.computeIfAbsent(sql, s -> new LinkedHashMap<>()).put(row, args);
    }

    /**
     * State written in the current batch and not yet stored, by name, for later events of the same batch to read
     * instead of the table. Empty (and forgotten) outside a unit of work.
     */
    public <T> Map<Object, T> pending(String name) {
        Batch batch = batch();
        return batch == null ? new HashMap<>() : batch.pending(name);
    }

    /**
     * The events of the batch being handled, for a projection to read what they will need in one query rather
     * than one per event (what later events of the batch write is in {@link #pending} meanwhile). Empty outside a
     * batch, as when a parked event is handled again on its own.
     */
    public List<EventMessage<?>> batchEvents() {
        List<EventMessage<?>> events = new ArrayList<>();
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
            for (Object message : batch.getMessages()) {
                if (message instanceof EventMessage<?> event) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    /**
     * The distinct values of the record component {@code component} (say {@code "contactId"}) over the payloads of
     * the batch's events whose type has one: what a projection reads ahead for the batch.
     */
    public Set<String> batchValues(String component) {
        Set<String> values = new LinkedHashSet<>();
        for (EventMessage<?> event : batchEvents()) {
            Method accessor = ACCESSORS.get(event.getPayloadType()).get(component);
            if (accessor != null) {
                try {
                    Object value = accessor.invoke(event.getPayload());
                    if (value != null) {
                        values.add(value.toString());
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // An event that cannot be read fails in its own handler, and is parked there; it must not fail
                    // the others of its batch here.
                }
            }
        }
        return values;
    }

    /** How {@link #readAhead} puts a row it found into its map. */
    @FunctionalInterface
    public interface Found<V> {

        void add(Map<Object, V> read, ResultSet row) throws SQLException;
    }

    /** Marks a batch's read-ahead as made. */
    private static final Object READ = new Object();

    /**
     * What the batch's events will need from a table, read in one query the first time the batch asks, rather than a
     * query per event. Every id the record component {@code component} of the batch's payloads names goes in the map
     * under {@code key}'s key for it (null leaves the id out: its own handler reads it, or fails on it), as
     * {@code absent()}; then {@code sql}, whose one parameter is those ids as a uuid[] (for {@code = ANY(?)}), is run
     * and {@code found} puts each row into the map. Later calls in the batch get the same map, under {@code name},
     * for the projection to keep up to date as it handles the batch's events. Outside a batch it is empty.
     */
    public <V> Map<Object, V> readAhead(String name, String component, Function<String, Object> key,
                                        Supplier<V> absent, String sql, Found<V> found) {
        Batch batch = batch();
        if (batch == null) {
            return new HashMap<>();
        }
        Map<Object, V> read = batch.pending(name);
        if (read.containsKey(READ)) {
            return read;
        }
        read.put(READ, null);
        List<UUID> ids = new ArrayList<>();
        for (String value : batchValues(component)) {
            Object id = key.apply(value);
            if (id != null && !read.containsKey(id)) {
                read.put(id, absent.get());
                ids.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
            }
        }
        if (!ids.isEmpty()) {
            queryByIndex(sql, row -> found.add(read, row), (Object) ids.toArray(UUID[]::new));
        }
        return read;
    }

    /**
     * {@link #query}, with PostgreSQL told to read by an index wherever the table has one that serves. A batch's
     * read-ahead looks up a few hundred keys in a table that may be being built: in a rebuild or a first build the
     * table has no statistics yet (or ones taken when it was small), and PostgreSQL then supposes each key matches
     * a two-hundredth of the table, so for a hundred keys or more it scans the whole table, which grows batch by
     * batch (measured: the follow-ups held with contacts, looked up by contact, 39-55 ms a batch and a fifth of a
     * 1,000,000-event rebuild, against under 2 ms by the index). Only this statement is steered: the setting is set
     * for it and put back after it, within the batch's transaction (outside one there is nothing to steer).
     */
    private void queryByIndex(String sql, RowCallbackHandler rows, Object... args) {
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        if (inTransaction) {
            jdbc.execute("SET LOCAL enable_seqscan = off");
        }
        query(sql, rows, args);
        if (inTransaction) {
            // Not in a finally: after a failed statement the transaction takes no more, and ends with the setting.
            jdbc.execute("SET LOCAL enable_seqscan TO DEFAULT");
        }
    }

    /**
     * Runs a query planned for the arguments it is given, each time it runs. The driver otherwise has PostgreSQL
     * keep one plan for a statement after a few runs, made from the table as it was then: during a rebuild the tables
     * grow from nothing, so a read-ahead's {@code = ANY(?)} kept the whole-table scan that suited the first few rows
     * and each batch's read-ahead took longer than the last (measured: 7 ms a batch on average, a quarter of
     * PostgreSQL's time in a 1,000,000-event rebuild). Planning afresh costs a fraction of a millisecond.
     */
    public void query(String sql, RowCallbackHandler rows, Object... args) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, rows);
    }

    /** A record type's component accessors by name (none for other types), found once per type. */
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    accessors.put(component.getName(), component.getAccessor());
                }
            }
            return accessors;
        }
    };

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            Batch batch = new Batch();
            root.onPrepareCommit(unitOfWork -> batch.flush(jdbc));
            return batch;
        });
    }

    private static final class Batch {

        /** The first round: every {@link #add} and {@link #put}, and each row's first {@link #addFor}. */
        final Map<String, Map<Object, Object[]>> statements = new LinkedHashMap<>();
        /** The later rounds of {@link #addFor}, in order. */
        final List<Map<String, Map<Object, Object[]>>> rounds = new ArrayList<>(List.of(statements));
        final Map<Object, Integer> rowWrites = new HashMap<>();
        final Map<String, Map<Object, ?>> pending = new HashMap<>();

        @SuppressWarnings("unchecked")
        <T> Map<Object, T> pending(String name) {
            return (Map<Object, T>) pending.computeIfAbsent(name, n -> new HashMap<>());
        }

        void flush(JdbcTemplate jdbc) {
            for (Map<String, Map<Object, Object[]>> round : rounds) {
                round.forEach((sql, rows) -> {
                    List<Object[]> args = new ArrayList<>(rows.values());
                    if (args.size() == 1) {
                        jdbc.update(sql, args.get(0));
                    } else {
                        jdbc.batchUpdate(sql, args);
                    }
                });
                round.clear();
            }
            rounds.subList(1, rounds.size()).clear();
            rowWrites.clear();
            pending.clear();
        }
    }
}
