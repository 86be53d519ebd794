package org.casetrail.query.caserecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.queryhandling.QueryHandler;
import org.casetrail.events.caserecord.PlanKind;
import org.casetrail.events.caserecord.PlanType;
import org.casetrail.query.caserecord.CaseViews.CasePage;
import org.casetrail.query.caserecord.CaseViews.CaseSummaryView;
import org.casetrail.query.caserecord.CaseViews.CaseView;
import org.casetrail.query.caserecord.CaseViews.CountsView;
import org.casetrail.query.caserecord.CaseViews.FindCaseQuery;
import org.casetrail.query.caserecord.CaseViews.FindCasesQuery;
import org.casetrail.query.caserecord.CaseViews.PlanView;
import org.casetrail.query.caserecord.CaseViews.ServiceUserView;
import org.casetrail.query.caserecord.CaseViews.StatusChangeView;
import org.casetrail.query.projection.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers case queries from the tables {@link CaseProjection} keeps. */
@Component
class CaseQueries {

    private static final String SUMMARY_COLUMNS = """
            case_id, service_user_name, date_of_birth, reference, plan_type, allocated_worker, status, opened_at,
            opened_by, plan_count, version""";

    private final JdbcTemplate jdbc;

    CaseQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<CaseView> handle(FindCaseQuery query) {
        List<CaseView> found = jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM projections.case_record WHERE case_id = ?",
                (rs, n) -> caseView(rs), Sql.uuid(query.caseId()));
        return found.stream().findFirst();
    }

    @QueryHandler
    CasePage handle(FindCasesQuery query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status());
        }
        if (query.allocatedWorker() != null) {
            where.append(" AND allocated_worker = ?");
            args.add(query.allocatedWorker());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM projections.case_record" + where, Long.class,
                                         args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<CaseSummaryView> items = jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM projections.case_record" + where
                        + " ORDER BY opened_at DESC, case_id LIMIT ? OFFSET ?",
                (rs, n) -> new CaseSummaryView(rs.getString("case_id"), serviceUser(rs),
                        PlanType.valueOf(rs.getString("plan_type")), rs.getString("allocated_worker"),
                        rs.getString("status"), Sql.instant(rs.getObject("opened_at", OffsetDateTime.class)),
                        rs.getLong("version")),
                pageArgs.toArray());
        return new CasePage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private CaseView caseView(ResultSet rs) throws SQLException {
        var caseId = rs.getObject("case_id", java.util.UUID.class);
        List<PlanView> plans = jdbc.query("""
                SELECT plan_id, kind, title, plan_date, summary, recorded_at, recorded_by
                FROM projections.case_plan WHERE case_id = ? ORDER BY version""",
                (p, n) -> new PlanView(p.getString("plan_id"), PlanKind.valueOf(p.getString("kind")),
                        p.getString("title"), p.getObject("plan_date", LocalDate.class), p.getString("summary"),
                        Sql.instant(p.getObject("recorded_at", OffsetDateTime.class)), p.getString("recorded_by")),
                caseId);
        List<StatusChangeView> history = jdbc.query("""
                SELECT status, reason, changed_at, changed_by, version
                FROM projections.case_status_change WHERE case_id = ? ORDER BY version""",
                (h, n) -> new StatusChangeView(h.getString("status"), h.getString("reason"),
                        Sql.instant(h.getObject("changed_at", OffsetDateTime.class)), h.getString("changed_by"),
                        h.getLong("version")),
                caseId);
        return new CaseView(caseId.toString(), serviceUser(rs), PlanType.valueOf(rs.getString("plan_type")),
                rs.getString("allocated_worker"), rs.getString("status"),
                Sql.instant(rs.getObject("opened_at", OffsetDateTime.class)), rs.getString("opened_by"), plans,
                history, counts(caseId, rs.getInt("plan_count")), rs.getLong("version"));
    }

    /** Contacts are counted from the contacts' own read model, where discarding a draft is already reflected. */
    private CountsView counts(java.util.UUID caseId, int plans) {
        return jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE status <> 'DISCARDED'), count(*) FILTER (WHERE status = 'DRAFT')
                FROM projections.contact WHERE case_id = ?""",
                (rs, n) -> new CountsView(plans, rs.getInt(1), rs.getInt(2)), caseId);
    }

    private static ServiceUserView serviceUser(ResultSet rs) throws SQLException {
        return new ServiceUserView(rs.getString("service_user_name"), rs.getObject("date_of_birth", LocalDate.class),
                                   rs.getString("reference"));
    }
}
