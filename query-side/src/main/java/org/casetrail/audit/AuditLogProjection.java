package org.casetrail.audit;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.casetrail.events.audit.RecordViewedEvent;
import org.casetrail.platform.db.BatchedWrites;
import org.casetrail.platform.db.Sql;
import org.casetrail.platform.eventstore.ParkedEvents;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every event and every read of case data, for the audit query: who, when, what, which command, from where, and
 * the case it concerns (found through the record it names when the event itself does not carry the case).
 */
@Component
@ProcessingGroup(ParkedEvents.AUDIT_LOG)
class AuditLogProjection {

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    AuditLogProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(EventMessage<?> message) {
        Object payload = message.getPayload();
        String recordId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        String caseId = caseId(payload);
        String summary;
        if (payload instanceof RecordViewedEvent viewed) {
            recordId = viewed.recordId();
            summary = "viewed " + viewed.path() + (viewed.query() == null ? "" : "?" + viewed.query());
        } else {
            summary = SUMMARY.get(message.getPayloadType());
        }
        Map<Object, String> pendingCases = writes.pending("record-case");
        if (caseId != null && recordId != null) {
            if (pendingCases.putIfAbsent(recordId, caseId) == null) {
                writes.add("INSERT INTO audit.record_case (record_id, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                           recordId, Sql.uuid(caseId));
            }
        } else if (recordId != null) {
            // Events applied by the service carry their case (stores written before they did, not always).
            caseId = message.getMetaData().get(MetaDataKeys.CASE_ID) instanceof String carried ? carried
                    : pendingCases.get(recordId);
            if (caseId == null) {
                List<String> known = jdbc.queryForList(
                        "SELECT case_id::text FROM audit.record_case WHERE record_id = ?", String.class, recordId);
                caseId = known.isEmpty() ? null : known.get(0);
                if (caseId != null) {
                    // Stored already: later reads of the record in this batch need not ask again.
                    pendingCases.put(recordId, caseId);
                }
            }
        }
        var meta = message.getMetaData();
        writes.add("""
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

    /** Each event type's {@code caseId} accessor (null where it has none), looked up once per type. */
    private static final ClassValue<Method> CASE_ID = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getName().equals("caseId")) {
                        return component.getAccessor();
                    }
                }
            }
            return null;
        }
    };

    /** Each event type's name in words, e.g. "contact drafted" for ContactDraftedEvent. */
    private static final ClassValue<String> SUMMARY = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName().replaceAll("Event$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }
    };

    /** The payload's case id, where its type has one. */
    private static String caseId(Object payload) {
        Method accessor = payload == null ? null : CASE_ID.get(payload.getClass());
        if (accessor == null) {
            return null;
        }
        try {
            Object value = accessor.invoke(payload);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
