package org.casetrail.query.caserecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.casetrail.events.caserecord.PlanType;
import org.casetrail.platform.db.HeldRows;
import org.casetrail.platform.db.Rows;
import org.casetrail.platform.db.Sql;
import org.casetrail.query.caserecord.CaseViews.CasePage;
import org.casetrail.query.caserecord.CaseViews.CaseSummaryView;
import org.casetrail.query.caserecord.CaseViews.CaseView;
import org.casetrail.query.caserecord.CaseViews.CountsView;
import org.casetrail.query.session.OverdueSessions;
import org.casetrail.query.caserecord.CaseViews.PlanView;
import org.casetrail.query.caserecord.CaseViews.ServiceUserView;
import org.casetrail.query.caserecord.CaseViews.StatusChangeView;
import org.casetrail.query.contact.CaseContacts;
import org.casetrail.query.projection.KnownCases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The case reads, from the tables {@link CaseProjection} keeps; the one place those tables are read. */
@Component
public class CaseQueries implements KnownCases {

    /** Who a case is about and where it stands: what other features print or report beside their own rows. */
    public record CaseHeader(String caseId, String serviceUserName, LocalDate dateOfBirth, String reference,
                             PlanType planType, String allocatedWorker, String status, Instant openedAt,
                             LocalDate openedOn) {
    }

    private static final String SUMMARY_COLUMNS = """
            case_id, service_user_name, date_of_birth, reference, plan_type, allocated_worker, status, opened_at,
            opened_by, opened_on, plan_count, version""";
    private static final String HEADER_COLUMNS = """
            case_id, service_user_name, date_of_birth, reference, plan_type, allocated_worker, status, opened_at,
            opened_on""";

    private final JdbcClient jdbc;
    private final CaseContacts contacts;

    private final OverdueSessions overdueSessions;

