package org.casetrail.platform.eventstore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Restarts a processor that has stayed in error for a minute while the database answers. After the database was
 * stopped and started under load, one processor of one node was seen never to leave the error state its
 * coordinator entered during the outage (no retry logged for minutes, the node's readiness DOWN for good), while
 * the same processor on the other node and every other processor recovered. Stopping and starting it releases and
 * reclaims its segments from their stored tokens, so nothing is skipped or handled twice that its own retry would
 * not have.
 */
@Component
class StalledProcessors {

    static final Duration STALLED_AFTER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(StalledProcessors.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Instant> inErrorSince = new ConcurrentHashMap<>();

    StalledProcessors(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
    void restartStalled() {
        Instant now = clock.instant();
        for (var processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.isRunning()) {
                inErrorSince.remove(processor.getName());
                continue;
            }
            boolean inError = streaming.isError()
                              || streaming.processingStatus().values().stream().anyMatch(s -> s.isErrorState());
            if (!inError) {
                inErrorSince.remove(processor.getName());
                continue;
            }
            Instant since = inErrorSince.computeIfAbsent(processor.getName(), name -> now);
            if (Duration.between(since, now).compareTo(STALLED_AFTER) >= 0 && databaseAnswers()) {
                log.warn("Processor {} has been in error since {} while the database answers: restarting it",
                         processor.getName(), since);
                streaming.shutDown();
                streaming.start();
                inErrorSince.remove(processor.getName());
            }
        }
    }

    private boolean databaseAnswers() {
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
