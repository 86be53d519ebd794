package org.casetrail.query.guidance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Pattern;

import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.casetrail.events.guidance.Urgency;
import org.casetrail.platform.messaging.Ids;
import org.casetrail.query.projection.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** api.md "Manager guidance", the read: the queue of requests, oldest first. */
final class GuidanceReads {

    private GuidanceReads() {
    }

    record GuidanceRequestView(String requestId, String caseId, String contactId, String status, Urgency urgency,
                               String question, Instant requestedAt, String requestedBy, String guidance,
                               String answeredBy, Instant answeredAt, long version) {
    }

    record GuidanceQueueView(List<GuidanceRequestView> items) {
    }

    record FindGuidanceRequestsQuery(String status, String caseId) {
    }

    @Component
    static class GuidanceQueries {

        private final JdbcTemplate jdbc;

        GuidanceQueries(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @QueryHandler
        GuidanceQueueView handle(FindGuidanceRequestsQuery query) {
            StringBuilder where = new StringBuilder(" WHERE true");
            List<Object> args = new ArrayList<>();
            if (query.status() != null) {
                where.append(" AND status = ?");
                args.add(query.status());
            }
            if (query.caseId() != null) {
                where.append(" AND case_id = ?");
                args.add(Sql.uuid(query.caseId()));
            }
            return new GuidanceQueueView(jdbc.query("SELECT * FROM projections.guidance_request" + where
                            + " ORDER BY requested_at, request_id",
                    (rs, n) -> new GuidanceRequestView(rs.getString("request_id"), rs.getString("case_id"),
                            rs.getString("contact_id"), rs.getString("status"), Urgency.valueOf(rs.getString("urgency")),
                            rs.getString("question"), Sql.instant(rs.getObject("requested_at", OffsetDateTime.class)),
                            rs.getString("requested_by"), rs.getString("guidance"), rs.getString("answered_by"),
                            Sql.instant(rs.getObject("answered_at", OffsetDateTime.class)), rs.getLong("version")),
                    args.toArray()));
        }
    }

    @RestController
    @Validated
    static class GuidanceQueryController {

        private final QueryGateway queries;

        GuidanceQueryController(QueryGateway queries) {
            this.queries = queries;
        }

        @GetMapping("/api/guidance-requests")
        GuidanceQueueView requests(@RequestParam(required = false)
                                   @Pattern(regexp = "AWAITING|ANSWERED", message = "must be AWAITING or ANSWERED")
                                   String status,
                                   @RequestParam(required = false) String caseId) {
            String id = caseId == null ? null : Ids.field("caseId", caseId);
            return queries.query(new FindGuidanceRequestsQuery(status, id), GuidanceQueueView.class).join();
        }
    }
}
