package org.casetrail.query.chronology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.casetrail.events.action.ActionAssignedEvent;
import org.casetrail.events.action.ActionCancelledEvent;
import org.casetrail.events.action.ActionCompletedEvent;
import org.casetrail.events.caserecord.CaseClosedEvent;
import org.casetrail.events.caserecord.CaseOpenedEvent;
import org.casetrail.events.caserecord.CaseReopenedEvent;
import org.casetrail.events.caserecord.PlanRecordedEvent;
import org.casetrail.events.contact.AddendumAddedEvent;
import org.casetrail.events.contact.AttendeesChangedEvent;
import org.casetrail.events.contact.ChildVisitChangedEvent;
import org.casetrail.events.contact.StatementsChangedEvent;
import org.casetrail.events.contact.ContactCorrectedEvent;
import org.casetrail.events.contact.ContactDiscardedEvent;
import org.casetrail.events.contact.ContactDraftedEvent;
import org.casetrail.events.contact.ContactFinalisedEvent;
import org.casetrail.events.contact.DescriptionChangedEvent;
import org.casetrail.events.contact.PurposeChangedEvent;
import org.casetrail.events.contact.SettingChangedEvent;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.contact.TimingChangedEvent;
import org.casetrail.events.guidance.GuidanceGivenEvent;
import org.casetrail.events.guidance.GuidanceRequestedEvent;
import org.casetrail.events.risk.RiskClosedEvent;
import org.casetrail.events.risk.RiskIdentifiedEvent;
import org.casetrail.events.risk.RiskReviewedEvent;
import org.casetrail.events.session.NoAccessRecordedEvent;
import org.casetrail.events.session.SessionBookedEvent;
import org.casetrail.events.session.SessionMissedEvent;
import org.casetrail.events.significance.SignificanceMarkedEvent;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.db.BatchedWrites;
import org.casetrail.platform.db.Sql;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.platform.time.Times;
import org.casetrail.query.contact.ContactState;
import org.casetrail.query.contact.SectionText;
import org.casetrail.query.projection.Json;
import org.casetrail.query.projection.Processors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each case's chronology: an entry for each significant event, with a brief factual summary written from the
 * event. A signed contact is one entry whose later versions (after an addendum or a correction) keep the
 * recording times they were valid between; everything else is one entry that never changes. Drafts do not
 * appear: a note enters the chronology when it is signed.
 */
@Component
@ProcessingGroup(Processors.PROJECTIONS)
class ChronologyProjection {

    private static final int SUMMARY_LIMIT = 240;
    private static final DateTimeFormatter SCHEDULED = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm zzz", Locale.UK);

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final Json json;
    private final Duration lateEntryAfter;
    private final ZoneId zone;

