package org.casetrail.query.contact;

import java.time.Instant;
import java.util.List;

import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.SettingType;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** What the contact reads return, beside {@link ContactState} itself. */
final class ContactViews {

    private ContactViews() {
    }

    /** The contact with what it gave rise to or recorded (headings 5 to 7), as known at the same moment. */
    record ContactView(@JsonUnwrapped ContactState contact, List<ContactsAsOf.Link> linked) {
    }

    record ContactSummaryView(String contactId, String caseId, String status, String author, Instant occurredAt,
                              Instant endedAt, SettingType setting, Instant recordedAt, Instant finalisedAt,
                              boolean lateEntry, boolean amended, long version) {
    }

    record ContactPage(String caseId, List<ContactSummaryView> items, int page, int size, long total) {
    }

    /** One field that differs between a version and the one before it. */
    record FieldChange(String field, Object from, Object to) {
    }

    record VersionView(long version, Instant recordedAt, String recordedBy, String change, ContactSection section,
                       String reason, List<FieldChange> changes) {
    }

    record ContactHistoryView(String contactId, List<VersionView> versions) {
    }

    /** The contact now, or as it stood at {@code asOf} (a recording time) when that is set. */
    record FindContactQuery(String contactId, Instant asOf) {
    }

    record FindContactHistoryQuery(String contactId) {
    }

    record FindCaseContactsQuery(String caseId, String status, int page, int size) {
    }
}
