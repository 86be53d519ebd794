package org.casetrail.query.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.guidance.Urgency;
import org.casetrail.events.risk.Severity;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.query.projection.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * api.md "Compliance": home visits against each plan type's standard, and recording that is late or left
 * undone. Standards, bank holidays and thresholds are configuration ({@code casetrail.compliance.*}).
 */
final class ComplianceReads {

    private ComplianceReads() {
    }

    record VisitView(String caseId, String serviceUserName, PlanType planType, String allocatedWorker,
                     String standard, Instant lastHomeVisit, LocalDate nextDue, boolean overdue) {
    }

    record VisitReportView(LocalDate asOf, List<VisitView> items) {
    }

    record LateEntryView(String caseId, String contactId, Instant occurredAt, Instant recordedAt, String author) {
    }

    record OldDraftView(String caseId, String contactId, Instant recordedAt, String author, long ageDays) {
    }

    record UnactionedRiskView(String caseId, String riskId, String contactId, Severity severity, String description) {
    }

    record WaitingGuidanceView(String caseId, String requestId, String contactId, Urgency urgency,
                               Instant requestedAt, String requestedBy, long waitingDays) {
    }

    record RecordingReportView(Instant at, int draftOlderThanDays, int guidanceWaitingDays,
                               List<LateEntryView> lateEntries, List<OldDraftView> oldDrafts,
                               List<UnactionedRiskView> risksWithoutAction, List<WaitingGuidanceView> guidanceAwaiting) {
    }

    record FindVisitComplianceQuery(LocalDate asOf) {
    }

    record FindRecordingComplianceQuery(Instant at) {
    }

    @Component
    static class ComplianceQueries {

        private final JdbcTemplate jdbc;
        private final ZoneId zone;
        private final WorkingCalendar calendar;
        private final Map<PlanType, VisitStandard> standards = new EnumMap<>(PlanType.class);
        private final CasetrailProperties.Compliance settings;

        ComplianceQueries(JdbcTemplate jdbc, CasetrailProperties properties) {
            this.jdbc = jdbc;
            this.zone = properties.timeZone();
            this.settings = properties.compliance();
            this.calendar = new WorkingCalendar(settings.bankHolidays());
            for (PlanType type : PlanType.values()) {
                String standard = settings.standards().get(type.name());
                if (standard == null) {
                    throw new IllegalStateException("No visit standard for " + type
                            + ": set casetrail.compliance.standards." + type.name());
                }
                standards.put(type, VisitStandard.parse(standard));
            }
        }

        @QueryHandler
        VisitReportView handle(FindVisitComplianceQuery query) {
            var endOfDay = Sql.utc(query.asOf().plusDays(1).atStartOfDay(zone).toInstant());
            List<VisitView> items = jdbc.query("""
                    SELECT c.case_id, c.service_user_name, c.plan_type, c.allocated_worker, c.opened_at,
                           (SELECT max(ct.occurred_at) FROM projections.contact ct
                            WHERE ct.case_id = c.case_id AND ct.setting_type = 'HOME' AND ct.status <> 'DISCARDED'
                              AND ct.occurred_at < ?) AS last_home_visit
                    FROM projections.case_record c
                    WHERE c.status = 'OPEN'
                    ORDER BY c.opened_at, c.case_id""",
                    (rs, n) -> {
                        PlanType type = PlanType.valueOf(rs.getString("plan_type"));
                        VisitStandard standard = standards.get(type);
                        Instant last = Sql.instant(rs.getObject("last_home_visit", OffsetDateTime.class));
                        Instant since = last != null ? last : Sql.instant(rs.getObject("opened_at", OffsetDateTime.class));
                        LocalDate due = standard.nextDue(since.atZone(zone).toLocalDate(), calendar);
                        return new VisitView(rs.getString("case_id"), rs.getString("service_user_name"), type,
                                rs.getString("allocated_worker"), standard.describe(), last, due,
                                due.isBefore(query.asOf()));
                    },
                    endOfDay);
            return new VisitReportView(query.asOf(), items);
        }

