package org.casetrail.query.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetrail.events.contact.AddendumAddedEvent;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.AttendeesChangedEvent;
import org.casetrail.events.contact.ContactCorrectedEvent;
import org.casetrail.events.contact.ContactDiscardedEvent;
import org.casetrail.events.contact.ContactDraftedEvent;
import org.casetrail.events.contact.ContactFinalisedEvent;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.DescriptionChangedEvent;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.PurposeChangedEvent;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingChangedEvent;
import org.casetrail.events.contact.Timing;
import org.casetrail.events.contact.TimingChangedEvent;

/**
 * A contact exactly as it stood after one of its events: what {@code GET /api/contacts/{id}} answers, now or as
 * of any instant. It is stored whole with each version, so it must only ever be derived from events.
 *
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
                    String description, String sessionId,
                    Instant occurredAt, Instant recordedAt, Instant finalisedAt, String finalisedBy,
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
                        Purpose purpose, String description) {
    }

    /**
     * The contact after {@code event}, recorded at {@code at} by {@code actor}, before its version and late-entry
     * flag are set ({@link #asVersion}). Every read model that follows contacts goes through here, so they cannot
     * disagree about what a contact said.
     */
    public static ContactState next(ContactState previous, Object event, Instant at, String actor) {
        if (event instanceof ContactDraftedEvent drafted) {
            return drafted(drafted, at, actor);
        }
        if (event instanceof AttendeesChangedEvent changed) {
            return previous.withAttendees(changed.attendees());
        }
        if (event instanceof SettingChangedEvent changed) {
            return previous.withSetting(changed.setting());
        }
        if (event instanceof TimingChangedEvent changed) {
            return previous.withTiming(changed.timing());
        }
        if (event instanceof PurposeChangedEvent changed) {
            return previous.withPurpose(changed.purpose());
        }
        if (event instanceof DescriptionChangedEvent changed) {
            return previous.withDescription(changed.description());
        }
        if (event instanceof ContactFinalisedEvent finalised) {
            return previous.finalised(at, finalised.signedBy());
        }
        if (event instanceof AddendumAddedEvent added) {
            return previous.withAddendum(new Addendum(added.addendumId(), added.text(), added.reason(), at, actor));
        }
        if (event instanceof ContactCorrectedEvent corrected) {
            return previous.corrected(corrected, at, actor);
        }
        if (event instanceof ContactDiscardedEvent discarded) {
            return previous.discarded(at, actor, discarded.reason());
        }
        throw new IllegalArgumentException("Not a contact event: " + event.getClass().getName());
    }

    static ContactState drafted(ContactDraftedEvent event, Instant at, String actor) {
        Timing timing = event.timing();
        return new ContactState(event.contactId(), event.caseId(), "DRAFT", actor, event.attendees(),
                event.setting(), timing.startedAt(), timing.endedAt(), event.purpose(), event.description(),
                event.sessionId(), timing.startedAt(), at, null, null, null, null, null, false, false,
                List.of(), List.of(), 0, at, actor);
    }

    ContactState withAttendees(List<Attendee> value) {
        return new ContactState(contactId, caseId, status, author, value, setting, startedAt, endedAt, purpose,
                description, sessionId, occurredAt, recordedAt, finalisedAt, finalisedBy, discardedAt, discardedBy,
                discardReason, lateEntry, amended, addenda, corrections, version, versionRecordedAt,
                versionRecordedBy);
    }

    ContactState withSetting(Setting value) {
        return new ContactState(contactId, caseId, status, author, attendees, value, startedAt, endedAt, purpose,
                description, sessionId, occurredAt, recordedAt, finalisedAt, finalisedBy, discardedAt, discardedBy,
                discardReason, lateEntry, amended, addenda, corrections, version, versionRecordedAt,
                versionRecordedBy);
    }

    ContactState withTiming(Timing value) {
        return new ContactState(contactId, caseId, status, author, attendees, setting, value.startedAt(),
                value.endedAt(), purpose, description, sessionId, value.startedAt(), recordedAt, finalisedAt,
                finalisedBy, discardedAt, discardedBy, discardReason, lateEntry, amended, addenda, corrections,
                version, versionRecordedAt, versionRecordedBy);
    }

    ContactState withPurpose(Purpose value) {
        return new ContactState(contactId, caseId, status, author, attendees, setting, startedAt, endedAt, value,
                description, sessionId, occurredAt, recordedAt, finalisedAt, finalisedBy, discardedAt, discardedBy,
                discardReason, lateEntry, amended, addenda, corrections, version, versionRecordedAt,
                versionRecordedBy);
    }

    ContactState withDescription(String value) {
        return new ContactState(contactId, caseId, status, author, attendees, setting, startedAt, endedAt, purpose,
                value, sessionId, occurredAt, recordedAt, finalisedAt, finalisedBy, discardedAt, discardedBy,
                discardReason, lateEntry, amended, addenda, corrections, version, versionRecordedAt,
                versionRecordedBy);
    }

    ContactState finalised(Instant at, String signedBy) {
        return new ContactState(contactId, caseId, "FINALISED", author, attendees, setting, startedAt, endedAt,
                purpose, description, sessionId, occurredAt, recordedAt, at, signedBy, discardedAt, discardedBy,
                discardReason, lateEntry, amended, addenda, corrections, version, versionRecordedAt,
                versionRecordedBy);
    }

    ContactState discarded(Instant at, String by, String reason) {
        return new ContactState(contactId, caseId, "DISCARDED", author, attendees, setting, startedAt, endedAt,
                purpose, description, sessionId, occurredAt, recordedAt, finalisedAt, finalisedBy, at, by, reason,
                lateEntry, amended, addenda, corrections, version, versionRecordedAt, versionRecordedBy);
    }

    ContactState withAddendum(Addendum addendum) {
        List<Addendum> more = new ArrayList<>(addenda);
        more.add(addendum);
        return new ContactState(contactId, caseId, status, author, attendees, setting, startedAt, endedAt, purpose,
                description, sessionId, occurredAt, recordedAt, finalisedAt, finalisedBy, discardedAt, discardedBy,
                discardReason, lateEntry, amended, List.copyOf(more), corrections, version, versionRecordedAt,
                versionRecordedBy);
    }

    ContactState corrected(ContactCorrectedEvent event, Instant at, String actor) {
        ContactState applied = applying(event);
        List<Correction> more = new ArrayList<>(corrections);
        more.add(new Correction(event.correctionId(), event.section(), section(event.section()),
                                applied.section(event.section()), event.reason(), at, actor));
        return new ContactState(contactId, caseId, status, author, applied.attendees, applied.setting,
                applied.startedAt, applied.endedAt, applied.purpose, applied.description, sessionId,
                applied.occurredAt, recordedAt, finalisedAt, finalisedBy, discardedAt, discardedBy, discardReason,
                lateEntry, true, addenda, List.copyOf(more), version, versionRecordedAt, versionRecordedBy);
    }

    private ContactState applying(ContactCorrectedEvent event) {
        return switch (event.section()) {
            case ATTENDEES -> withAttendees(event.attendees());
            case SETTING -> withSetting(event.setting());
            case TIMING -> withTiming(event.timing());
            case PURPOSE -> withPurpose(event.purpose());
            case DESCRIPTION -> withDescription(event.description());
        };
    }

    SectionValue section(ContactSection section) {
        return switch (section) {
            case ATTENDEES -> new SectionValue(attendees, null, null, null, null, null);
            case SETTING -> new SectionValue(null, setting, null, null, null, null);
            case TIMING -> new SectionValue(null, null, startedAt, endedAt, null, null);
            case PURPOSE -> new SectionValue(null, null, null, null, purpose, null);
            case DESCRIPTION -> new SectionValue(null, null, null, null, null, description);
        };
    }

    /** This state as the given version, recorded when and by whom, with its late-entry flag worked out. */
    public ContactState asVersion(long number, Instant at, String actor, Duration lateEntryAfter) {
        Instant writtenDown = finalisedAt != null ? finalisedAt : recordedAt;
        Instant sessionEnded = endedAt != null ? endedAt : startedAt;
        boolean late = Duration.between(sessionEnded, writtenDown).compareTo(lateEntryAfter) > 0;
        return new ContactState(contactId, caseId, status, author, attendees, setting, startedAt, endedAt, purpose,
                description, sessionId, occurredAt, recordedAt, finalisedAt, finalisedBy, discardedAt, discardedBy,
                discardReason, late, amended, addenda, corrections, number, at, actor);
    }
}
