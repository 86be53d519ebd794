package org.casetrail.platform.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.casetrail.platform.eventstore.ParkedEvents;
import org.casetrail.platform.eventstore.ProcessorFailures;
import org.casetrail.platform.eventstore.ProcessorNodes;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Ready when every event processor is running, none is in error or stuck on a batch it could not complete, and
 * none has parked an event it could not handle (each is named in the details until it has been handled). A processor in error has stopped on an
 * event it could not handle and retries it; until it succeeds its projection does not move, which readiness must
 * show rather than hide. Each processor's claimed segments and position are in the details.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ParkedEvents parkedEvents;
    private final ProcessorFailures failures;
    private final ProcessorNodes nodes;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ParkedEvents parkedEvents,
                                   ProcessorFailures failures, ProcessorNodes nodes) {
        this.processing = processing;
        this.parkedEvents = parkedEvents;
        this.failures = failures;
        this.nodes = nodes;
    }

    /**
     * Whether an error of this node's processor matters: it holds one of the processor's segments, or one is held
     * by no node. Axon's processor reports the error of its last attempt (the database away) until it next handles
     * events, which a node holding none of the segments (another node has them all) never does.
     */
    private boolean answersFor(String processor) {
        try {
            return nodes.answersFor(processor);
        } catch (DataAccessException unreachable) {
            return true;
        }
    }

    /**
     * Whether this node holds the segment's claim. Axon keeps the status of a segment its processor gave up after
     * an error (an abort that raced a work package's own, after the database went away), marked in error, even
     * once another node has claimed the segment and is handling its events: such a segment is shown, released,
     * and does not make this node unready. Where the database cannot say, the error counts.
     */
    private boolean heldHere(String processor, int segment) {
        try {
            return nodes.holder(processor, segment).map(nodes.node()::equals).orElse(false);
        } catch (DataAccessException unreachable) {
            return true;
        }
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, ParkedEvents.Parked> parked = parkedEvents.parked();
        for (var processor : processing.eventProcessors().values()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("error", processor.isError());
            // The segments this node works on: a released one is another node's (or no node's) now, so a failure
            // recorded in it is judged by who holds it, not by the position this node gave it up at.
            Map<Integer, EventTrackerStatus> held = new LinkedHashMap<>();
            if (processor instanceof StreamingEventProcessor streaming) {
                for (var segment : streaming.processingStatus().entrySet()) {
                    var status = segment.getValue();
                    boolean released = status.isErrorState() && !heldHere(processor.getName(), segment.getKey());
                    detail.put("segment-" + segment.getKey(), Map.of("caughtUp", status.isCaughtUp(),
                            "position", status.getCurrentPosition().orElse(-1L), "error", status.isErrorState(),
                            "released", released));
                    up &= !status.isErrorState() || released;
                    if (!released) {
                        held.put(segment.getKey(), status);
                    }
                }
            }
            var failure = failures.unresolved(processor.getName(), held);
            if (failure.isPresent()) {
                detail.put("failed", failure.get());
                up = false;
            }
            if (parked.containsKey(processor.getName())) {
                detail.put("parked", parked.get(processor.getName()));
                up = false;
            }
            if (processor.isError() && processor instanceof StreamingEventProcessor
                && !answersFor(processor.getName())) {
                detail.put("error", false);
                detail.put("lastError", "past: every segment is another node's");
            } else {
                up &= !processor.isError();
            }
            up &= processor.isRunning();
            details.put(processor.getName(), detail);
        }
        builder.status(up ? org.springframework.boot.actuate.health.Status.UP
                          : org.springframework.boot.actuate.health.Status.DOWN)
               .withDetails(details);
    }
}
