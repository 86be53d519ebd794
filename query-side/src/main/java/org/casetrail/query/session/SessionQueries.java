package org.casetrail.query.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.platform.db.HeldRows;
import org.casetrail.platform.db.Rows;
import org.casetrail.platform.db.Sql;
import org.casetrail.query.projection.HistoryRows;
import org.casetrail.query.projection.KnownCases;
import org.casetrail.query.session.SessionViews.CaseSessionsView;
import org.casetrail.query.session.SessionViews.ChangeView;
import org.casetrail.query.session.SessionViews.SessionView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The session reads, from the tables {@link SessionProjection} keeps. */
@Component
public class SessionQueries {

    /** A session's changes, from the change table aliased {@code c}; the caller adds which sessions. */
    private static final String CHANGES = """
            SELECT c.session_id, c.version, c.change, c.scheduled_for, c.attempted_at, c.note, c.changed_at AS at,
                   c.changed_by AS by
            FROM projections.session_change c""";

    private final JdbcClient jdbc;
    private final KnownCases knownCases;

    private final OverdueSessions overdueSessions;

    SessionQueries(JdbcClient jdbc, KnownCases knownCases, OverdueSessions overdueSessions) {
        this.jdbc = jdbc;
        this.knownCases = knownCases;
        this.overdueSessions = overdueSessions;
    }

    /**
     * Booked sessions whose time passed before {@code at} without their being held, cancelled, missed or recorded
     * as no access: of these cases (every case when null), the longest overdue first.
     */
    public List<SessionView> overdue(Collection<String> caseIds, Instant at) {
        if (caseIds != null && caseIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT * FROM projections.session_booking WHERE " + OverdueSessions.BOOKED_BEFORE
                     + (caseIds == null ? "" : " AND case_id = ANY(?)") + " ORDER BY scheduled_for, session_id";
        var statement = jdbc.sql(sql).param(Sql.utc(at));
        if (caseIds != null) {
            statement = statement.param(Sql.uuids(caseIds));
        }
        return statement.query((rs, n) -> session(rs)).list();
    }


    /** The case's sessions in date order, each with its history; empty for no such case. */
    public Optional<CaseSessionsView> ofCase(String caseId) {
        if (!knownCases.contains(caseId)) {
            return Optional.empty();
        }
        UUID id = Sql.uuid(caseId);
        List<SessionView> items = jdbc.sql("""
                SELECT * FROM projections.session_booking WHERE case_id = ? ORDER BY scheduled_for, session_id""")
                .param(id)
                .query((rs, n) -> session(rs))
                .list();
        Map<String, Long> versions = new LinkedHashMap<>();
        items.forEach(session -> versions.put(session.sessionId(), session.version()));
        Map<String, List<ChangeView>> history = HistoryRows.upTo(jdbc, CHANGES
                + " JOIN projections.session_booking s ON s.session_id = c.session_id WHERE s.case_id = ?"
                + " ORDER BY c.version", id, "session_id", versions, Rows.as(ChangeView.class));
        items = items.stream().map(s -> s.withHistory(history.getOrDefault(s.sessionId(), List.of()))).toList();
        return Optional.of(new CaseSessionsView(caseId, items));
    }

    /** The case's latest sessions, the furthest ahead first, at most {@code limit}, without their history. */
    public List<SessionView> latest(String caseId, int limit) {
        return jdbc.sql("SELECT * FROM projections.session_booking WHERE case_id = ?"
                        + " ORDER BY scheduled_for DESC, session_id LIMIT ?")
                   .params(Sql.uuid(caseId), limit).query((rs, n) -> session(rs)).list();
    }

    /** One session, with its history. */
    public Optional<SessionView> find(String sessionId) {
        UUID id = Sql.uuid(sessionId);
        return jdbc.sql("SELECT * FROM projections.session_booking WHERE session_id = ?").param(id)
                   .query((rs, n) -> session(rs)).optional()
                   .map(session -> session.withHistory(HistoryRows.upTo(jdbc, CHANGES
                           + " WHERE c.session_id = ? ORDER BY c.version", id, "session_id",
                           Map.of(session.sessionId(), session.version()), Rows.as(ChangeView.class))
                           .getOrDefault(session.sessionId(), List.of())));
    }

    /** Booked sessions of these cases scheduled in [from, to), soonest first, without their history. */
    public List<SessionView> upcoming(Collection<String> caseIds, Instant from, Instant to) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM projections.session_booking WHERE case_id = ANY(?) AND status = 'BOOKED'"
                        + " AND scheduled_for >= ? AND scheduled_for < ? ORDER BY scheduled_for, session_id")
                .params(Sql.uuids(caseIds), Sql.utc(from), Sql.utc(to))
                .query((rs, n) -> session(rs))
                .list();
    }

    /** The case's session rows as stored, by part, for a subject access request. */
    public Map<String, List<Map<String, Object>>> held(String caseId) {
        return HeldRows.of(jdbc, caseId)
                       .part("sessions", "SELECT * FROM projections.session_booking WHERE case_id = ? "
                                         + "ORDER BY scheduled_for")
                       .part("sessionChanges", "SELECT c.* FROM projections.session_change c JOIN "
                                               + "projections.session_booking s ON s.session_id = c.session_id "
                                               + "WHERE s.case_id = ? ORDER BY c.changed_at")
                       .rows();
    }

    private SessionView session(ResultSet rs) throws SQLException {
        Instant scheduledFor = Sql.instant(rs.getObject("scheduled_for", OffsetDateTime.class));
        String status = rs.getString("status");
        return new SessionView(rs.getString("session_id"), rs.getString("case_id"), rs.getString("contact_id"),
                scheduledFor,
                new Setting(SettingType.valueOf(rs.getString("setting_type")), rs.getString("location")),
                rs.getString("focus"), status, rs.getString("held_contact_id"),
                Sql.instant(rs.getObject("booked_at", OffsetDateTime.class)),
                rs.getString("booked_by"), List.of(), rs.getLong("version"),
                overdueSessions.now(status, scheduledFor));
    }

    /** A next session as it was booked in a contact: when, where and its focus. */
    public record SessionBooked(String contactId, Instant scheduledFor, SettingType settingType, String location,
                                String focus) {
    }

    /** The sessions booked in these contacts by {@code at}, in booking order: one index probe per contact. */
    public java.util.Map<String, List<SessionBooked>> bookedIn(java.util.Collection<String> contactIds, Instant at) {
        java.util.Map<String, List<SessionBooked>> found = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT x.contact_id::text, s.scheduled_for, s.setting_type, s.location, s.focus
                FROM unnest(?::uuid[]) AS x(contact_id)
                CROSS JOIN LATERAL (SELECT * FROM projections.session_booking WHERE contact_id = x.contact_id
                                    AND booked_at <= ? ORDER BY booked_at) s""")
            .params(Sql.uuids(contactIds), Sql.utc(at))
            .query(rs -> {
                found.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(new SessionBooked(
                        rs.getString(1), Sql.instant(rs.getObject(2, java.time.OffsetDateTime.class)),
                        SettingType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)));
            });
        return found;
    }
}
