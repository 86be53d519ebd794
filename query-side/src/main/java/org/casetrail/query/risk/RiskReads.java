package org.casetrail.query.risk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Pattern;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.casetrail.events.risk.Professional;
import org.casetrail.events.risk.RiskAspect;
import org.casetrail.events.risk.RiskCategory;
import org.casetrail.events.risk.Severity;
import org.casetrail.platform.messaging.Ids;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.query.projection.Json;
import org.casetrail.query.projection.KnownCases;
import org.casetrail.query.projection.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JavaType;

/** api.md "Risks", the read: a case's risk register, each risk with its reviews. */
final class RiskReads {

    private RiskReads() {
    }

    record ReviewView(String contactId, String note, Severity severity, Severity previousSeverity, Instant reviewedAt,
                      String reviewedBy) {
    }

    record RiskView(String riskId, String caseId, String contactId, String status, Severity severity,
                    RiskCategory category, List<RiskAspect> aspects, String description,
                    List<Professional> professionalsInvolved, Instant identifiedAt, String identifiedBy,
                    Instant closedAt, String closedBy, String closeReason, List<ReviewView> reviews, long version) {
    }

    record RiskRegisterView(String caseId, List<RiskView> items) {
    }

    record FindCaseRisksQuery(String caseId, String status) {
    }

    @Component
    static class RiskQueries {

        private final JdbcTemplate jdbc;
        private final Json json;
        private final JavaType professionals;
        private final KnownCases knownCases;

        RiskQueries(JdbcTemplate jdbc, Json json, KnownCases knownCases) {
            this.jdbc = jdbc;
            this.json = json;
            this.knownCases = knownCases;
            this.professionals = json.mapper().getTypeFactory().constructCollectionType(List.class, Professional.class);
        }

        @QueryHandler
        Optional<RiskRegisterView> handle(FindCaseRisksQuery query) {
            if (!knownCases.contains(query.caseId())) {
                return Optional.empty();
            }
            var caseId = Sql.uuid(query.caseId());
            Map<String, List<ReviewView>> reviews = jdbc.query("""
                    SELECT v.risk_id, v.contact_id, v.note, v.severity, v.previous_severity, v.reviewed_at, v.reviewed_by
                    FROM projections.risk_review v JOIN projections.risk r ON r.risk_id = v.risk_id
                    WHERE r.case_id = ? ORDER BY v.version""",
                    (rs, n) -> Map.entry(rs.getString("risk_id"), new ReviewView(rs.getString("contact_id"),
                            rs.getString("note"), Severity.valueOf(rs.getString("severity")),
                            Severity.valueOf(rs.getString("previous_severity")),
                            Sql.instant(rs.getObject("reviewed_at", OffsetDateTime.class)), rs.getString("reviewed_by"))),
                    caseId).stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            String status = query.status() == null ? "" : " AND status = ?";
            Object[] args = query.status() == null ? new Object[] {caseId} : new Object[] {caseId, query.status()};
            List<RiskView> items = jdbc.query("SELECT * FROM projections.risk WHERE case_id = ?" + status
                            + " ORDER BY identified_at, risk_id",
                    (rs, n) -> new RiskView(rs.getString("risk_id"), rs.getString("case_id"), rs.getString("contact_id"),
                            rs.getString("status"), Severity.valueOf(rs.getString("severity")),
                            RiskCategory.valueOf(rs.getString("category")),
                            Arrays.stream(rs.getString("aspects").split(",")).map(RiskAspect::valueOf).toList(),
                            rs.getString("description"), json.read(rs.getString("professionals"), professionals),
                            Sql.instant(rs.getObject("identified_at", OffsetDateTime.class)), rs.getString("identified_by"),
                            Sql.instant(rs.getObject("closed_at", OffsetDateTime.class)), rs.getString("closed_by"),
                            rs.getString("close_reason"), reviews.getOrDefault(rs.getString("risk_id"), List.of()),
                            rs.getLong("version")),
                    args);
            return Optional.of(new RiskRegisterView(query.caseId(), items));
        }
    }

    @RestController
    @Validated
    static class RiskQueryController {

        private final QueryGateway queries;

        RiskQueryController(QueryGateway queries) {
            this.queries = queries;
        }

        @GetMapping("/api/cases/{caseId}/risks")
        RiskRegisterView register(@PathVariable String caseId,
                              @RequestParam(required = false)
                              @Pattern(regexp = "OPEN|CLOSED", message = "must be OPEN or CLOSED") String status) {
            return queries.query(new FindCaseRisksQuery(Ids.require("case", caseId), status),
                                 ResponseTypes.optionalInstanceOf(RiskRegisterView.class))
                          .join()
                          .orElseThrow(() -> new NotFound("case", caseId));
        }
    }
}
