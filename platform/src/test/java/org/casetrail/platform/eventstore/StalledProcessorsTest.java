package org.casetrail.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/** A processor left in error is restarted after a minute, once the database answers, and only then. */
class StalledProcessorsTest {

    private final List<String> calls = new ArrayList<>();
    private boolean inError = true;
    private boolean databaseUp = false;
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    private final StreamingEventProcessor processor = (StreamingEventProcessor) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {StreamingEventProcessor.class}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "getName" -> "contacts";
                        case "isRunning" -> true;
                        case "isError" -> inError;
                        case "processingStatus" -> Map.of();
                        case "shutDown", "start" -> {
                            calls.add(method.getName());
                            if (method.getName().equals("start")) {
                                inError = false;
                            }
                            yield null;
                        }
                        case "hashCode" -> 1;
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });

    private final EventProcessingConfiguration processing = (EventProcessingConfiguration) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {EventProcessingConfiguration.class}, (proxy, method, args) -> {
                if (method.getName().equals("eventProcessors")) {
                    return Map.<String, EventProcessor>of("contacts", processor);
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private final JdbcTemplate database = new JdbcTemplate() {
        @Override
        public <T> T queryForObject(String sql, Class<T> requiredType) {
            if (!databaseUp) {
                throw new DataAccessResourceFailureException("the database is away");
            }
            return requiredType.cast(1);
        }
    };

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final StalledProcessors stalled = new StalledProcessors(processing, database, clock);

    private void after(Duration elapsed) {
        now = now.plus(elapsed);
        stalled.restartStalled();
    }

    @Test
    void restartsAProcessorInErrorForAMinuteOnceTheDatabaseAnswers() {
        after(Duration.ZERO);
        after(Duration.ofSeconds(50));
        assertThat(calls).as("under a minute in error").isEmpty();
        after(Duration.ofSeconds(20));
        assertThat(calls).as("a minute in error, but the database is still away").isEmpty();

        databaseUp = true;
        after(Duration.ofSeconds(10));
        assertThat(calls).containsExactly("shutDown", "start");
        after(Duration.ofMinutes(5));
        assertThat(calls).as("running again: left alone").hasSize(2);
    }

    @Test
    void aProcessorThatRecoversOnItsOwnIsLeftAlone() {
        databaseUp = true;
        after(Duration.ZERO);
        after(Duration.ofSeconds(40));
        inError = false;
        after(Duration.ofSeconds(10));
        inError = true;
        after(Duration.ofSeconds(40));
        assertThat(calls).as("in error twice, each time under a minute").isEmpty();
        after(Duration.ofSeconds(60));
        assertThat(calls).containsExactly("shutDown", "start");
    }
}
