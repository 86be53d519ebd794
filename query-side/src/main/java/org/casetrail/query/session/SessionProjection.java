package org.casetrail.query.session;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.casetrail.events.session.NoAccessRecordedEvent;
import org.casetrail.events.session.SessionBookedEvent;
import org.casetrail.events.session.SessionCancelledEvent;
import org.casetrail.events.session.SessionHeldEvent;
import org.casetrail.events.session.SessionReleasedEvent;
import org.casetrail.events.session.SessionMissedEvent;
import org.casetrail.events.session.SessionRescheduledEvent;
import org.casetrail.platform.db.BatchedWrites;
import org.casetrail.platform.db.Sql;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.query.projection.Processors;
import org.casetrail.query.projection.VersionedRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each case's sessions, with every change to them. A rescheduled session stays BOOKED and keeps its history. */
@Component
@ProcessingGroup(Processors.PROJECTIONS)
class SessionProjection {

    private static final VersionedRows.Table BOOKINGS = new VersionedRows.Table("session_booking", "session_id",
                                                                                "sessionId");

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final VersionedRows rows;

    SessionProjection(JdbcTemplate jdbc, BatchedWrites writes, VersionedRows rows) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.rows = rows;
    }

    @EventHandler
    void on(SessionBookedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        boolean inserted = rows.insert(BOOKINGS, event.sessionId(), sequence + 1, """
                INSERT INTO projections.session_booking (session_id, case_id, contact_id, scheduled_for, setting_type,
                    location, focus, status, booked_at, booked_by, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?) ON CONFLICT (session_id) DO NOTHING""",
                Sql.uuid(event.sessionId()), Sql.uuid(event.caseId()), Sql.uuid(event.contactId()),
                Sql.utc(event.scheduledFor()), event.setting().type().name(), event.setting().location(),
                event.focus(), Sql.utc(at), actor, sequence + 1);
        if (inserted) {
            history(event.sessionId(), sequence + 1, "BOOKED", event.scheduledFor(), null, event.focus(), at, actor);
        }
    }

    @EventHandler
    void on(SessionRescheduledEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        if (update("scheduled_for = ?", event.sessionId(), sequence, Sql.utc(event.scheduledFor()))) {
            history(event.sessionId(), sequence + 1, "RESCHEDULED", event.scheduledFor(), null, event.reason(), at,
                    actor);
        }
    }

    @EventHandler
    void on(SessionCancelledEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        if (update("status = 'CANCELLED'", event.sessionId(), sequence)) {
            history(event.sessionId(), sequence + 1, "CANCELLED", null, null, event.reason(), at, actor);
        }
    }

    @EventHandler
    void on(NoAccessRecordedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        if (update("status = 'NO_ACCESS'", event.sessionId(), sequence)) {
            history(event.sessionId(), sequence + 1, "NO_ACCESS", null, event.attemptedAt(), event.note(), at, actor);
        }
    }

    @EventHandler
    void on(SessionMissedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        if (update("status = 'MISSED'", event.sessionId(), sequence)) {
            history(event.sessionId(), sequence + 1, "MISSED", null, null, event.note(), at, actor);
        }
    }

    @EventHandler
    void on(SessionHeldEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        if (update("status = 'HELD', held_contact_id = ?", event.sessionId(), sequence, Sql.uuid(event.contactId()))) {
            history(event.sessionId(), sequence + 1, "HELD", null, null, null, at, actor);
        }
    }

    @EventHandler
    void on(SessionReleasedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        if (update("status = 'BOOKED', held_contact_id = NULL", event.sessionId(), sequence)) {
            history(event.sessionId(), sequence + 1, "RELEASED", null, null, "The draft recording it was discarded",
                    at, actor);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE projections.session_booking, projections.session_change");
    }

    private boolean update(String set, String id, long sequence, Object... values) {
        return rows.update(BOOKINGS, id, sequence + 1, set, values);
    }

    private void history(String sessionId, long version, String change, Instant scheduledFor, Instant attemptedAt,
                         String note, Instant at, String actor) {
        writes.add("""
                INSERT INTO projections.session_change (session_id, version, change, scheduled_for, attempted_at, note,
                    changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                Sql.uuid(sessionId), version, change, Sql.utc(scheduledFor), Sql.utc(attemptedAt), note, Sql.utc(at),
                actor);
    }
}
