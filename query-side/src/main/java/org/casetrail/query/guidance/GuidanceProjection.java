package org.casetrail.query.guidance;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.casetrail.events.guidance.GuidanceGivenEvent;
import org.casetrail.events.guidance.GuidanceRequestedEvent;
import org.casetrail.platform.db.Sql;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.query.projection.Processors;
import org.casetrail.query.projection.VersionedRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Requests for a manager's guidance and their answers. */
@Component
@ProcessingGroup(Processors.PROJECTIONS)
class GuidanceProjection {

    private static final VersionedRows.Table REQUESTS = new VersionedRows.Table("guidance_request", "request_id",
                                                                               "requestId");

    private final JdbcTemplate jdbc;
    private final VersionedRows rows;

    GuidanceProjection(JdbcTemplate jdbc, VersionedRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventHandler
    void on(GuidanceRequestedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        rows.insert(REQUESTS, event.requestId(), sequence + 1, """
                INSERT INTO projections.guidance_request (request_id, case_id, contact_id, question, urgency, status,
                    requested_at, requested_by, version)
                VALUES (?, ?, ?, ?, ?, 'AWAITING', ?, ?, ?) ON CONFLICT (request_id) DO NOTHING""",
                Sql.uuid(event.requestId()), Sql.uuid(event.caseId()), Sql.uuid(event.contactId()), event.question(),
                event.urgency().name(), Sql.utc(at), actor, sequence + 1);
    }

    @EventHandler
    void on(GuidanceGivenEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        rows.update(REQUESTS, event.requestId(), sequence + 1,
                    "status = 'ANSWERED', guidance = ?, answered_at = ?, answered_by = ?", event.guidance(),
                    Sql.utc(at), actor);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE projections.guidance_request");
    }
}
