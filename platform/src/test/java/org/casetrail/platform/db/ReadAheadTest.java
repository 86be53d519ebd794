package org.casetrail.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A projection's read-ahead for its batch, against PostgreSQL: one query for every row the batch's events name,
 * made once a batch, and planned for its ids each time it runs.
 */
class ReadAheadTest {

    record Named(String rowId) {
    }

    record Owned(String ownerId) {
    }

    private static final String READ = "SELECT id, label FROM read_ahead_row WHERE id = ANY(?)";

    private static TestDatabase db;
    private static BatchedWrites writes;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.start("CREATE TABLE read_ahead_row (id UUID PRIMARY KEY, label TEXT NOT NULL)",
                                // Never analyzed, as a table being built has no statistics yet.
                                "CREATE TABLE held_row (id UUID PRIMARY KEY, owner_id UUID NOT NULL)"
                                + " WITH (autovacuum_enabled = false)",
                                "CREATE INDEX held_row_owner ON held_row (owner_id)");
        // One connection, so that what the driver left prepared on it can be seen from it.
        db.dataSource().setMaximumPoolSize(1);
        writes = new BatchedWrites(db.jdbc());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void readsEveryRowTheBatchNamesInOneQueryOnceABatch() {
        UUID stored = UUID.randomUUID();
        UUID missing = UUID.randomUUID();
        db.jdbc().update("INSERT INTO read_ahead_row VALUES (?, 'stored')", stored);
        List<EventMessage<?>> events = new ArrayList<>();
        for (String id : List.of(stored.toString(), "not an id", missing.toString(), stored.toString())) {
            events.add(GenericEventMessage.asEventMessage(new Named(id)));
        }
        var batch = new BatchingUnitOfWork<>(events);
        batch.start();
        try {
            Map<Object, String> read = readAhead();
            assertThat(read).containsEntry(stored, "stored").containsEntry(missing, "(none)")
                            .hasSize(3); // the two ids and the batch's mark that it has read ahead
            db.jdbc().update("UPDATE read_ahead_row SET label = 'changed'");
            read.put(missing, "written by the batch");
            assertThat(readAhead()).as("read once a batch, then kept up to date by the projection").isSameAs(read)
                                   .containsEntry(stored, "stored").containsEntry(missing, "written by the batch");
        } finally {
            batch.rollback();
        }
        assertThat(readAhead()).as("nothing to read ahead outside a batch").isEmpty();
    }

    /**
     * The driver has PostgreSQL keep a statement, and soon one plan for it, once it has run a few times on a
     * connection: planned while a rebuilt table is nearly empty, that plan scans the whole table ever after. The
     * read-ahead's statement is never kept, so it is planned for the table as it is; the same statement sent as
     * usual is kept (the control: this test can tell the two apart).
     */
    @Test
    void theReadAheadIsPlannedEachTimeItRuns() {
        UUID[] ids = {UUID.randomUUID(), UUID.randomUUID()};
        for (int i = 0; i < 20; i++) {
            writes.query(READ, row -> {
            }, (Object) ids);
        }
        assertThat(kept("read_ahead_row")).as("plans kept for the read-ahead").isEmpty();

        String usual = READ.replace("label", "label AS usual");
        for (int i = 0; i < 20; i++) {
            db.jdbc().query(usual, row -> {
            }, (Object) ids);
        }
        assertThat(kept("usual")).as("the same statement sent as usual").hasSize(1);
    }

    /**
     * A read-ahead by a key that is not unique, on a table with no statistics yet (as in a rebuild): PostgreSQL
     * would scan the whole table for a batch's hundred and fifty keys (the control, the same statement sent as any
     * other query in the same transaction); the read-ahead reads by the index, and leaves the setting as it was.
     */
    @Test
    void aReadAheadReadsByTheIndexOnATableWithoutStatistics() {
        db.jdbc().update("INSERT INTO held_row SELECT gen_random_uuid(), ('00000000-0000-0000-0000-' || lpad(to_hex(g % 20000), 12, '0'))::uuid"
                         + " FROM generate_series(1, 200000) g");
        List<EventMessage<?>> events = new ArrayList<>();
        List<UUID> owners = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            UUID owner = UUID.fromString("00000000-0000-0000-0000-" + String.format("%012x", i * 97));
            owners.add(owner);
            events.add(GenericEventMessage.asEventMessage(new Owned(owner.toString())));
        }
        String explain = "EXPLAIN SELECT id, owner_id FROM held_row WHERE owner_id = ANY(?)";
        // Wanted in order: found first, sorted after, or PostgreSQL reads the whole index in order instead.
        String ordered = "EXPLAIN SELECT id, owner_id FROM (SELECT id, owner_id FROM held_row WHERE owner_id = ANY(?)"
                         + " OFFSET 0) held ORDER BY owner_id, id";
        List<String> readAhead = new ArrayList<>();
        List<String> orderedReadAhead = new ArrayList<>();
        List<String> asUsual = new ArrayList<>();
        new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())).executeWithoutResult(status -> {
            var batch = new BatchingUnitOfWork<>(events);
            batch.start();
            try {
                writes.readAhead("held", "ownerId", UUID::fromString, () -> "", explain,
                                 (read, row) -> readAhead.add(row.getString(1)));
                writes.readAhead("held in order", "ownerId", UUID::fromString, () -> "", ordered,
                                 (read, row) -> orderedReadAhead.add(row.getString(1)));
                assertThat(db.jdbc().queryForObject("SHOW enable_seqscan", String.class)).isEqualTo("on");
                writes.query(explain, row -> {
                    asUsual.add(row.getString(1));
                }, (Object) owners.toArray(UUID[]::new));
            } finally {
                batch.rollback();
            }
        });
        assertThat(String.join("\n", asUsual)).as("the control").contains("Seq Scan on held_row");
        for (List<String> plan : List.of(readAhead, orderedReadAhead)) {
            assertThat(String.join("\n", plan)).contains("Index Cond: (owner_id = ANY").doesNotContain("Seq Scan");
        }
    }

    private static Map<Object, String> readAhead() {
        return writes.readAhead("rows", "rowId", ReadAheadTest::idOrNull, () -> "(none)", READ,
                                (read, row) -> read.put(row.getObject(1, UUID.class), row.getString(2)));
    }

    private static Object idOrNull(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The statements kept prepared on the connection whose text holds {@code text}. */
    private static List<String> kept(String text) {
        return db.jdbc().queryForList("SELECT statement FROM pg_prepared_statements WHERE statement LIKE ? "
                                      + "AND statement NOT LIKE '%pg_prepared_statements%'", String.class,
                                      "%" + text + "%");
    }
}
