package org.casetrail.query.subjectaccess;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casetrail.audit.AuditQueries;
import org.casetrail.query.action.ActionQueries;
import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.query.chronology.ChronologyQueries;
import org.casetrail.query.contact.CaseContacts;
import org.casetrail.query.guidance.GuidanceQueries;
import org.casetrail.query.projection.Json;
import org.casetrail.query.risk.RiskQueries;
import org.casetrail.query.session.SessionQueries;
import org.postgresql.util.PGobject;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything Casetrail holds about a service user, for a request under UK GDPR. Each part is a feature's read
 * model as stored, every version of every contact included, with the reads of the case from the audit trail, so
 * the person also learns who has looked at it. Each feature hands over its own rows; this class keeps no tables.
 */
@Component
public class SubjectAccessQueries {

    private final CaseQueries cases;
    private final CaseContacts contacts;
    private final RiskQueries risks;
    private final ActionQueries actions;
    private final GuidanceQueries guidance;
    private final SessionQueries sessions;
    private final ChronologyQueries chronology;
    private final AuditQueries audit;
    private final Json json;
    private final Clock clock;

    SubjectAccessQueries(CaseQueries cases, CaseContacts contacts, RiskQueries risks, ActionQueries actions,
                         GuidanceQueries guidance, SessionQueries sessions, ChronologyQueries chronology,
                         AuditQueries audit, Json json, Clock clock) {
        this.cases = cases;
        this.contacts = contacts;
        this.risks = risks;
        this.actions = actions;
        this.guidance = guidance;
        this.sessions = sessions;
        this.chronology = chronology;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Every part, in a fixed order, the case itself first; empty for no such case. */
    public Optional<Map<String, Object>> everything(String caseId) {
        if (!cases.contains(caseId)) {
            return Optional.empty();
        }
        Map<String, List<Map<String, Object>>> parts = new LinkedHashMap<>();
        parts.putAll(cases.held(caseId));
        parts.putAll(contacts.held(caseId));
        parts.putAll(risks.held(caseId));
        parts.putAll(actions.held(caseId));
        parts.putAll(guidance.held(caseId));
        parts.putAll(sessions.held(caseId));
        parts.putAll(chronology.held(caseId));
        parts.putAll(audit.held(caseId));
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("caseId", caseId);
        held.put("producedAt", clock.instant());
        parts.forEach((part, rows) -> {
            rows.forEach(this::readable);
            held.put(part, "case".equals(part) ? rows.get(0) : rows);
        });
        return Optional.of(held);
    }

    /** Stored JSON becomes JSON again, times become instants, and ids plain text. */
    private void readable(Map<String, Object> row) {
        row.replaceAll((column, value) -> {
            if (value instanceof java.sql.Timestamp timestamp) {
                return timestamp.toInstant();
            }
            if (value instanceof OffsetDateTime time) {
                return time.toInstant();
            }
            if (value instanceof java.util.UUID uuid) {
                return uuid.toString();
            }
            if (value instanceof PGobject object) {
                return json.read(object.getValue(), JsonNode.class);
            }
            if (value instanceof String text && "state".equals(column)) {
                return json.read(text, JsonNode.class);
            }
            return value;
        });
    }
}
