package org.casetrail.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes queued for rows ({@link BatchedWrites#addFor}) leave the table as the same statements run one at a time
 * would, whatever mix of inserts and differently worded updates a batch holds for each row.
 */
class BatchedRowWritesTest {

    private static final String INSERT =
            "INSERT INTO item (id, a, b, version) VALUES (?, 0, 0, ?) ON CONFLICT DO NOTHING";
    private static final String SET_A = "UPDATE item SET a = ?, version = ? WHERE id = ? AND version < ?";
    private static final String SET_B = "UPDATE item SET b = ?, version = ? WHERE id = ? AND version < ?";
    private static final String ADD_A = "UPDATE item SET a = a + ?, version = ? WHERE id = ? AND version < ?";

    static TestDatabase database;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.start("CREATE TABLE item (id int PRIMARY KEY, a int, b int, version int)");
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    private record Write(int row, String sql, Object[] args) {
    }

    @Test
    void aBatchLeavesEachRowAsStatementsOneAtATimeWould() {
        Random random = new Random(20261202);
        BatchedWrites writes = new BatchedWrites(database.jdbc());
        for (int trial = 0; trial < 40; trial++) {
            List<Write> queued = history(random, 1 + random.nextInt(6), 1 + random.nextInt(40));

            database.jdbc().execute("TRUNCATE item");
            queued.forEach(write -> database.jdbc().update(write.sql(), write.args()));
            List<Map<String, Object>> oneAtATime = database.jdbc().queryForList("SELECT * FROM item ORDER BY id");

            database.jdbc().execute("TRUNCATE item");
            var batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("batch")));
            batch.start();
            queued.forEach(write -> writes.addFor(List.of("item", write.row()), write.sql(), write.args()));
            assertThat(database.jdbc().queryForObject("SELECT count(*) FROM item", Integer.class))
                    .as("nothing is written before the batch commits").isZero();
            batch.commit();

            assertThat(database.jdbc().queryForList("SELECT * FROM item ORDER BY id")).as("trial " + trial)
                                                                                      .isEqualTo(oneAtATime);
        }
    }

    @Test
    void aRowsLaterWritesRunInLaterRoundsAfterEveryFirstWrite() {
        BatchedWrites writes = new BatchedWrites(database.jdbc());
        database.jdbc().execute("TRUNCATE item");
        var batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("batch")));
        batch.start();
        // An update worded as one queued first for another row must still follow this row's insert.
        writes.addFor(List.of("item", 1), INSERT, 1, 1);
        writes.addFor(List.of("item", 1), SET_B, 7, 2, 1, 2);
        writes.addFor(List.of("item", 2), INSERT, 2, 1);
        writes.addFor(List.of("item", 2), SET_A, 5, 2, 2, 2);
        writes.addFor(List.of("item", 2), SET_B, 6, 3, 2, 3);
        writes.addFor(List.of("item", 1), SET_A, 4, 3, 1, 3);
        batch.commit();
        assertThat(database.jdbc().queryForList("SELECT id, a, b, version FROM item ORDER BY id")).containsExactly(
                Map.of("id", 1, "a", 4, "b", 7, "version", 3), Map.of("id", 2, "a", 5, "b", 6, "version", 3));
    }

    /** Random versioned writes to a few rows, as the events of one batch would make them, each row's in order. */
    private static List<Write> history(Random random, int rows, int count) {
        int[] versions = new int[rows];
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int row = random.nextInt(rows);
            int version = ++versions[row];
            // Now and then an event is handled twice: its version again.
            if (version > 1 && random.nextInt(8) == 0) {
                version--;
                versions[row]--;
            }
            String sql = switch (version == 1 ? 0 : 1 + random.nextInt(3)) {
                case 0 -> INSERT;
                case 1 -> SET_A;
                case 2 -> SET_B;
                default -> ADD_A;
            };
            Object[] args = sql.equals(INSERT) ? new Object[] {row, version}
                    : new Object[] {random.nextInt(100), version, row, version};
            writes.add(new Write(row, sql, args));
        }
        return writes;
    }
}
