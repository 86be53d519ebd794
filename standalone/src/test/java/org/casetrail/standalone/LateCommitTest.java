package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.casetrail.events.caserecord.CaseOpenedEvent;
import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.caserecord.ServiceUser;
import org.casetrail.query.projection.Processors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No event is ever skipped by a projection (AxonFramework #4829). An event takes its position when inserted but
 * becomes visible only at commit; a projection that has moved past it waits for it only for the gap timeout.
 * With test-sized limits (transactions 2 s, gap timeout 5 s) this holds a writing transaction open almost to the
 * limit while other events commit, and shows that one held past the limit is rolled back, never committed late.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "casetrail.db.transaction-limit=2s",
        "casetrail.db.statement-timeout=1s",
        "casetrail.events.gap-timeout=5s"})
class LateCommitTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration configuration;

    /**
     * The worst case: the projection is behind, and only reads the later events when the held transaction is
     * close to its limit. It must remember the hole they leave and fill it when the held event commits. (With a
     * gap timeout shorter than that lag, this test fails: the held event is skipped for good.)
     */
    @Test
    void anEventCommittedJustInsideTheLimitReachesEveryProjection() throws Exception {
        var projection = configuration.eventProcessor(Processors.PROJECTIONS, StreamingEventProcessor.class)
                                      .orElseThrow();
        String heldCase = UUID.randomUUID().toString();
        var inserted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        long holdMillis = LIMIT.toMillis() - 300;

        projection.shutDown();
        long insertedAt = System.nanoTime();
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            eventStore.publish(opened(heldCase));
            inserted.countDown();
            await(release, holdMillis);
        }));
        assertThat(inserted.await(5, TimeUnit.SECONDS)).isTrue();

        var alex = Api.at(port).as("alex");
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(alex.post("/api/cases", HttpTestSupport.JO.formatted("later-" + i)).text("caseId"));
        }
        sleepUntil(insertedAt + TimeUnit.MILLISECONDS.toNanos(holdMillis - 500));
        projection.start();
        for (String caseId : later) {
            assertThat(alex.get("/api/cases/" + caseId + "?minVersion=1").status())
                    .as("the projection moves past the uncommitted position").isEqualTo(200);
        }
        assertThat(projected(heldCase)).as("not visible before its commit").isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - insertedAt)).isLessThan(LIMIT);
        release.countDown();
        held.get(10, TimeUnit.SECONDS);

        assertThat(position(heldCase)).isLessThan(position(later.get(0)));
        var read = alex.get("/api/cases/" + heldCase + "?minVersion=1");
        assertThat(read.status()).as("the late event is projected, not skipped").isEqualTo(200);
        assertThat(read.json().path("openedBy").asText()).isEqualTo("late-writer");
    }

    @Test
    void aTransactionHeldPastTheLimitIsRolledBackWithAnErrorToItsCaller() {
        String caseId = UUID.randomUUID().toString();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            eventStore.publish(opened(caseId));
            // Busy, not idle: the transaction keeps running statements until it is past its limit.
            long end = System.nanoTime() + LIMIT.plusMillis(500).toNanos();
            while (System.nanoTime() < end) {
                jdbc.queryForObject("SELECT pg_sleep(0.1) IS NULL", Boolean.class);
            }
        })).isInstanceOf(RuntimeException.class);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                       Long.class, caseId)).isZero();
        assertThat(Api.at(port).as("alex").get("/api/cases/" + caseId).status()).isEqualTo(404);
    }

    private static GenericDomainEventMessage<CaseOpenedEvent> opened(String caseId) {
        return new GenericDomainEventMessage<>("CaseRecord", caseId, 0,
                new CaseOpenedEvent(caseId, new ServiceUser("Late Entry", LocalDate.of(2012, 1, 1), null),
                                    PlanType.OTHER, "alex", null),
                MetaData.with("actor", "late-writer").and("actorRole", "PRACTITIONER"));
    }

    private long projected(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM projections.case_record WHERE case_id = ?::uuid",
                                   Long.class, caseId);
    }

    private Long position(String caseId) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                                   Long.class, caseId);
    }

    private static void await(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
