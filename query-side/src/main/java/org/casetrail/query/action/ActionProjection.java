package org.casetrail.query.action;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.casetrail.events.action.ActionAssignedEvent;
import org.casetrail.events.action.ActionCancelledEvent;
import org.casetrail.events.action.ActionCompletedEvent;
import org.casetrail.events.action.ActionReassignedEvent;
import org.casetrail.events.action.ActionRedatedEvent;
import org.casetrail.platform.db.BatchedWrites;
import org.casetrail.platform.db.Sql;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.query.projection.Processors;
import org.casetrail.query.projection.VersionedRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Actions across every contact, with each reassignment and new due date. Writes are guarded by version. */
@Component
@ProcessingGroup(Processors.PROJECTIONS)
class ActionProjection {

    private static final VersionedRows.Table ACTIONS = new VersionedRows.Table("action_item", "action_id", "actionId");

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final VersionedRows rows;

    ActionProjection(JdbcTemplate jdbc, BatchedWrites writes, VersionedRows rows) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.rows = rows;
    }

    @EventHandler
    void on(ActionAssignedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        boolean inserted = rows.insert(ACTIONS, event.actionId(), sequence + 1, """
                INSERT INTO projections.action_item (action_id, case_id, contact_id, description, assignee, due_date,
                    term, status, assigned_at, assigned_by, version, expected_outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'OUTSTANDING', ?, ?, ?, ?) ON CONFLICT (action_id) DO NOTHING""",
                Sql.uuid(event.actionId()), Sql.uuid(event.caseId()), Sql.uuid(event.contactId()), event.description(),
                event.assignee(), event.dueDate(), event.term().name(), Sql.utc(at), actor, sequence + 1,
                event.expectedOutcome());
        if (inserted) {
            history(event.actionId(), sequence + 1, "ASSIGNED", event.assignee(), event.dueDate(), null, at, actor);
        }
    }

    @EventHandler
    void on(ActionReassignedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        if (update("assignee = ?", event.actionId(), sequence, event.assignee())) {
            history(event.actionId(), sequence + 1, "REASSIGNED", event.assignee(), null, event.reason(), at, actor);
        }
    }

    @EventHandler
    void on(ActionRedatedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        if (update("due_date = ?", event.actionId(), sequence, event.dueDate())) {
            history(event.actionId(), sequence + 1, "REDATED", null, event.dueDate(), event.reason(), at, actor);
        }
    }

    @EventHandler
    void on(ActionCompletedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        if (update("status = 'COMPLETED', closed_at = ?, closed_by = ?, completed_contact_id = ?, outcome = ?",
                   event.actionId(), sequence, Sql.utc(at), actor, Sql.uuid(event.contactId()), event.outcome())) {
            history(event.actionId(), sequence + 1, "COMPLETED", null, null, event.outcome(), at, actor);
        }
    }

    @EventHandler
    void on(ActionCancelledEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        if (update("status = 'CANCELLED', closed_at = ?, closed_by = ?, cancel_reason = ?", event.actionId(), sequence,
                   Sql.utc(at), actor, event.reason())) {
            history(event.actionId(), sequence + 1, "CANCELLED", null, null, event.reason(), at, actor);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE projections.action_item, projections.action_change");
    }

    private boolean update(String set, String id, long sequence, Object... values) {
        return rows.update(ACTIONS, id, sequence + 1, set, values);
    }

    private void history(String actionId, long version, String change, String assignee, LocalDate dueDate,
                         String reason, Instant at, String actor) {
        writes.add("""
                INSERT INTO projections.action_change (action_id, version, change, assignee, due_date, reason,
                    changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                Sql.uuid(actionId), version, change, assignee, dueDate, reason, Sql.utc(at), actor);
    }
}
