package org.casetrail.query.contact;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.casetrail.events.action.ActionAssignedEvent;
import org.casetrail.events.action.ActionCompletedEvent;
import org.casetrail.events.guidance.GuidanceRequestedEvent;
import org.casetrail.events.risk.RiskIdentifiedEvent;
import org.casetrail.events.risk.RiskReviewedEvent;
import org.casetrail.events.session.SessionBookedEvent;
import org.casetrail.events.session.SessionHeldEvent;
import org.casetrail.platform.db.BatchedWrites;
import org.casetrail.platform.db.Sql;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.query.projection.Processors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each contact gave rise to or recorded (headings 5 to 7): risks identified or reviewed, actions assigned or
 * completed, guidance requested, the next session booked, the session it was the holding of. Rows are only ever
 * added, each with its recording time, so a contact read as of a date lists exactly the links known then.
 */
@Component
@ProcessingGroup(Processors.PROJECTIONS)
class ContactLinksProjection {

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    ContactLinksProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(RiskIdentifiedEvent event, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        link(event.contactId(), "RISK", event.riskId(), "IDENTIFIED",
             event.severity() + " risk " + event.category().name().toLowerCase().replace('_', ' ') + ": "
             + event.description(), at, actor, event.reasonAfterSigning());
    }

    @EventHandler
    void on(RiskReviewedEvent event, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        link(event.contactId(), "RISK", event.riskId(), "REVIEWED",
             "Reviewed, now " + event.severity() + ": " + event.note(), at, actor, null);
    }

    @EventHandler
    void on(ActionAssignedEvent event, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        link(event.contactId(), "ACTION", event.actionId(), "ASSIGNED",
             event.assignee() + " by " + event.dueDate() + ": " + event.description(), at, actor,
             event.reasonAfterSigning());
    }

    @EventHandler
    void on(ActionCompletedEvent event, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        link(event.contactId(), "ACTION", event.actionId(), "COMPLETED", "Completed: " + event.outcome(), at, actor,
             null);
    }

    @EventHandler
    void on(GuidanceRequestedEvent event, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        link(event.contactId(), "GUIDANCE", event.requestId(), "REQUESTED",
             event.urgency() + ": " + event.question(), at, actor, event.reasonAfterSigning());
    }

    @EventHandler
    void on(SessionBookedEvent event, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        link(event.contactId(), "SESSION", event.sessionId(), "BOOKED",
             event.setting().type() + " session booked" + (event.focus() == null ? "" : ": " + event.focus()), at,
             actor, event.reasonAfterSigning());
    }

    @EventHandler
    void on(SessionHeldEvent event, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        link(event.contactId(), "SESSION", event.sessionId(), "HELD", "This contact is the booked session", at,
             actor, null);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE projections.contact_link");
    }

    private void link(String contactId, String type, String itemId, String relation, String summary, Instant at,
                      String actor, String reasonAfterSigning) {
        writes.add("""
                INSERT INTO projections.contact_link (contact_id, item_type, item_id, relation, summary, recorded_at,
                    recorded_by, reason_after_signing) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contact_id, item_type, item_id, relation) DO NOTHING""",
                Sql.uuid(contactId), type, Sql.uuid(itemId), relation, summary, Sql.utc(at), actor,
                reasonAfterSigning);
    }
}
