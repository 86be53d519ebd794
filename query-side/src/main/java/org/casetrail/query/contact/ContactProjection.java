package org.casetrail.query.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.casetrail.events.contact.AddendumAddedEvent;
import org.casetrail.events.contact.AttendeesChangedEvent;
import org.casetrail.events.contact.ChildVisitChangedEvent;
import org.casetrail.events.contact.ContactCorrectedEvent;
import org.casetrail.events.contact.ContactDiscardedEvent;
import org.casetrail.events.contact.ContactDraftedEvent;
import org.casetrail.events.contact.ContactFinalisedEvent;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.DescriptionChangedEvent;
import org.casetrail.events.contact.PurposeChangedEvent;
import org.casetrail.events.contact.SettingChangedEvent;
import org.casetrail.events.contact.StatementsChangedEvent;
import org.casetrail.events.contact.TimingChangedEvent;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.db.BatchedWrites;
import org.casetrail.platform.db.Sql;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.query.projection.Json;
import org.casetrail.query.projection.Processors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every contact as it stands and as it stood after each of its events. A version row, once written, is never
 * changed: the next event writes the next row from the previous one.
 */
@Component
@ProcessingGroup(Processors.PROJECTIONS)
class ContactProjection {

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final Json json;
    private final Duration lateEntryAfter;

    ContactProjection(JdbcTemplate jdbc, BatchedWrites writes, Json json, CasetrailProperties properties) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
        this.lateEntryAfter = properties.contacts().lateEntryAfter();
    }

    @EventHandler
    void on(ContactDraftedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        store(ContactState.next(null, event, at, actor).asVersion(sequence + 1, at, actor, lateEntryAfter),
              "DRAFTED", null, null);
    }

    @EventHandler
    void on(AttendeesChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        next(event.contactId(), sequence, at, actor, "ATTENDEES_CHANGED", null, null, event);
    }

    @EventHandler
    void on(SettingChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        next(event.contactId(), sequence, at, actor, "SETTING_CHANGED", null, null, event);
    }

    @EventHandler
    void on(TimingChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        next(event.contactId(), sequence, at, actor, "TIMING_CHANGED", null, null, event);
    }

    @EventHandler
    void on(PurposeChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        next(event.contactId(), sequence, at, actor, "PURPOSE_CHANGED", null, null, event);
    }

    @EventHandler
    void on(ChildVisitChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        next(event.contactId(), sequence, at, actor, "CHILD_VISIT_CHANGED", null, null, event);
    }

    @EventHandler
    void on(StatementsChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        next(event.contactId(), sequence, at, actor, "STATEMENTS_CHANGED", null, null, event);
    }

    @EventHandler
    void on(DescriptionChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        next(event.contactId(), sequence, at, actor, "DESCRIPTION_CHANGED", null, null, event);
    }

    @EventHandler
    void on(ContactFinalisedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        next(event.contactId(), sequence, at, actor, "FINALISED", null, null, event);
    }

    @EventHandler
    void on(AddendumAddedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        next(event.contactId(), sequence, at, actor, "ADDENDUM_ADDED", null, event.reason(), event);
    }

    @EventHandler
    void on(ContactCorrectedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        next(event.contactId(), sequence, at, actor, "CORRECTED", event.section(), event.reason(), event);
    }

    @EventHandler
    void on(ContactDiscardedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        next(event.contactId(), sequence, at, actor, "DISCARDED", null, event.reason(), event);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE projections.contact, projections.contact_version");
    }

    private void next(String contactId, long sequence, Instant at, String actor, String change,
                      ContactSection section, String reason, Object event) {
        long version = sequence + 1;
        ContactState previous = this.<ContactState>pending().get(contactId);
        if (previous == null || previous.version() != version - 1) {
            List<String> stored = jdbc.queryForList(
                    "SELECT state::text FROM projections.contact_version WHERE contact_id = ? AND version = ?",
                    String.class, Sql.uuid(contactId), version - 1);
            if (stored.isEmpty()) {
                throw new IllegalStateException("Contact " + contactId + " has no version " + (version - 1)
                                                + " to apply version " + version + " to");
            }
            previous = json.read(stored.get(0), ContactState.class);
        }
        ContactState next = ContactState.next(previous, event, at, actor)
                                        .asVersion(version, at, actor, lateEntryAfter);
        store(next, change, section, reason);
    }

    private <T> Map<Object, T> pending() {
        return writes.pending("contact-states");
    }

    /**
     * Stores a version and makes it the contact's current state. Both writes are queued for the end of the batch:
     * the version insert does nothing for a version already stored (an event handled again after a restart), and
     * the current row only ever moves to a later version.
     */
    private void store(ContactState state, String change, ContactSection section, String reason) {
        String stored = json.write(state);
        this.<ContactState>pending().put(state.contactId(), state);
        writes.add("""
                INSERT INTO projections.contact_version (contact_id, version, recorded_at, recorded_by, change, section,
                    reason, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (contact_id, version) DO NOTHING""",
                Sql.uuid(state.contactId()), state.version(), Sql.utc(state.versionRecordedAt()),
                state.versionRecordedBy(), change, section == null ? null : section.name(), reason, stored);
        writes.put("""
                INSERT INTO projections.contact (contact_id, case_id, status, author, occurred_at, ended_at,
                    setting_type, recorded_at, finalised_at, late_entry, amended, version, state, child_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (contact_id) DO UPDATE SET status = excluded.status, occurred_at = excluded.occurred_at,
                    ended_at = excluded.ended_at, setting_type = excluded.setting_type,
                    child_seen = excluded.child_seen,
                    finalised_at = excluded.finalised_at, late_entry = excluded.late_entry,
                    amended = excluded.amended, version = excluded.version, state = excluded.state
                WHERE projections.contact.version < excluded.version""", Sql.uuid(state.contactId()),
                Sql.uuid(state.contactId()), Sql.uuid(state.caseId()), state.status(), state.author(),
                Sql.utc(state.occurredAt()), Sql.utc(state.endedAt()), state.setting().type().name(),
                Sql.utc(state.recordedAt()), Sql.utc(state.finalisedAt()), state.lateEntry(), state.amended(),
                state.version(), stored, state.childVisit() == null ? null : state.childVisit().childSeen());
    }
}
