package org.casetrail.query.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.casetrail.events.contact.AddendumAddedEvent;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.ContactContent;
import org.casetrail.events.contact.ContactContentChange;
import org.casetrail.events.contact.ContactCorrectedEvent;
import org.casetrail.events.contact.ContactDiscardedEvent;
import org.casetrail.events.contact.ContactDraftedEvent;
import org.casetrail.events.contact.ContactFinalisedEvent;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.Timing;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A contact exactly as it stood after one of its events: what {@code GET /api/contacts/{id}} answers, now or as
 * of any instant. It is stored whole with each version, so it must only ever be derived from events.
 *
 * @param childVisit        for a home visit to a child: seen, seen alone, bedroom seen, wishes and feelings
 * @param statements        what the practitioner stated to complete headings 1, 4, 5, 6 and 7; null when nothing
 * @param shortfallReason   why it was signed although it fell short of the recording standard, as given
 * @param occurredAt        when the session took place (its start)
 * @param recordedAt        when the contact was first written down (drafted)
 * @param lateEntry         written down (signed, or while a draft, drafted) later than the allowed delay after
 *                          the session ended
 * @param amended           corrected after it was signed
 * @param versionRecordedAt when this version was recorded
 * @param versionRecordedBy who caused this version
 */
public record ContactState(String contactId, String caseId, String status, String author,
                    List<Attendee> attendees, Setting setting, Instant startedAt, Instant endedAt, Purpose purpose,
                    String description, ChildVisit childVisit, ContactStatements statements, String sessionId,
                    Instant occurredAt, Instant recordedAt, Instant finalisedAt, String finalisedBy,
                    String shortfallReason,
                    Instant discardedAt, String discardedBy, String discardReason,
                    boolean lateEntry, boolean amended,
                    List<Addendum> addenda, List<Correction> corrections,
                    long version, Instant versionRecordedAt, String versionRecordedBy) {

    public record Addendum(String addendumId, String text, String reason, Instant addedAt, String addedBy) {
    }

    /** A correction, with the value it replaced as well as the value it put in. */
    public record Correction(String correctionId, ContactSection section, SectionValue original, SectionValue corrected,
                      String reason, Instant correctedAt, String correctedBy) {
    }

    /** One section's value; only the fields of that section are set. */
    public record SectionValue(List<Attendee> attendees, Setting setting, Instant startedAt, Instant endedAt,
                        Purpose purpose, String description, ChildVisit childVisit, ContactStatements statements) {

        static SectionValue of(ContactSection section, ContactContent content) {
            Timing timing = section == ContactSection.TIMING ? content.timing() : null;
            return new SectionValue(section == ContactSection.ATTENDEES ? content.attendees() : null,
                    section == ContactSection.SETTING ? content.setting() : null,
                    timing == null ? null : timing.startedAt(), timing == null ? null : timing.endedAt(),
                    section == ContactSection.PURPOSE ? content.purpose() : null,
                    section == ContactSection.DESCRIPTION ? content.description() : null,
                    section == ContactSection.CHILD_VISIT ? content.childVisit() : null,
                    section == ContactSection.STATEMENTS ? content.statements() : null);
        }
    }

    /**
     * The contact after {@code event}, recorded at {@code at} by {@code actor}, before its version and late-entry
     * flag are set ({@link #asVersion}). Every read model that follows contacts goes through here, so they cannot
     * disagree about what a contact said; what the headings say is folded by the events themselves
     * ({@link ContactContentChange}).
     */
    public static ContactState next(ContactState previous, Object event, Instant at, String actor) {
        if (event instanceof ContactDraftedEvent drafted) {
            return drafted(drafted, at, actor);
        }
        if (event instanceof ContactCorrectedEvent corrected) {
            return previous.corrected(corrected, at, actor);
        }
        if (event instanceof ContactContentChange change) {
            return previous.edit(state -> state.content(change.applyTo(previous.content())));
        }
        if (event instanceof ContactFinalisedEvent finalised) {
            return previous.edit(state -> {
                state.status = "FINALISED";
                state.finalisedAt = at;
                state.finalisedBy = finalised.signedBy();
                state.shortfallReason = finalised.shortfallReason();
            });
        }
        if (event instanceof AddendumAddedEvent added) {
            List<Addendum> addenda = new ArrayList<>(previous.addenda);
            addenda.add(new Addendum(added.addendumId(), added.text(), added.reason(), at, actor));
            return previous.edit(state -> state.addenda = List.copyOf(addenda));
        }
        if (event instanceof ContactDiscardedEvent discarded) {
            return previous.edit(state -> {
                state.status = "DISCARDED";
                state.discardedAt = at;
                state.discardedBy = actor;
                state.discardReason = discarded.reason();
            });
        }
        throw new IllegalArgumentException("Not a contact event: " + event.getClass().getName());
    }

    static ContactState drafted(ContactDraftedEvent event, Instant at, String actor) {
        Timing timing = event.timing();
        return new ContactState(event.contactId(), event.caseId(), "DRAFT", actor, event.attendees(),
                event.setting(), timing.startedAt(), timing.endedAt(), event.purpose(), event.description(),
                event.childVisit(), event.statements(),
                event.sessionId(), timing.startedAt(), at, null, null, null, null, null, null, false, false,
                List.of(), List.of(), 0, at, actor);
    }

    /** What the contact says under headings 1 to 4. */
    @JsonIgnore
    public ContactContent content() {
        return new ContactContent(attendees, setting, new Timing(startedAt, endedAt), purpose, description,
                                  childVisit, statements);
    }

    private ContactState corrected(ContactCorrectedEvent event, Instant at, String actor) {
        ContactContent before = content();
        ContactContent after = event.applyTo(before);
        List<Correction> more = new ArrayList<>(corrections);
        more.add(new Correction(event.correctionId(), event.section(), SectionValue.of(event.section(), before),
                                SectionValue.of(event.section(), after), event.reason(), at, actor));
        return edit(state -> {
            state.content(after);
            state.amended = true;
            state.corrections = List.copyOf(more);
        });
    }

    /** This state as the given version, recorded when and by whom, with its late-entry flag worked out. */
    public ContactState asVersion(long number, Instant at, String actor, Duration lateEntryAfter) {
        Instant writtenDown = finalisedAt != null ? finalisedAt : recordedAt;
        Instant sessionEnded = endedAt != null ? endedAt : startedAt;
        boolean late = Duration.between(sessionEnded, writtenDown).compareTo(lateEntryAfter) > 0;
        return edit(state -> {
            state.lateEntry = late;
            state.version = number;
            state.versionRecordedAt = at;
            state.versionRecordedBy = actor;
        });
    }

    /** A copy of this state with {@code changes} made to it: the one place a changed state is built. */
    private ContactState edit(Consumer<Builder> changes) {
        Builder state = new Builder(this);
        changes.accept(state);
        return state.build();
    }

    /** The state's fields, to change on the way from one state to the next. */
    private static final class Builder {
        private final String contactId;
        private final String caseId;
        private String status;
        private final String author;
        private List<Attendee> attendees;
        private Setting setting;
        private Instant startedAt;
        private Instant endedAt;
        private Purpose purpose;
        private String description;
        private ChildVisit childVisit;
        private ContactStatements statements;
        private final String sessionId;
        private Instant occurredAt;
        private final Instant recordedAt;
        private Instant finalisedAt;
        private String finalisedBy;
        private String shortfallReason;
        private Instant discardedAt;
        private String discardedBy;
        private String discardReason;
        private boolean lateEntry;
        private boolean amended;
        private List<Addendum> addenda;
        private List<Correction> corrections;
        private long version;
        private Instant versionRecordedAt;
        private String versionRecordedBy;

        Builder(ContactState s) {
            contactId = s.contactId;
            caseId = s.caseId;
            status = s.status;
            author = s.author;
            attendees = s.attendees;
            setting = s.setting;
            startedAt = s.startedAt;
            endedAt = s.endedAt;
            purpose = s.purpose;
            description = s.description;
            childVisit = s.childVisit;
            statements = s.statements;
            sessionId = s.sessionId;
            occurredAt = s.occurredAt;
            recordedAt = s.recordedAt;
            finalisedAt = s.finalisedAt;
            finalisedBy = s.finalisedBy;
            shortfallReason = s.shortfallReason;
            discardedAt = s.discardedAt;
            discardedBy = s.discardedBy;
            discardReason = s.discardReason;
            lateEntry = s.lateEntry;
            amended = s.amended;
            addenda = s.addenda;
            corrections = s.corrections;
            version = s.version;
            versionRecordedAt = s.versionRecordedAt;
            versionRecordedBy = s.versionRecordedBy;
        }

        /** Headings 1 to 4 as {@code content} says; the contact occurred when it now says it started. */
        void content(ContactContent content) {
            attendees = content.attendees();
            setting = content.setting();
            startedAt = content.timing() == null ? null : content.timing().startedAt();
            endedAt = content.timing() == null ? null : content.timing().endedAt();
            occurredAt = startedAt;
            purpose = content.purpose();
            description = content.description();
            childVisit = content.childVisit();
            statements = content.statements();
        }

        ContactState build() {
            return new ContactState(contactId, caseId, status, author, attendees, setting, startedAt, endedAt,
                    purpose, description, childVisit, statements, sessionId, occurredAt, recordedAt, finalisedAt,
                    finalisedBy, shortfallReason, discardedAt,
                    discardedBy, discardReason, lateEntry, amended, addenda, corrections, version,
                    versionRecordedAt, versionRecordedBy);
        }
    }
}
