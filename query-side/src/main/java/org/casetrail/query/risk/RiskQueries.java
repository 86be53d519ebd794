package org.casetrail.query.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.casetrail.events.risk.Professional;
import org.casetrail.events.risk.RiskAspect;
import org.casetrail.events.risk.RiskCategory;
import org.casetrail.events.risk.Severity;
import org.casetrail.platform.db.HeldRows;
import org.casetrail.platform.db.Rows;
import org.casetrail.platform.db.Sql;
import org.casetrail.query.projection.HistoryRows;
import org.casetrail.query.projection.Json;
import org.casetrail.query.projection.KnownCases;
import org.casetrail.query.risk.RiskViews.OpenRisk;
import org.casetrail.query.risk.RiskViews.ReviewView;
import org.casetrail.query.risk.RiskViews.RiskRegisterView;
import org.casetrail.query.risk.RiskViews.RiskView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JavaType;

/** The risk reads, from the tables {@link RiskProjection} keeps. */
@Component
public class RiskQueries {

    /** A risk's reviews, from the review table aliased {@code v}; the caller adds which risks. */
    private static final String REVIEWS = """
            SELECT v.risk_id, v.version, v.contact_id, v.note, v.severity, v.previous_severity, v.reviewed_at,
                   v.reviewed_by
            FROM projections.risk_review v""";

    private final JdbcClient jdbc;
    private final Json json;
    private final JavaType professionals;
    private final KnownCases knownCases;

    RiskQueries(JdbcClient jdbc, Json json, KnownCases knownCases) {
        this.jdbc = jdbc;
        this.json = json;
        this.knownCases = knownCases;
        this.professionals = json.mapper().getTypeFactory().constructCollectionType(List.class, Professional.class);
    }

    /** The case's risk register, oldest first, optionally OPEN or CLOSED only; empty for no such case. */
    public Optional<RiskRegisterView> register(String caseId, String status) {
        if (!knownCases.contains(caseId)) {
            return Optional.empty();
        }
        UUID id = Sql.uuid(caseId);
        List<RiskView> risks = jdbc.sql("SELECT * FROM projections.risk WHERE case_id = ?"
                        + (status == null ? "" : " AND status = ?") + " ORDER BY identified_at, risk_id")
                .params(status == null ? List.of(id) : List.of(id, status))
                .query((rs, n) -> risk(rs))
                .list();
        Map<String, Long> versions = new LinkedHashMap<>();
        risks.forEach(risk -> versions.put(risk.riskId(), risk.version()));
        Map<String, List<ReviewView>> reviews = HistoryRows.upTo(jdbc, REVIEWS
                + " JOIN projections.risk r ON r.risk_id = v.risk_id WHERE r.case_id = ? ORDER BY v.version", id,
                "risk_id", versions, Rows.as(ReviewView.class));
        return Optional.of(new RiskRegisterView(caseId, risks.stream()
                .map(risk -> risk.withReviews(reviews.getOrDefault(risk.riskId(), List.of()))).toList()));
    }

    /** The case's open risks, the most severe and then the latest first, at most {@code limit}, without reviews. */
    public List<RiskView> mostSevereOpen(String caseId, int limit) {
        return jdbc.sql("SELECT * FROM projections.risk WHERE case_id = ? AND status = 'OPEN'"
                        + " ORDER BY CASE severity WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END,"
                        + " identified_at DESC, risk_id LIMIT ?")
                   .params(Sql.uuid(caseId), limit).query((rs, n) -> risk(rs)).list();
    }

    /** How many of the case's risks have this status. */
    public long count(String caseId, String status) {
        return jdbc.sql("SELECT count(*) FROM projections.risk WHERE case_id = ? AND status = ?")
                   .params(Sql.uuid(caseId), status).query(Long.class).single();
    }

    /** One risk, with its reviews. */
    public Optional<RiskView> find(String riskId) {
        UUID id = Sql.uuid(riskId);
        return jdbc.sql("SELECT * FROM projections.risk WHERE risk_id = ?").param(id)
                   .query((rs, n) -> risk(rs)).optional()
                   .map(risk -> risk.withReviews(HistoryRows.upTo(jdbc, REVIEWS
                           + " WHERE v.risk_id = ? ORDER BY v.version", id, "risk_id",
                           Map.of(risk.riskId(), risk.version()), Rows.as(ReviewView.class))
                           .getOrDefault(risk.riskId(), List.of())));
    }

