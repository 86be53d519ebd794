package org.casetrail.query.risk;

import java.time.Instant;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.casetrail.events.risk.RiskClosedEvent;
import org.casetrail.events.risk.RiskIdentifiedEvent;
import org.casetrail.events.risk.RiskReviewedEvent;
import org.casetrail.platform.db.Sql;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.query.projection.Json;
import org.casetrail.query.projection.Processors;
import org.casetrail.query.projection.VersionedRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each case's risk register, with every review. Writes are guarded by the risk's version. */
@Component
@ProcessingGroup(Processors.PROJECTIONS)
class RiskProjection {

    private static final VersionedRows.Table RISKS = new VersionedRows.Table("risk", "risk_id", "riskId");

    private final JdbcTemplate jdbc;
    private final Json json;
    private final VersionedRows rows;

    RiskProjection(JdbcTemplate jdbc, Json json, VersionedRows rows) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = rows;
    }

    @EventHandler
    void on(RiskIdentifiedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        rows.insert(RISKS, event.riskId(), sequence + 1, """
                INSERT INTO projections.risk (risk_id, case_id, contact_id, category, aspects, description, severity,
                    professionals, status, identified_at, identified_by, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'OPEN', ?, ?, ?) ON CONFLICT (risk_id) DO NOTHING""",
                Sql.uuid(event.riskId()), Sql.uuid(event.caseId()), Sql.uuid(event.contactId()),
                event.category().name(),
                event.aspects().stream().map(Enum::name).collect(Collectors.joining(",")), event.description(),
                event.severity().name(), json.write(event.professionalsInvolved()), Sql.utc(at), actor, sequence + 1);
    }

    @EventHandler
    void on(RiskReviewedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        long version = sequence + 1;
        if (rows.behind(RISKS, event.riskId(), version)) {
            // Queued before the change to the risk, so it reads the severity the risk had until this review.
            rows.addFor(RISKS, event.riskId(), """
                    INSERT INTO projections.risk_review (risk_id, version, contact_id, note, severity, previous_severity,
                        reviewed_at, reviewed_by)
                    SELECT ?, ?, ?, ?, ?, (SELECT severity FROM projections.risk WHERE risk_id = ?), ?, ?""",
                    Sql.uuid(event.riskId()), version, Sql.uuid(event.contactId()), event.note(),
                    event.severity().name(), Sql.uuid(event.riskId()), Sql.utc(at), actor);
            rows.update(RISKS, event.riskId(), version, "severity = ?", event.severity().name());
        }
    }

    @EventHandler
    void on(RiskClosedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        rows.update(RISKS, event.riskId(), sequence + 1,
                    "status = 'CLOSED', closed_at = ?, closed_by = ?, close_reason = ?", Sql.utc(at), actor,
                    event.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE projections.risk, projections.risk_review");
    }
}
