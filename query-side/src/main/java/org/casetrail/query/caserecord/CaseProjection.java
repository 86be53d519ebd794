package org.casetrail.query.caserecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.casetrail.events.caserecord.CaseClosedEvent;
import org.casetrail.events.caserecord.CaseOpenedEvent;
import org.casetrail.events.caserecord.CaseReopenedEvent;
import org.casetrail.events.caserecord.PlanRecordedEvent;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.db.BatchedWrites;
import org.casetrail.platform.db.Sql;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.platform.time.Times;
import org.casetrail.query.projection.Processors;
import org.casetrail.query.projection.VersionedRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The case list and case view. Each write is guarded by the event's version, so handling an event a second time
 * (after a crash between a batch and its token) changes nothing.
 */
@Component
@ProcessingGroup(Processors.PROJECTIONS)
class CaseProjection {

    private static final VersionedRows.Table CASES = new VersionedRows.Table("case_record", "case_id", "caseId");

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final VersionedRows rows;
    private final ZoneId zone;

    CaseProjection(JdbcTemplate jdbc, BatchedWrites writes, VersionedRows rows, CasetrailProperties properties) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.rows = rows;
        this.zone = properties.timeZone();
    }

    /** The date of referral or opening; for a case opened before it was asked, the day it was recorded. */
    private LocalDate openedOn(CaseOpenedEvent event, Instant at) {
        return event.openedOn() != null ? event.openedOn() : Times.at(at, zone).toLocalDate();
    }

    @EventHandler
    void on(CaseOpenedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        long version = sequence + 1;
        var user = event.serviceUser();
        rows.insert(CASES, event.caseId(), version, """
                INSERT INTO projections.case_record (case_id, service_user_name, date_of_birth, reference, plan_type,
                    allocated_worker, status, opened_at, opened_by, opened_on, version)
                VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""",
                Sql.uuid(event.caseId()), user.name(), user.dateOfBirth(), user.reference(), event.planType().name(),
                event.allocatedWorker(), Sql.utc(at), actor, openedOn(event, at), version);
        statusChanged(event.caseId(), version, "OPEN", null, at, actor);
    }

    @EventHandler
    void on(PlanRecordedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        long version = sequence + 1;
        if (rows.update(CASES, event.caseId(), version, "plan_count = plan_count + 1")) {
            writes.add("""
                    INSERT INTO projections.case_plan (plan_id, case_id, kind, title, plan_date, summary, recorded_at,
                        recorded_by, version, visit_frequency)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id) DO NOTHING""",
                    Sql.uuid(event.planId()), Sql.uuid(event.caseId()), event.kind().name(), event.title(), event.date(),
                    event.summary(), Sql.utc(at), actor, version, event.visitFrequency());
        }
    }

    @EventHandler
    void on(CaseClosedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        setStatus(event.caseId(), sequence + 1, "CLOSED", event.reason(), at, actor);
    }

    @EventHandler
    void on(CaseReopenedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        setStatus(event.caseId(), sequence + 1, "OPEN", event.reason(), at, actor);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE projections.case_record, projections.case_plan, projections.case_status_change");
    }

    private void setStatus(String caseId, long version, String status, String reason, Instant at, String actor) {
        if (rows.update(CASES, caseId, version, "status = ?, status_changed_at = ?", status, Sql.utc(at))) {
            statusChanged(caseId, version, status, reason, at, actor);
        }
    }

    private void statusChanged(String caseId, long version, String status, String reason, Instant at,
                               String actor) {
        writes.add("""
                INSERT INTO projections.case_status_change (case_id, version, status, reason, changed_at, changed_by)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, version) DO NOTHING""",
                Sql.uuid(caseId), version, status, reason, Sql.utc(at), actor);
    }
}
