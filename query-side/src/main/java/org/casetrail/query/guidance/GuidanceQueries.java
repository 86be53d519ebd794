package org.casetrail.query.guidance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import org.casetrail.platform.db.HeldRows;
import org.casetrail.platform.db.Rows;
import org.casetrail.platform.db.Sql;
import org.casetrail.query.guidance.GuidanceViews.GuidanceQueueView;
import org.casetrail.query.guidance.GuidanceViews.GuidanceRequestView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The guidance reads, from the table {@link GuidanceProjection} keeps. */
@Component
public class GuidanceQueries {

    private final JdbcClient jdbc;

    GuidanceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Requests oldest first, each filter optional: by status (AWAITING, ANSWERED), by case, and requested before an
     * instant.
     */
    public GuidanceQueueView requests(String status, String caseId, Instant requestedBefore) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status);
        }
        if (caseId != null) {
            where.append(" AND case_id = ?");
            args.add(Sql.uuid(caseId));
        }
        if (requestedBefore != null) {
            where.append(" AND requested_at < ?");
            args.add(Sql.utc(requestedBefore));
        }
        return new GuidanceQueueView(jdbc.sql("SELECT * FROM projections.guidance_request" + where
                                              + " ORDER BY requested_at, request_id")
                                         .params(args).query(Rows.as(GuidanceRequestView.class)).list());
    }

    /** One request, answered or not. */
    public Optional<GuidanceRequestView> find(String requestId) {
        return jdbc.sql("SELECT * FROM projections.guidance_request WHERE request_id = ?").param(Sql.uuid(requestId))
                   .query(Rows.as(GuidanceRequestView.class)).optional();
    }

    /** The case's guidance rows as stored, for a subject access request. */
    public Map<String, List<Map<String, Object>>> held(String caseId) {
        return HeldRows.of(jdbc, caseId)
                       .part("guidanceRequests", "SELECT * FROM projections.guidance_request WHERE case_id = ? "
                                                 + "ORDER BY requested_at")
                       .rows();
    }

    /** How many guidance requests each of these contacts raised by {@code at} (those with none are left out). */
    public java.util.Map<String, Integer> requestedIn(java.util.Collection<String> contactIds, java.time.Instant at) {
        java.util.Map<String, Integer> found = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT x.contact_id::text, n.counted FROM unnest(?::uuid[]) AS x(contact_id)
                CROSS JOIN LATERAL (SELECT count(*) AS counted FROM projections.guidance_request
                                    WHERE contact_id = x.contact_id AND requested_at <= ?) n WHERE n.counted > 0""")
            .params(Sql.uuids(contactIds), Sql.utc(at))
            .query(rs -> {
                found.put(rs.getString(1), rs.getInt(2));
            });
        return found;
    }
}