    CaseQueries(JdbcClient jdbc, CaseContacts contacts, OverdueSessions overdueSessions) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.overdueSessions = overdueSessions;
    }

    public Optional<CaseView> find(String caseId) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM projections.case_record WHERE case_id = ?")
                   .param(Sql.uuid(caseId))
                   .query((rs, n) -> caseView(rs))
                   .optional();
    }

    /** A page of cases, newest first, optionally by status and allocated worker. */
    public CasePage list(String status, String allocatedWorker, int page, int size) {
        return search(null, status, allocatedWorker, null, page, size);
    }

    /**
     * As {@link #list}, also by plan type and by text found in the service user's name or the case reference (in
     * any alphabet: both sides lower-cased).
     */
    public CasePage search(String text, String status, String allocatedWorker, PlanType planType, int page,
                           int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            where.append(" AND (strpos(lower(service_user_name), lower(?)) > 0"
                         + " OR strpos(lower(coalesce(reference, '')), lower(?)) > 0)");
            args.add(text.trim());
            args.add(text.trim());
        }
        if (planType != null) {
            where.append(" AND plan_type = ?");
            args.add(planType.name());
        }
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status);
        }
        if (allocatedWorker != null) {
            where.append(" AND allocated_worker = ?");
            args.add(allocatedWorker);
        }
        long total = jdbc.sql("SELECT count(*) FROM projections.case_record" + where).params(args)
                         .query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<CaseSummaryView> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM projections.case_record" + where
                                               + " ORDER BY opened_at DESC, case_id LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query((rs, n) -> new CaseSummaryView(rs.getString("case_id"), serviceUser(rs),
                        PlanType.valueOf(rs.getString("plan_type")), rs.getString("allocated_worker"),
                        rs.getString("status"), Sql.instant(rs.getObject("opened_at", java.time.OffsetDateTime.class)),
                        rs.getLong("version")))
                .list();
        return new CasePage(items, page, size, total);
    }

    @Override
    public boolean contains(String caseId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM projections.case_record WHERE case_id = ?)")
                   .param(Sql.uuid(caseId)).query(Boolean.class).single();
    }

    public Optional<CaseHeader> header(String caseId) {
        return jdbc.sql("SELECT " + HEADER_COLUMNS + " FROM projections.case_record WHERE case_id = ?")
                   .param(Sql.uuid(caseId)).query(Rows.as(CaseHeader.class)).optional();
    }

    /** Every open case, oldest first. */
    public List<CaseHeader> open() {
        return open(null);
    }

    /** The open cases allocated to one worker (through the worker index), oldest first; all when null. */
    public List<CaseHeader> open(String worker) {
        if (worker != null) {
            return jdbc.sql("SELECT " + HEADER_COLUMNS + " FROM projections.case_record"
                            + " WHERE allocated_worker = ? AND status = 'OPEN' ORDER BY opened_at, case_id")
                       .param(worker).query(Rows.as(CaseHeader.class)).list();
        }
        return jdbc.sql("SELECT " + HEADER_COLUMNS + " FROM projections.case_record WHERE status = 'OPEN' "
                        + "ORDER BY opened_at, case_id")
                   .query(Rows.as(CaseHeader.class)).list();
    }

    /**
     * The visit frequency set by each case's latest plan (by the date it bears, on or before {@code onOrBefore};
     * of two of a date, the one recorded later) that sets one, for those of {@code caseIds} with such a plan.
     */
    public Map<String, String> planVisitFrequencies(LocalDate onOrBefore, Collection<String> caseIds) {
        Map<String, String> found = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT DISTINCT ON (case_id) case_id::text, visit_frequency FROM projections.case_plan
                WHERE case_id = ANY(?) AND visit_frequency IS NOT NULL AND plan_date <= ?
                ORDER BY case_id, plan_date DESC, version DESC""")
            .params(Sql.uuids(caseIds), onOrBefore)
            .query(rs -> {
                found.put(rs.getString(1), rs.getString(2));
            });
        return found;
    }

    /** The case's rows as stored, by part, for a subject access request. */
    public Map<String, List<Map<String, Object>>> held(String caseId) {
        return HeldRows.of(jdbc, caseId)
                       .part("case", "SELECT * FROM projections.case_record WHERE case_id = ?")
                       .part("plans", "SELECT * FROM projections.case_plan WHERE case_id = ? ORDER BY version")
                       .part("statusChanges", "SELECT * FROM projections.case_status_change WHERE case_id = ? "
                                              + "ORDER BY version")
                       .rows();
    }

    private CaseView caseView(ResultSet rs) throws SQLException {
        String caseId = rs.getString("case_id");
        UUID id = Sql.uuid(caseId);
        // Plans and status changes up to the version of the case as read, so the view is of one moment.
        long version = rs.getLong("version");
        List<PlanView> plans = jdbc.sql("""
                SELECT plan_id, kind, title, plan_date AS date, summary, recorded_at, recorded_by, visit_frequency
                FROM projections.case_plan WHERE case_id = ? AND version <= ? ORDER BY version""")
                .params(id, version).query(Rows.as(PlanView.class)).list();
        List<StatusChangeView> history = jdbc.sql("""
                SELECT status, reason, changed_at AS at, changed_by AS by, version
                FROM projections.case_status_change WHERE case_id = ? AND version <= ? ORDER BY version""")
                .params(id, version).query(Rows.as(StatusChangeView.class)).list();
        CaseContacts.Counts counted = contacts.counts(caseId);
        return new CaseView(caseId, serviceUser(rs), PlanType.valueOf(rs.getString("plan_type")),
                rs.getString("allocated_worker"), rs.getString("status"),
                Sql.instant(rs.getObject("opened_at", java.time.OffsetDateTime.class)), rs.getString("opened_by"),
                rs.getObject("opened_on", LocalDate.class), plans, history, new CountsView(rs.getInt("plan_count"), counted.contacts(), counted.drafts(),
                               overdueSessions.count(caseId)),
                version);
    }

    private static ServiceUserView serviceUser(ResultSet rs) throws SQLException {
        return new ServiceUserView(rs.getString("service_user_name"), rs.getObject("date_of_birth", LocalDate.class),
                                   rs.getString("reference"));
    }

    /** The headers of these cases (those the projection holds). */
    public Map<String, CaseHeader> headers(Collection<String> caseIds) {
        Map<String, CaseHeader> found = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT " + HEADER_COLUMNS + " FROM projections.case_record WHERE case_id = ANY(?)")
            .param(Sql.uuids(caseIds))
            .query(Rows.as(CaseHeader.class)).list().forEach(h -> found.put(h.caseId(), h));
        return found;
    }

    /** The plans of these cases recorded by {@code at}, by case: what a contact's purpose could link to then. */
    public Map<String, List<PlanView>> plansRecordedBy(Collection<String> caseIds, Instant at) {
        Map<String, List<PlanView>> found = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT case_id::text AS case_id, plan_id, kind, title, plan_date AS date, summary, recorded_at,
                       recorded_by, visit_frequency
                FROM projections.case_plan WHERE case_id = ANY(?) AND recorded_at <= ?""")
            .params(Sql.uuids(caseIds), Sql.utc(at))
            .query(rs -> {
                found.computeIfAbsent(rs.getString("case_id"), k -> new ArrayList<>()).add(new PlanView(
                        rs.getString("plan_id"), org.casetrail.events.caserecord.PlanKind.valueOf(rs.getString("kind")),
                        rs.getString("title"), rs.getObject("date", LocalDate.class), rs.getString("summary"),
                        Sql.instant(rs.getObject("recorded_at", java.time.OffsetDateTime.class)),
                        rs.getString("recorded_by"), rs.getString("visit_frequency")));
            });
        return found;
    }
}
