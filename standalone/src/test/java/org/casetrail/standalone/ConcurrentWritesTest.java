package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.casetrail.command.domain.CommandTargets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Concurrent writers to one aggregate, with and without Idempotency-Key: each request stores its command once or is
 * refused with 409 (to be retried), never a 500; copies of one key store once and the rest replay it.
 */
class ConcurrentWritesTest extends HttpTestSupport {

    private static final int WRITERS = 4;
    private static final int EACH = 10;

    @Autowired
    private Configuration axon;

    /** Each aggregate's command handler takes the resolver Axon's configuration gives: the cached one. */
    @Test
    void aggregatesFindTheirTargetWithTheCachedResolver() {
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(CommandTargets.class);
    }

    @Test
    void concurrentPlansWithDistinctKeysAreStoredOrRefusedWith409() throws Exception {
        String caseId = openCase();
        Map<Integer, Integer> statuses = run(WRITERS * EACH, i -> alex().header("Idempotency-Key", "plan-" + i + "-"
                + UUID.randomUUID()).post("/api/cases/" + caseId + "/plans", plan(i)).status());
        assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(201, 409);
        long stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                          Long.class, caseId) - 1;
        assertThat(stored).isEqualTo((long) statuses.getOrDefault(201, 0));
    }

    @Test
    void copiesOfOneKeyStoreOnceAndReplay() throws Exception {
        String caseId = openCase();
        String key = "same-" + UUID.randomUUID();
        List<String> replayed = new ArrayList<>();
        Map<Integer, Integer> statuses = run(20, i -> {
            var response = alex().header("Idempotency-Key", key).post("/api/cases/" + caseId + "/plans", plan(0));
            if ("true".equals(response.header("Idempotent-Replayed"))) {
                synchronized (replayed) {
                    replayed.add(response.text("planId"));
                }
            }
            return response.status();
        });
        assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(201, 409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                       Long.class, caseId)).as("opened, and one plan").isEqualTo(2);
        assertThat(replayed).hasSize(statuses.getOrDefault(201, 0) - 1).allMatch(replayed.get(0)::equals);
    }

    @Test
    void concurrentPlansWithoutKeysAreStoredOrRefusedWith409() throws Exception {
        String caseId = openCase();
        Map<Integer, Integer> statuses = run(WRITERS * EACH,
                i -> alex().post("/api/cases/" + caseId + "/plans", plan(i)).status());
        assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(201, 409);
    }

    private static String plan(int i) {
        return "{\"kind\": \"CARE_PLAN\", \"title\": \"Plan " + i + "\", \"date\": \"2026-11-20\"}";
    }

    /** Runs {@code count} requests on {@link #WRITERS} threads; answers how many got each status. */
    private static Map<Integer, Integer> run(int count, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                answers.add(pool.submit((Callable<Integer>) () -> request.send(n)));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Request {
        int send(int i) throws Exception;
    }
}
