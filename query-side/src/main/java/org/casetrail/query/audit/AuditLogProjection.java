package org.casetrail.query.audit;

import java.lang.reflect.RecordComponent;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.casetrail.events.audit.RecordViewedEvent;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.query.projection.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every event and every read of case data, for the audit query: who, when, what, which command, from where, and
 * the case it concerns (found through the record it names when the event itself does not carry the case).
 */
@Component
@ProcessingGroup("audit-log")
class AuditLogProjection {

    private final JdbcTemplate jdbc;

    AuditLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EventMessage<?> message) {
        Object payload = message.getPayload();
        String recordId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        String caseId = component(payload, "caseId");
        String summary;
        if (payload instanceof RecordViewedEvent viewed) {
            recordId = viewed.recordId();
            summary = "viewed " + viewed.path() + (viewed.query() == null ? "" : "?" + viewed.query());
        } else {
            summary = message.getPayloadType().getSimpleName().replaceAll("Event$", "")
                      .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }
        if (caseId != null && recordId != null) {
            jdbc.update("INSERT INTO audit.record_case (record_id, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        recordId, Sql.uuid(caseId));
        } else if (recordId != null) {
            List<String> known = jdbc.queryForList("SELECT case_id::text FROM audit.record_case WHERE record_id = ?",
                                                   String.class, recordId);
            caseId = known.isEmpty() ? null : known.get(0);
        }
        var meta = message.getMetaData();
        jdbc.update("""
                INSERT INTO audit.entry (event_identifier, recorded_at, actor, actor_role, client_address, request_id,
                    command, event_type, record_id, case_id, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_identifier) DO NOTHING""",
                message.getIdentifier(), Sql.utc(message.getTimestamp()), meta.get(MetaDataKeys.ACTOR),
                meta.get(MetaDataKeys.ACTOR_ROLE), meta.get(MetaDataKeys.CLIENT_ADDRESS),
                meta.get(MetaDataKeys.REQUEST_ID), meta.get(MetaDataKeys.COMMAND),
                message.getPayloadType().getSimpleName(), recordId, caseId == null ? null : Sql.uuid(caseId), summary);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE audit.entry, audit.record_case");
    }

    /** The value of a record component of the payload, e.g. every event's {@code caseId} where it has one. */
    private static String component(Object payload, String name) {
        if (payload == null || !payload.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    Object value = component.getAccessor().invoke(payload);
                    return value == null ? null : value.toString();
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