        @QueryHandler
        RecordingReportView handle(FindRecordingComplianceQuery query) {
            var at = Sql.utc(query.at());
            var draftsBefore = Sql.utc(query.at().minus(Duration.ofDays(settings.draftOlderThanDays())));
            var guidanceBefore = Sql.utc(query.at().minus(Duration.ofDays(settings.guidanceWaitingDays())));
            List<LateEntryView> late = jdbc.query("""
                    SELECT case_id, contact_id, occurred_at, recorded_at, author FROM projections.contact
                    WHERE late_entry AND status <> 'DISCARDED' ORDER BY recorded_at, contact_id""",
                    (rs, n) -> new LateEntryView(rs.getString("case_id"), rs.getString("contact_id"),
                            Sql.instant(rs.getObject("occurred_at", OffsetDateTime.class)),
                            Sql.instant(rs.getObject("recorded_at", OffsetDateTime.class)), rs.getString("author")));
            List<OldDraftView> drafts = jdbc.query("""
                    SELECT case_id, contact_id, recorded_at, author FROM projections.contact
                    WHERE status = 'DRAFT' AND recorded_at < ? ORDER BY recorded_at, contact_id""",
                    (rs, n) -> {
                        Instant recorded = Sql.instant(rs.getObject("recorded_at", OffsetDateTime.class));
                        return new OldDraftView(rs.getString("case_id"), rs.getString("contact_id"), recorded,
                                rs.getString("author"), Duration.between(recorded, query.at()).toDays());
                    },
                    draftsBefore);
            List<UnactionedRiskView> risks = jdbc.query("""
                    SELECT r.case_id, r.risk_id, r.contact_id, r.severity, r.description FROM projections.risk r
                    WHERE r.status = 'OPEN' AND NOT EXISTS (
                        SELECT 1 FROM projections.action_item a
                        WHERE a.status <> 'CANCELLED'
                          AND (a.contact_id = r.contact_id OR a.contact_id IN
                               (SELECT v.contact_id FROM projections.risk_review v WHERE v.risk_id = r.risk_id)))
                    ORDER BY r.identified_at, r.risk_id""",
                    (rs, n) -> new UnactionedRiskView(rs.getString("case_id"), rs.getString("risk_id"),
                            rs.getString("contact_id"), Severity.valueOf(rs.getString("severity")),
                            rs.getString("description")));
            List<WaitingGuidanceView> guidance = jdbc.query("""
                    SELECT case_id, request_id, contact_id, urgency, requested_at, requested_by
                    FROM projections.guidance_request WHERE status = 'AWAITING' AND requested_at < ?
                    ORDER BY requested_at, request_id""",
                    (rs, n) -> {
                        Instant requested = Sql.instant(rs.getObject("requested_at", OffsetDateTime.class));
                        return new WaitingGuidanceView(rs.getString("case_id"), rs.getString("request_id"),
                                rs.getString("contact_id"), Urgency.valueOf(rs.getString("urgency")), requested,
                                rs.getString("requested_by"), Duration.between(requested, query.at()).toDays());
                    },
                    guidanceBefore);
            return new RecordingReportView(query.at(), settings.draftOlderThanDays(), settings.guidanceWaitingDays(),
                                           late, drafts, risks, guidance);
        }
    }

    @RestController
    static class ComplianceQueryController {

        private final QueryGateway queries;
        private final Clock clock;
        private final ZoneId zone;

        ComplianceQueryController(QueryGateway queries, Clock clock, CasetrailProperties properties) {
            this.queries = queries;
            this.clock = clock;
            this.zone = properties.timeZone();
        }

        @GetMapping("/api/compliance/visits")
        VisitReportView visits(@RequestParam(required = false) String asOf) {
            LocalDate date;
            try {
                date = asOf == null ? LocalDate.now(clock.withZone(zone)) : LocalDate.parse(asOf.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidFields("asOf", "must be a date, yyyy-mm-dd");
            }
            return queries.query(new FindVisitComplianceQuery(date), VisitReportView.class).join();
        }

        @GetMapping("/api/compliance/recording")
        RecordingReportView recording() {
            return queries.query(new FindRecordingComplianceQuery(clock.instant()), RecordingReportView.class).join();
        }
    }
}
