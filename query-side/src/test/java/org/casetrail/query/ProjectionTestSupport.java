package org.casetrail.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Projection tests on the query side alone: events go into the event store of an embedded PostgreSQL, as the
 * command side would store them, and rows come back through the features' typed queries. One Spring context
 * serves every such test.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ProjectionTestSupport {

    static final MetaData ALEX = MetaData.with("actor", "alex").and("actorRole", "PRACTITIONER");
    static final MetaData MORGAN = MetaData.with("actor", "morgan").and("actorRole", "MANAGER");

    @Autowired
    EventStore events;

    void store(String type, String id, long sequence, Object event) {
        store(type, id, sequence, event, ALEX);
    }

    void store(String type, String id, long sequence, Object event, MetaData who) {
        events.publish(new GenericDomainEventMessage<>(type, id, sequence, event, who));
    }

    /** What {@code read} finds once the projections have caught up (within ten seconds). */
    static <T> T waitFor(Supplier<Optional<T>> read) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Optional<T> found = read.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            pause(20);
            found = read.get();
        }
        assertThat(found).as("the projection catches up").isPresent();
        return found.get();
    }

    /** An instant strictly after every event stored so far and before any stored later. */
    static Instant between() {
        pause(5);
        Instant now = Instant.now();
        pause(5);
        return now;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
