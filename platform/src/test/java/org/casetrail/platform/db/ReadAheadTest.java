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

/**
 * A projection's read-ahead for its batch, against PostgreSQL: one query for every row the batch's events name,
 * made once a batch, and planned for its ids each time it runs.
 */
class ReadAheadTest {

    record Named(String rowId) {
    }

    private static final String READ = "SELECT id, label FROM read_ahead_row WHERE id = ANY(?)";

    private static TestDatabase db;
    private static BatchedWrites writes;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.start("CREATE TABLE read_ahead_row (id UUID PRIMARY KEY, label TEXT NOT NULL)");
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
