package org.casetrail.query.subjectaccess;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.platform.messaging.Ids;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.query.projection.Json;
import org.casetrail.query.projection.KnownCases;
import org.casetrail.query.projection.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * api.md "Subject access": everything Casetrail holds about a service user, as JSON, for a request under UK GDPR
 * (MANAGER and AUDITOR only). Each part is the read model as stored, every version of every contact included,
 * with the reads of the case recorded in the audit trail, so the person also learns who has looked at it.
 */
@RestController
class SubjectAccess {

    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("case", "SELECT * FROM projections.case_record WHERE case_id = ?");
        PARTS.put("plans", "SELECT * FROM projections.case_plan WHERE case_id = ? ORDER BY version");
        PARTS.put("statusChanges", "SELECT * FROM projections.case_status_change WHERE case_id = ? ORDER BY version");
        PARTS.put("contactVersions", """
                SELECT v.contact_id, v.version, v.recorded_at, v.recorded_by, v.change, v.section, v.reason,
                       v.state::text AS state
                FROM projections.contact_version v JOIN projections.contact c ON c.contact_id = v.contact_id
                WHERE c.case_id = ? ORDER BY c.occurred_at, v.contact_id, v.version""");
        PARTS.put("risks", "SELECT * FROM projections.risk WHERE case_id = ? ORDER BY identified_at");
        PARTS.put("riskReviews", "SELECT v.* FROM projections.risk_review v JOIN projections.risk r "
                                 + "ON r.risk_id = v.risk_id WHERE r.case_id = ? ORDER BY v.reviewed_at");
        PARTS.put("actions", "SELECT * FROM projections.action_item WHERE case_id = ? ORDER BY assigned_at");
        PARTS.put("actionChanges", "SELECT c.* FROM projections.action_change c JOIN projections.action_item a "
                                   + "ON a.action_id = c.action_id WHERE a.case_id = ? ORDER BY c.changed_at");
        PARTS.put("guidanceRequests", "SELECT * FROM projections.guidance_request WHERE case_id = ? "
                                      + "ORDER BY requested_at");
        PARTS.put("sessions", "SELECT * FROM projections.session_booking WHERE case_id = ? ORDER BY scheduled_for");
        PARTS.put("sessionChanges", "SELECT c.* FROM projections.session_change c JOIN projections.session_booking s "
                                    + "ON s.session_id = c.session_id WHERE s.case_id = ? ORDER BY c.changed_at");
        PARTS.put("chronology", "SELECT * FROM projections.chronology_entry WHERE case_id = ? AND valid_to IS NULL "
                                + "ORDER BY occurred_at, recorded_at, entry_id");
        PARTS.put("auditTrail", "SELECT * FROM audit.entry WHERE case_id = ? ORDER BY recorded_at, event_identifier");
    }

    private final JdbcTemplate jdbc;
    private final Json json;
    private final KnownCases knownCases;
    private final Clock clock;

    SubjectAccess(JdbcTemplate jdbc, Json json, KnownCases knownCases, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.knownCases = knownCases;
        this.clock = clock;
    }

    @GetMapping("/api/cases/{caseId}/subject-access")
    Map<String, Object> everything(@PathVariable String caseId) {
        String id = Ids.require("case", caseId);
        if (!knownCases.contains(id)) {
            throw new NotFound("case", caseId);
        }
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("caseId", id);
        held.put("producedAt", clock.instant());
        for (var part : PARTS.entrySet()) {
            List<Map<String, Object>> rows = jdbc.queryForList(part.getValue(), Sql.uuid(id));
            rows.forEach(this::readable);
            held.put(part.getKey(), "case".equals(part.getKey()) ? rows.get(0) : rows);
        }
        return held;
    }

    /** Stored JSON becomes JSON again, times become instants, and ids plain text. */
    private void readable(Map<String, Object> row) {
        row.replaceAll((column, value) -> {
            if (value instanceof java.sql.Timestamp timestamp) {
                return timestamp.toInstant();
            }
            if (value instanceof java.time.OffsetDateTime time) {
                return time.toInstant();
            }
            if (value instanceof java.util.UUID uuid) {
                return uuid.toString();
            }
            if (value instanceof org.postgresql.util.PGobject object) {
                return json.read(object.getValue(), JsonNode.class);
            }
            if (value instanceof String text && "state".equals(column)) {
                return json.read(text, JsonNode.class);
            }
            return value;
        });
    }
}
