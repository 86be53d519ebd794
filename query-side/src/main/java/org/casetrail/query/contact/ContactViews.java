package org.casetrail.query.contact;

import java.time.Instant;
import java.util.List;

import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.SettingType;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** What the contact reads return, beside {@link ContactState} itself. */
public final class ContactViews {

    private ContactViews() {
    }

    /** The contact with what it gave rise to or recorded (headings 5 to 7), as known at the same moment. */
    public record ContactView(@JsonUnwrapped ContactState contact, List<ContactsAsOf.Link> linked) {
    }

    public record ContactSummaryView(String contactId, String caseId, String status, String author,
                                     Instant occurredAt, Instant endedAt, SettingType setting, Instant recordedAt,
                                     Instant finalisedAt, boolean lateEntry, boolean amended, long version) {
    }

    public record ContactPage(String caseId, List<ContactSummaryView> items, int page, int size, long total) {
    }

    /** One field that differs between a version and the one before it. */
    public record FieldChange(String field, Object from, Object to) {
    }

    public record VersionView(long version, Instant recordedAt, String recordedBy, String change,
                              ContactSection section, String reason, List<FieldChange> changes) {
    }

    public record ContactHistoryView(String contactId, List<VersionView> versions) {
    }
}
