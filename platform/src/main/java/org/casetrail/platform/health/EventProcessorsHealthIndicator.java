package org.casetrail.platform.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.casetrail.platform.eventstore.ParkedEvents;
import org.casetrail.platform.eventstore.ProcessorFailures;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
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

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ParkedEvents parkedEvents,
                                   ProcessorFailures failures) {
        this.processing = processing;
        this.parkedEvents = parkedEvents;
        this.failures = failures;
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
            long position = -1;
            if (processor instanceof StreamingEventProcessor streaming) {
                for (var segment : streaming.processingStatus().entrySet()) {
                    var status = segment.getValue();
                    detail.put("segment-" + segment.getKey(), Map.of("caughtUp", status.isCaughtUp(),
                            "position", status.getCurrentPosition().orElse(-1L), "error", status.isErrorState()));
                    up &= !status.isErrorState();
                    position = Math.max(position, status.getCurrentPosition().orElse(-1L));
                }
            }
            var failure = failures.unresolved(processor.getName(), position);
            if (failure.isPresent()) {
                detail.put("failed", failure.get());
                up = false;
            }
            if (parked.containsKey(processor.getName())) {
                detail.put("parked", parked.get(processor.getName()));
                up = false;
            }
            up &= processor.isRunning() && !processor.isError();
            details.put(processor.getName(), detail);
        }
        builder.status(up ? org.springframework.boot.actuate.health.Status.UP
                          : org.springframework.boot.actuate.health.Status.DOWN)
               .withDetails(details);
    }
}