    /** Every open risk across all cases, oldest first, with the contacts that identified or reviewed it. */
    public List<OpenRisk> open() {
        return jdbc.sql("""
                SELECT r.case_id, r.risk_id, r.contact_id, r.severity, r.description,
                       array_to_string(array_append(ARRAY(SELECT v.contact_id::text FROM projections.risk_review v
                                                          WHERE v.risk_id = r.risk_id ORDER BY v.version),
                                                    r.contact_id::text), ',') AS contact_ids
                FROM projections.risk r WHERE r.status = 'OPEN' ORDER BY r.identified_at, r.risk_id""")
                   .query((rs, n) -> new OpenRisk(rs.getString("case_id"), rs.getString("risk_id"),
                           rs.getString("contact_id"), Severity.valueOf(rs.getString("severity")),
                           rs.getString("description"), Arrays.stream(rs.getString("contact_ids").split(","))
                                                              .filter(s -> !s.isEmpty()).collect(Collectors.toList())))
                   .list();
    }

    /** The case's risk rows as stored, by part, for a subject access request. */
    public Map<String, List<Map<String, Object>>> held(String caseId) {
        return HeldRows.of(jdbc, caseId)
                       .part("risks", "SELECT * FROM projections.risk WHERE case_id = ? ORDER BY identified_at")
                       .part("riskReviews", "SELECT v.* FROM projections.risk_review v JOIN projections.risk r "
                                            + "ON r.risk_id = v.risk_id WHERE r.case_id = ? ORDER BY v.reviewed_at")
                       .rows();
    }

    private RiskView risk(ResultSet rs) throws SQLException {
        return new RiskView(rs.getString("risk_id"), rs.getString("case_id"),
                rs.getString("contact_id"), rs.getString("status"), Severity.valueOf(rs.getString("severity")),
                RiskCategory.valueOf(rs.getString("category")),
                Arrays.stream(rs.getString("aspects").split(",")).map(RiskAspect::valueOf).toList(),
                rs.getString("description"), json.read(rs.getString("professionals"), professionals),
                Sql.instant(rs.getObject("identified_at", java.time.OffsetDateTime.class)),
                rs.getString("identified_by"),
                Sql.instant(rs.getObject("closed_at", java.time.OffsetDateTime.class)),
                rs.getString("closed_by"), rs.getString("close_reason"), List.of(), rs.getLong("version"));
    }

    /** A risk identified in a contact: its severity as it stood at the moment asked about, and its professionals. */
    public record RiskRaised(String contactId, Severity severity, int professionals) {
    }

    /**
     * The risks identified in these contacts by {@code at}, each with its severity as it then stood (the one its
     * first later review replaced, if reviewed since): one index probe per contact.
     */
    public Map<String, List<RiskRaised>> identifiedIn(Collection<String> contactIds, Instant at) {
        Map<String, List<RiskRaised>> found = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT x.contact_id::text,
                       coalesce((SELECT rv.previous_severity FROM projections.risk_review rv
                                 WHERE rv.risk_id = r.risk_id AND rv.reviewed_at > ?
                                 ORDER BY rv.version LIMIT 1), r.severity) AS severity,
                       jsonb_array_length(r.professionals) AS professionals
                FROM unnest(?::uuid[]) AS x(contact_id)
                CROSS JOIN LATERAL (SELECT * FROM projections.risk WHERE contact_id = x.contact_id
                                    AND identified_at <= ?) r""")
            .params(Sql.utc(at), Sql.uuids(contactIds), Sql.utc(at))
            .query(rs -> {
                found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                     .add(new RiskRaised(rs.getString(1), Severity.valueOf(rs.getString(2)), rs.getInt(3)));
            });
        return found;
    }

    /** How many risk reviews each of these contacts recorded by {@code at} (those with none are left out). */
    public Map<String, Integer> reviewsIn(Collection<String> contactIds, Instant at) {
        Map<String, Integer> found = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT x.contact_id::text, n.counted FROM unnest(?::uuid[]) AS x(contact_id)
                CROSS JOIN LATERAL (SELECT count(*) AS counted FROM projections.risk_review
                                    WHERE contact_id = x.contact_id AND reviewed_at <= ?) n WHERE n.counted > 0""")
            .params(Sql.uuids(contactIds), Sql.utc(at))
            .query(rs -> {
                found.put(rs.getString(1), rs.getInt(2));
            });
        return found;
    }
}
