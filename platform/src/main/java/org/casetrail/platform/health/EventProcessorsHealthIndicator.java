package org.casetrail.platform.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Ready when every event processor is running and none is in error. A processor in error has stopped on an
 * event it could not handle and retries it; until it succeeds its projection does not move, which readiness must
 * show rather than hide. Each processor's claimed segments and position are in the details.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (var processor : processing.eventProcessors().values()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("error", processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.processingStatus().forEach((segment, status) -> detail.put("segment-" + segment,
                        Map.of("caughtUp", status.isCaughtUp(),
                               "position", status.getCurrentPosition().orElse(-1L),
                               "error", status.isErrorState())));
            }
            up &= processor.isRunning() && !processor.isError();
            details.put(processor.getName(), detail);
        }
        builder.status(up ? org.springframework.boot.actuate.health.Status.UP
                          : org.springframework.boot.actuate.health.Status.DOWN)
               .withDetails(details);
    }
}