    ChronologyProjection(JdbcTemplate jdbc, BatchedWrites writes, Json json, CasetrailProperties properties) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
        this.lateEntryAfter = properties.contacts().lateEntryAfter();
        this.zone = properties.timeZone();
    }

    /**
     * One version of an entry. {@code raisedIn} is the contact a follow-up was raised in (it takes that contact's
     * time); {@code addedAfterSigning} marks one raised in a contact already signed, with the reason given.
     */
    record Entry(String entryId, long version, String caseId, Instant occurredAt, Instant occurredUntil,
                 String category, String summary, String sourceType, String sourceId, long sourceVersion,
                 String impact, String outcome, Instant recordedAt, String recordedBy, boolean lateEntry,
                 boolean amended, Instant validFrom, Instant validTo, String raisedIn, boolean addedAfterSigning,
                 String reasonAfterSigning) {

        Entry endingAt(Instant at) {
            return new Entry(entryId, version, caseId, occurredAt, occurredUntil, category, summary, sourceType,
                             sourceId, sourceVersion, impact, outcome, recordedAt, recordedBy, lateEntry, amended,
                             validFrom, at, raisedIn, addedAfterSigning, reasonAfterSigning);
        }

        /** The next version of this entry, valid from {@code at}, taking place at its contact's (new) time. */
        Entry at(long nextVersion, Instant occurred, boolean late, Instant from, boolean signedBefore) {
            return new Entry(entryId, nextVersion, caseId, occurred, occurredUntil, category, summary, sourceType,
                             sourceId, sourceVersion, impact, outcome, recordedAt, recordedBy, late, amended, from,
                             null, raisedIn, signedBefore, reasonAfterSigning);
        }
    }

    // Cases and plans

    @EventHandler
    void on(CaseOpenedEvent event, @MessageIdentifier String id, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        // The chronology starts on the date of referral or opening (dated, not timed: the entry spans the day); a
        // case opened before that date was asked for starts when it was recorded.
        LocalDate opened = event.openedOn();
        once(id, event.caseId(), opened == null ? at : Times.startOfDay(opened, zone),
             opened == null ? null : Times.startOfDay(Times.dayAfter(opened), zone), "case", "Case opened ("
             + words(event.planType().name()) + "), allocated to " + event.allocatedWorker(), "CASE", event.caseId(),
             sequence, at, actor);
    }

    @EventHandler
    void on(CaseClosedEvent event, @MessageIdentifier String id, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        once(id, event.caseId(), at, null, "case", "Case closed: " + event.reason(), "CASE", event.caseId(), sequence,
             at, actor);
    }

    @EventHandler
    void on(CaseReopenedEvent event, @MessageIdentifier String id, @Timestamp Instant at,
            @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        once(id, event.caseId(), at, null, "case", "Case reopened: " + event.reason(), "CASE", event.caseId(),
             sequence, at, actor);
    }

    @EventHandler
    void on(PlanRecordedEvent event, @MessageIdentifier String id, @Timestamp Instant at,
            @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        // A plan is dated, not timed: the entry spans its whole day.
        Instant day = Times.startOfDay(event.date(), zone);
        once(id, event.caseId(), day, Times.startOfDay(Times.dayAfter(event.date()), zone), "plan",
             capitalised(words(event.kind().name())) + " recorded: " + event.title(), "PLAN", event.planId(), sequence,
             at, actor);
    }

    // Contacts

    @EventHandler
    void on(ContactDraftedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contact(event.contactId(), event, at, sequence, actor);
    }

    @EventHandler
    void on(AttendeesChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contact(event.contactId(), event, at, sequence, actor);
    }

    @EventHandler
    void on(SettingChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contact(event.contactId(), event, at, sequence, actor);
    }

    @EventHandler
    void on(TimingChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contact(event.contactId(), event, at, sequence, actor);
    }

    @EventHandler
    void on(PurposeChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contact(event.contactId(), event, at, sequence, actor);
    }

    @EventHandler
    void on(DescriptionChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contact(event.contactId(), event, at, sequence, actor);
    }

    @EventHandler
    void on(StatementsChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contact(event.contactId(), event, at, sequence, actor);
    }

    @EventHandler
    void on(ChildVisitChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contact(event.contactId(), event, at, sequence, actor);
    }

    @EventHandler
    void on(ContactFinalisedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contact(event.contactId(), event, at, sequence, actor);
    }

    @EventHandler
    void on(AddendumAddedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contact(event.contactId(), event, at, sequence, actor);
    }

    @EventHandler
    void on(ContactCorrectedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contact(event.contactId(), event, at, sequence, actor);
    }

    @EventHandler
    void on(ContactDiscardedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contact(event.contactId(), event, at, sequence, actor);
    }

    // Follow-ups

    @EventHandler
    void on(RiskIdentifiedEvent event, @MessageIdentifier String id, @Timestamp Instant at,
            @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        item(event.riskId(), event.caseId(), event.description(), event.severity().name(), null);
        raised(id, event.caseId(), event.contactId(), event.reasonAfterSigning(), "risk", "Risk identified ("
               + event.severity() + ", " + words(event.category().name()) + "): " + event.description(), "RISK",
               event.riskId(), sequence, at, actor);
    }

    @EventHandler
    void on(RiskReviewedEvent event, @MessageIdentifier String id, @Timestamp Instant at,
            @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        var item = item(event.riskId());
        if (!event.severity().name().equals(item.severity())) {
            once(id, item.caseId(), at, null, "risk", "Risk re-graded " + item.severity() + " to " + event.severity()
                 + ": " + item.label() + ". " + event.note(), "RISK", event.riskId(), sequence, at, actor);
            regrade(event.riskId(), item, event.severity().name());
        }
    }

    @EventHandler
    void on(RiskClosedEvent event, @MessageIdentifier String id, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        var item = item(event.riskId());
        once(id, item.caseId(), at, null, "risk", "Risk closed: " + item.label() + ". " + event.reason(), "RISK",
             event.riskId(), sequence, at, actor);
    }

    @EventHandler
    void on(ActionAssignedEvent event, @MessageIdentifier String id, @Timestamp Instant at,
            @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        item(event.actionId(), event.caseId(), event.description(), null, null);
        raised(id, event.caseId(), event.contactId(), event.reasonAfterSigning(), "action", "Action for "
               + event.assignee() + " by " + event.dueDate() + ": " + event.description(), "ACTION",
               event.actionId(), sequence, at, actor);
    }

    @EventHandler
    void on(ActionCompletedEvent event, @MessageIdentifier String id, @Timestamp Instant at,
            @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        var item = item(event.actionId());
        onceWithOutcome(id, item.caseId(), at, "action", "Action completed: " + item.label(), event.outcome(),
                        "ACTION", event.actionId(), sequence, actor);
    }

    @EventHandler
    void on(ActionCancelledEvent event, @MessageIdentifier String id, @Timestamp Instant at,
            @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        var item = item(event.actionId());
        once(id, item.caseId(), at, null, "action", "Action cancelled: " + item.label() + ". " + event.reason(),
             "ACTION", event.actionId(), sequence, at, actor);
    }

    @EventHandler
    void on(GuidanceRequestedEvent event, @MessageIdentifier String id, @Timestamp Instant at,
            @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        item(event.requestId(), event.caseId(), event.question(), null, null);
        raised(id, event.caseId(), event.contactId(), event.reasonAfterSigning(), "guidance",
               "Manager's guidance requested (" + words(event.urgency().name()) + "): " + event.question(),
               "GUIDANCE", event.requestId(), sequence, at, actor);
    }

    @EventHandler
    void on(GuidanceGivenEvent event, @MessageIdentifier String id, @Timestamp Instant at,
            @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        var item = item(event.requestId());
        onceWithOutcome(id, item.caseId(), at, "guidance", "Guidance given by " + actor + " on: " + item.label(),
                        event.guidance(), "GUIDANCE", event.requestId(), sequence, actor);
    }

    @EventHandler
    void on(SessionBookedEvent event, @MessageIdentifier String id, @Timestamp Instant at,
            @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        String label = words(event.setting().type().name()) + " session"
                       + (event.focus() == null ? "" : " (" + event.focus() + ")");
        item(event.sessionId(), event.caseId(), label, null, event.scheduledFor());
        raised(id, event.caseId(), event.contactId(), event.reasonAfterSigning(), "session",
               "Next session arranged for " + SCHEDULED.format(Times.at(event.scheduledFor(), zone)) + ": "
               + capitalised(label), "SESSION", event.sessionId(), sequence, at, actor);
    }

    @EventHandler
    void on(NoAccessRecordedEvent event, @MessageIdentifier String id, @Timestamp Instant at,
            @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        var item = item(event.sessionId());
        once(id, item.caseId(), event.attemptedAt(), null, "session", "No access: " + item.label()
             + (event.note() == null ? "" : ". " + event.note()), "SESSION", event.sessionId(), sequence, at, actor);
    }

    @EventHandler
    void on(SessionMissedEvent event, @MessageIdentifier String id, @Timestamp Instant at,
            @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        var item = item(event.sessionId());
        once(id, item.caseId(), item.scheduledFor(), null, "session", "Session missed: " + item.label()
             + (event.note() == null ? "" : ". " + event.note()), "SESSION", event.sessionId(), sequence, at, actor);
    }

    // Significance

    /** One version of an item's mark; a later marking ends it. */
    private record Mark(String itemId, long version, String caseId, boolean significant, String impact,
                        Instant markedAt, String markedBy, Instant validTo) {
    }

    @EventHandler
    void on(SignificanceMarkedEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        long version = sequence + 1;
        Map<Object, Mark> marks = writes.pending("chronology-marks");
        Mark previous = marks.get(event.itemId());
        if (previous != null && previous.version() < version) {
            mark(new Mark(previous.itemId(), previous.version(), previous.caseId(), previous.significant(),
                          previous.impact(), previous.markedAt(), previous.markedBy(), at));
        } else if (previous == null) {
            jdbc.update("""
                    UPDATE projections.chronology_significance SET valid_to = ?
                    WHERE item_id = ? AND valid_to IS NULL AND version < ?""", Sql.utc(at), Sql.uuid(event.itemId()),
                    version);
        }
        Mark mark = new Mark(event.itemId(), version, event.caseId(), event.significant(), event.impact(), at, actor,
                             null);
        marks.put(event.itemId(), mark);
        mark(mark);
    }

    private void mark(Mark mark) {
        writes.put("""
                INSERT INTO projections.chronology_significance (item_id, version, case_id, significant, impact,
                    marked_at, marked_by, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_id, version) DO NOTHING""",
                mark.itemId() + "#" + mark.version(), Sql.uuid(mark.itemId()), mark.version(), Sql.uuid(mark.caseId()),
                mark.significant(), mark.impact(), Sql.utc(mark.markedAt()), mark.markedBy(),
                Sql.utc(mark.markedAt()), Sql.utc(mark.validTo()));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE projections.chronology_entry, projections.chronology_contact, "
                     + "projections.chronology_item, projections.chronology_held, "
                     + "projections.chronology_significance");
    }

    // How entries are written

    // Writes are queued with BatchedWrites and sent together before the batch of events commits; what a later
    // event of the same batch needs (a contact's state, an item, an entry to supersede) is kept pending meanwhile.

    private void contact(String contactId, Object event, Instant at, long sequence, String actor) {
        long version = sequence + 1;
        Map<Object, ContactState> contacts = writes.pending("chronology-contacts");
        ContactState previous = contactState(contactId);
        if (previous != null && previous.version() >= version) {
            return;
        }
        ContactState state = ContactState.next(previous, event, at, actor).asVersion(version, at, actor,
                                                                                        lateEntryAfter);
        contacts.put(contactId, state);
        writes.put("""
                INSERT INTO projections.chronology_contact (contact_id, state) VALUES (?, ?::jsonb)
                ON CONFLICT (contact_id) DO UPDATE SET state = excluded.state""", Sql.uuid(contactId),
                Sql.uuid(contactId), json.write(state));
        boolean wasDraft = previous == null || "DRAFT".equals(previous.status());
        if (wasDraft && !"DRAFT".equals(state.status())) {
            releaseHeld(state, at);
        } else if (!wasDraft && "FINALISED".equals(state.status())
                   && !state.startedAt().equals(previous.startedAt())) {
            moveRaisedIn(state, at);
        }
        if ("FINALISED".equals(state.status())) {
            String entryId = "CONTACT:" + contactId;
            if (previous != null && "FINALISED".equals(previous.status())) {
                // An addendum or correction: the entry written when it was signed gives way to this version.
                supersede(entryId, version, at);
            }
            write(new Entry(entryId, version, state.caseId(), state.startedAt(), state.endedAt(),
                    state.setting().type() == SettingType.HOME ? "home visit" : "contact", contactSummary(state),
                    "CONTACT", contactId, version, null, addenda(state), state.recordedAt(), state.author(),
                    state.lateEntry(), state.amended(), at, null, null, false, null));
        }
    }

    /** The contact as the chronology last saw it: queued in this batch, else stored; null if never seen. */
    private ContactState contactState(String contactId) {
        ContactState queued = writes.<ContactState>pending("chronology-contacts").get(contactId);
        if (queued != null) {
            return queued;
        }
        Map<Object, ContactState> read = storedContacts();
        if (read.containsKey(contactId)) {
            return read.get(contactId);
        }
        List<String> stored = jdbc.queryForList("SELECT state::text FROM projections.chronology_contact "
                                                + "WHERE contact_id = ?", String.class, Sql.uuid(contactId));
        return stored.isEmpty() ? null : json.read(stored.get(0), ContactState.class);
    }

    /**
     * The stored state (null: none) of every contact the batch's events name, read in one query when the batch first
     * needs one; a contact not named by them is not in it. Rebuilding, one query per event was most of this
     * projection's time.
     */
    private Map<Object, ContactState> storedContacts() {
        return writes.readAhead("chronology-stored-contacts", "contactId", ChronologyProjection::canonicalUuid,
                                () -> null, "SELECT contact_id::text, state::text FROM projections.chronology_contact "
                                            + "WHERE contact_id = ANY(?)",
                                (read, row) -> read.put(row.getString(1), json.read(row.getString(2),
                                                                                    ContactState.class)));
    }

    /**
     * The follow-ups held with each contact the batch's events name, as {@link #storedContacts}, in the order of
     * their ids. The rows are found first and sorted after ({@code OFFSET 0} keeps the two apart): asked for in
     * order, PostgreSQL can read the whole contact index in order rather than look the batch's contacts up in it.
     */
    private Map<Object, List<Entry>> storedHeld() {
        return writes.readAhead("chronology-stored-held", "contactId", ChronologyProjection::canonicalUuid,
                                ArrayList::new, "SELECT contact_id::text, entry::text FROM (SELECT contact_id, entry_id, "
                                                + "entry FROM projections.chronology_held WHERE contact_id = ANY(?) "
                                                + "OFFSET 0) held ORDER BY contact_id, entry_id",
                                (read, row) -> read.get(row.getString(1)).add(json.read(row.getString(2),
                                                                                        Entry.class)));
    }

    /** The id if written as the database writes a uuid, else null: any other is read on its own when needed. */
    private static Object canonicalUuid(String id) {
        try {
            return UUID.fromString(id).toString().equals(id) ? id : null;
        } catch (IllegalArgumentException e) {
            return null; // not a uuid: left to the query of its own, which fails as it always did
        }
    }

    /** Ends the validity of the entry's current version at {@code at}, where one older than {@code version} is. */
    private void supersede(String entryId, long version, Instant at) {
        Map<Object, Entry> entries = writes.pending("chronology-entries");
        Entry queued = entries.get(entryId);
        if (queued != null && queued.version() < version) {
            write(queued.endingAt(at));
            return;
        }
        jdbc.update("""
                UPDATE projections.chronology_entry SET valid_to = ?
                WHERE entry_id = ? AND valid_to IS NULL AND version < ?""", Sql.utc(at), entryId, version);
    }

    private void once(String id, String caseId, Instant occurredAt, Instant occurredUntil, String category,
                      String summary, String sourceType, String sourceId, long sequence, Instant at, String actor) {
        write(new Entry(id, 1, caseId, occurredAt, occurredUntil, category, brief(summary), sourceType, sourceId,
                        sequence + 1, null, null, at, actor, false, false, at, null, null, false, null));
    }

    private void onceWithOutcome(String id, String caseId, Instant at, String category, String summary,
                                 String outcome, String sourceType, String sourceId, long sequence, String actor) {
        write(new Entry(id, 1, caseId, at, null, category, brief(summary), sourceType, sourceId, sequence + 1, null,
                        brief(outcome), at, actor, false, false, at, null, null, false, null));
    }

    // Follow-ups raised in a contact take their place at the contact's time. Raised in a draft, they are part of
    // the note and enter the chronology with it when it is signed (held until then); raised in a signed contact,
    // they enter at once, marked as added after signing. A follow-up of a draft that is discarded enters at its
    // own time. Each is flagged late by the note's rule, from its own recording time.

    private void raised(String id, String caseId, String contactId, String reasonAfterSigning, String category,
                        String summary, String sourceType, String sourceId, long sequence, Instant at, String actor) {
        ContactTimes contact = contactId == null ? null : contactTimes(contactId);
        // As recorded, at its own time; placed at its contact's below.
        Entry placed = new Entry(id, 1, caseId, at, null, category, brief(summary), sourceType, sourceId,
                sequence + 1, null, null, at, actor, false, false, at, null, contactId, false, reasonAfterSigning);
        if (contact == null || "DISCARDED".equals(contact.status())) {
            write(placed);
        } else if ("FINALISED".equals(contact.status())) {
            write(placedAt(placed, placed.version(), contact, at, true));
        } else {
            writes.<List<Entry>>pending("chronology-held").computeIfAbsent(contactId, c -> new ArrayList<>())
                  .add(placed);
            writes.put("""
                    INSERT INTO projections.chronology_held (entry_id, contact_id, entry) VALUES (?, ?, ?::jsonb)
                    ON CONFLICT (entry_id) DO NOTHING""", placed.entryId(), placed.entryId(), Sql.uuid(contactId),
                    json.write(placed));
        }
    }

    /** What a follow-up needs of the contact it is raised in. */
    record ContactTimes(String status, Instant startedAt, Instant endedAt) {

        static ContactTimes of(ContactState state) {
            return new ContactTimes(state.status(), state.startedAt(), state.endedAt());
        }
    }

    /** As {@link #contactState}, reading only the status and times of a stored contact. */
    private ContactTimes contactTimes(String contactId) {
        ContactState queued = writes.<ContactState>pending("chronology-contacts").get(contactId);
        if (queued != null) {
            return ContactTimes.of(queued);
        }
        Map<Object, ContactState> read = storedContacts();
        if (read.containsKey(contactId)) {
            ContactState state = read.get(contactId);
            return state == null ? null : ContactTimes.of(state);
        }
        List<String> stored = jdbc.queryForList("""
                SELECT jsonb_build_object('status', state->'status', 'startedAt', state->'startedAt',
                                          'endedAt', state->'endedAt')::text
                FROM projections.chronology_contact WHERE contact_id = ?""", String.class, Sql.uuid(contactId));
        return stored.isEmpty() ? null : json.read(stored.get(0), ContactTimes.class);
    }

    /** The entry as {@code version}, placed at the contact's time, late by the note's rule from its own recording. */
    private Entry placedAt(Entry entry, long version, ContactTimes contact, Instant validFrom, boolean afterSigning) {
        Instant ended = contact.endedAt() != null ? contact.endedAt() : contact.startedAt();
        boolean late = Duration.between(ended, entry.recordedAt()).compareTo(lateEntryAfter) > 0;
        return entry.at(version, contact.startedAt(), late, validFrom, afterSigning);
    }

    /** At signing, the follow-ups held with the draft enter at its time; at discarding, at their own. */
    private void releaseHeld(ContactState contact, Instant at) {
        Map<Object, List<Entry>> read = storedHeld();
        List<Entry> held = new ArrayList<>(read.containsKey(contact.contactId()) ? read.get(contact.contactId())
                : jdbc.query("SELECT entry::text FROM projections.chronology_held WHERE contact_id = ? ORDER BY entry_id",
                             (rs, n) -> json.read(rs.getString(1), Entry.class), Sql.uuid(contact.contactId())));
        List<Entry> queued = writes.<List<Entry>>pending("chronology-held").remove(contact.contactId());
        if (queued != null) {
            held.addAll(queued);
        }
        boolean signed = "FINALISED".equals(contact.status());
        for (Entry entry : held) {
            write(signed ? placedAt(entry, entry.version(), ContactTimes.of(contact), at, false)
                         : entry.at(entry.version(), entry.occurredAt(), false, at, false));
        }
    }

    /** A signed contact whose time was corrected: the follow-ups raised in it move with it, as new versions. */
    private void moveRaisedIn(ContactState contact, Instant at) {
        Map<Object, Entry> queued = writes.pending("chronology-entries");
        Map<String, Entry> current = new java.util.LinkedHashMap<>();
        jdbc.query("""
                SELECT entry_id, version, occurred_at, recorded_at, category, summary, case_id, source_type, source_id,
                       source_version, recorded_by, added_after_signing, reason_after_signing, valid_from
                FROM projections.chronology_entry WHERE raised_in = ? AND valid_to IS NULL""", rs -> {
            Entry entry = new Entry(rs.getString("entry_id"), rs.getLong("version"), rs.getString("case_id"),
                    Sql.instant(rs.getObject("occurred_at", OffsetDateTime.class)), null, rs.getString("category"),
                    rs.getString("summary"), rs.getString("source_type"), rs.getString("source_id"),
                    rs.getLong("source_version"), null, null,
                    Sql.instant(rs.getObject("recorded_at", OffsetDateTime.class)), rs.getString("recorded_by"),
                    false, false, Sql.instant(rs.getObject("valid_from", OffsetDateTime.class)), null,
                    contact.contactId(), rs.getBoolean("added_after_signing"), rs.getString("reason_after_signing"));
            current.put(entry.entryId(), entry);
        }, Sql.uuid(contact.contactId()));
        queued.values().stream().filter(e -> contact.contactId().equals(e.raisedIn()) && e.validTo() == null)
              .forEach(e -> current.merge(e.entryId(), e, (stored, pending) -> pending.version() >= stored.version()
                      ? pending : stored));
        for (Entry entry : current.values()) {
            if (entry.occurredAt().equals(contact.startedAt())) {
                continue;
            }
            supersede(entry.entryId(), entry.version() + 1, at);
            write(placedAt(entry, entry.version() + 1, ContactTimes.of(contact), at, entry.addedAfterSigning()));
        }
    }

    private void write(Entry entry) {
        writes.<Entry>pending("chronology-entries").put(entry.entryId(), entry);
        writes.put("""
                INSERT INTO projections.chronology_entry (entry_id, version, case_id, occurred_at, occurred_until,
                    category, summary, source_type, source_id, source_version, impact, outcome, recorded_at,
                    recorded_by, late_entry, amended, valid_from, valid_to, raised_in, added_after_signing,
                    reason_after_signing)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (entry_id, version) DO NOTHING""", entry.entryId() + "#" + entry.version(),
                entry.entryId(), entry.version(), Sql.uuid(entry.caseId()), Sql.utc(entry.occurredAt()),
                Sql.utc(entry.occurredUntil()), entry.category(), entry.summary(), entry.sourceType(),
                Sql.uuid(entry.sourceId()), entry.sourceVersion(), entry.impact(), entry.outcome(),
                Sql.utc(entry.recordedAt()), entry.recordedBy(), entry.lateEntry(), entry.amended(),
                Sql.utc(entry.validFrom()), Sql.utc(entry.validTo()),
                entry.raisedIn() == null ? null : Sql.uuid(entry.raisedIn()),
                entry.addedAfterSigning(), entry.reasonAfterSigning());
    }

    /** What the chronology remembers of a follow-up; {@code queued} while its insert waits for the batch's end. */
    private record Item(String caseId, String label, String severity, Instant scheduledFor, boolean queued) {
    }

    private void item(String itemId, String caseId, String label, String severity, Instant scheduledFor) {
        Item item = new Item(caseId, brief(label), severity, scheduledFor, true);
        writes.<Item>pending("chronology-items").put(itemId, item);
        storeItem(itemId, item);
    }

    private void storeItem(String itemId, Item item) {
        writes.put("""
                INSERT INTO projections.chronology_item (item_id, case_id, label, severity, scheduled_for)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (item_id) DO NOTHING""", itemId,
                Sql.uuid(itemId), Sql.uuid(item.caseId()), item.label(), item.severity(), Sql.utc(item.scheduledFor()));
    }

    /** A risk's new severity: in its queued insert when the risk came in this batch, else in its stored row. */
    private void regrade(String riskId, Item item, String severity) {
        Item regraded = new Item(item.caseId(), item.label(), severity, item.scheduledFor(), item.queued());
        writes.<Item>pending("chronology-items").put(riskId, regraded);
        if (item.queued()) {
            storeItem(riskId, regraded);
        } else {
            jdbc.update("UPDATE projections.chronology_item SET severity = ? WHERE item_id = ?", severity,
                        Sql.uuid(riskId));
        }
    }

    private Item item(String itemId) {
        Item queued = writes.<Item>pending("chronology-items").get(itemId);
        if (queued != null) {
            return queued;
        }
        return jdbc.queryForObject("SELECT case_id, label, severity, scheduled_for FROM projections.chronology_item "
                                   + "WHERE item_id = ?",
                (rs, n) -> new Item(rs.getString("case_id"), rs.getString("label"), rs.getString("severity"),
                        Sql.instant(rs.getObject("scheduled_for", OffsetDateTime.class)), false),
                Sql.uuid(itemId));
    }

    /**
     * "Home visit (12 Acacia Avenue) with Jo Bloggs (service user), Pat (parent/carer); child seen alone; bedroom
     * seen: Review the plan"
     */
    private static String contactSummary(ContactState state) {
        String place = state.setting().location() == null ? "" : " (" + state.setting().location() + ")";
        String who = state.attendees().isEmpty() ? "" : " with " + state.attendees().stream()
                .map(a -> a.name() + " (" + words(a.role().name()) + ")").collect(Collectors.joining(", "));
        String purpose = state.purpose() == null || state.purpose().text() == null ? ""
                : ": " + state.purpose().text();
        String kind = state.setting().type() == SettingType.HOME ? "Home visit"
                : capitalised(words(state.setting().type().name())) + " contact";
        String child = SectionText.childVisit(state.childVisit());
        return brief(kind + place + who + (child.isEmpty() ? "" : "; " + child.toLowerCase(Locale.ROOT)) + purpose);
    }

    private static String addenda(ContactState state) {
        int count = state.addenda().size();
        return count == 0 ? null : count == 1 ? "1 addendum" : count + " addenda";
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String brief(String text) {
        String single = text.replaceAll("\\s+", " ").trim();
        return single.length() <= SUMMARY_LIMIT ? single : single.substring(0, SUMMARY_LIMIT - 1) + "…";
    }
}
