package org.casetrail.query.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.platform.eventstore.ParkedEvents;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/projections}: the projections, the event store's head and the latest rebuild with its progress
 * (GET, any signed-in user); {@code POST /actuator/projections} rebuilds every projection from the events and
 * {@code POST /actuator/projections/{name}} one (MANAGER only, see SecurityConfiguration). A rebuild runs in the
 * background: the POST answers 202 at once and GET shows each processor's position until it is done.
 * Rebuilding changes no record: it empties and refills tables that are derived from the events. GET also lists the
 * events each projection parked because it could not handle them; {@code POST /actuator/projections/parked}
 * handles them again once the cause is fixed.
 */
@Component
@Endpoint(id = "projections")
class ProjectionsEndpoint {

    /** {@code POST /actuator/projections/parked} handles every parked event again, after a fix. */
    static final String PARKED = "parked";

    private final ProjectionRebuild rebuild;
    private final ParkedEvents parked;

    ProjectionsEndpoint(ProjectionRebuild rebuild, ParkedEvents parked) {
        this.rebuild = rebuild;
        this.parked = parked;
    }

    @ReadOperation
    Map<String, Object> projections() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projections", rebuild.projections());
        body.put("head", rebuild.head());
        body.put("parked", parked.parked());
        body.put("rebuild", describe(rebuild.status()));
        return body;
    }

    @WriteOperation
    WebEndpointResponse<Map<String, Object>> rebuildAll() {
        return started(rebuild.start(List.of(), CurrentUser.require().username()));
    }

    @WriteOperation
    WebEndpointResponse<Map<String, Object>> rebuildOne(@Selector String name) {
        if (PARKED.equals(name)) {
            long left = parked.retry();
            return new WebEndpointResponse<>(Map.of("stillParked", left, "parked", parked.parked()), 200);
        }
        if (!rebuild.projections().contains(name)) {
            return new WebEndpointResponse<>(Map.of("title", "No projection named " + name,
                                                    "projections", rebuild.projections()), 404);
        }
        return started(rebuild.start(List.of(name), CurrentUser.require().username()));
    }

    private static WebEndpointResponse<Map<String, Object>> started(ProjectionRebuild.Status status) {
        return new WebEndpointResponse<>(describe(status), 202);
    }

    private static Map<String, Object> describe(ProjectionRebuild.Status status) {
        if (status == null) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("processors", status.processors());
        body.put("requestedBy", status.requestedBy());
        body.put("startedAt", status.startedAt().toString());
        body.put("head", status.head());
        body.put("positions", status.positions());
        body.put("finished", status.finished());
        if (status.took() != null) {
            body.put("tookMillis", status.took().toMillis());
            body.put("eventsPerSecond", status.eventsPerSecond());
        }
        if (status.failure() != null) {
            body.put("failure", status.failure());
        }
        return body;
    }
}
