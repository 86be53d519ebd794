package org.casetrail.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.casetrail.events.caserecord.CaseOpenedEvent;
import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.caserecord.ServiceUser;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.AttendeeRole;
import org.casetrail.events.contact.AttendeesChangedEvent;
import org.casetrail.events.contact.ContactCorrectedEvent;
import org.casetrail.events.contact.ContactDraftedEvent;
import org.casetrail.events.contact.ContactFinalisedEvent;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.DescriptionChangedEvent;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.contact.Timing;
import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.query.chronology.ChronologyQueries;
import org.casetrail.query.chronology.ChronologyViews.FindChronologyQuery;
import org.casetrail.query.contact.CaseContacts;
import org.casetrail.query.contact.ContactQueries;
import org.casetrail.query.contact.ContactViews.ContactView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contact, case and chronology projections, tested where they live: events go into the event store of an
 * embedded PostgreSQL, and the rows come back through each feature's typed queries, as pages and controllers read
 * them.
 */
class ContactProjectionTest extends ProjectionTestSupport {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    ContactQueries contacts;
    @Autowired
    CaseContacts caseContacts;
    @Autowired
    CaseQueries cases;
    @Autowired
    ChronologyQueries chronology;

    @Test
    void aSignedAndCorrectedContactReadsAsItStandsAndAsItStood() {
        String caseId = UUID.randomUUID().toString();
        String contactId = UUID.randomUUID().toString();
        store("CaseRecord", caseId, 0, new CaseOpenedEvent(caseId, new ServiceUser("Łucja Nowak",
                LocalDate.of(2014, 2, 3), null), PlanType.CHILD_IN_NEED, "alex", null));
        store("Contact", contactId, 0, new ContactDraftedEvent(contactId, caseId, List.of(),
                new Setting(SettingType.HOME, "12 Acacia Avenue"), new Timing(START, START.plusSeconds(3600)),
                new Purpose("Review the plan", List.of(), null, null), null, null, null, null));
        store("Contact", contactId, 1, new AttendeesChangedEvent(contactId,
                List.of(new Attendee("Łucja Nowak", AttendeeRole.SERVICE_USER, null, null))));
        store("Contact", contactId, 2, new DescriptionChangedEvent(contactId, "Showed me her room."));
        store("Contact", contactId, 3, new ContactFinalisedEvent(contactId, "alex", null));
        Instant signed = between();
        store("Contact", contactId, 4, new ContactCorrectedEvent(contactId, UUID.randomUUID().toString(),
                ContactSection.TIMING, null, null, new Timing(START, START.plusSeconds(2400)), null, null,
                "The visit ended at 10:40", null, null));

        ContactView now = waitFor(() -> contacts.find(contactId, null).filter(v -> v.contact().version() == 5));
        assertThat(now.contact().status()).isEqualTo("FINALISED");
        assertThat(now.contact().amended()).isTrue();
        assertThat(now.contact().endedAt()).isEqualTo(START.plusSeconds(2400));
        assertThat(now.contact().attendees()).extracting(Attendee::name).containsExactly("Łucja Nowak");
        assertThat(now.contact().corrections()).singleElement().satisfies(c -> {
            assertThat(c.original().endedAt()).isEqualTo(START.plusSeconds(3600));
            assertThat(c.corrected().endedAt()).isEqualTo(START.plusSeconds(2400));
            assertThat(c.original().attendees()).isNull();
        });

        ContactView before = contacts.find(contactId, signed).orElseThrow();
        assertThat(before.contact().version()).isEqualTo(4);
        assertThat(before.contact().endedAt()).isEqualTo(START.plusSeconds(3600));
        assertThat(before.contact().amended()).isFalse();

        assertThat(contacts.history(contactId).orElseThrow().versions()).hasSize(5)
                .last().satisfies(v -> assertThat(v.reason()).isEqualTo("The visit ended at 10:40"));
        assertThat(caseContacts.counts(caseId)).isEqualTo(new CaseContacts.Counts(1, 0));
        assertThat(caseContacts.ids(caseId, null)).containsExactly(contactId);
        assertThat(cases.find(caseId).orElseThrow().counts().contacts()).isEqualTo(1);

        var entries = waitFor(() -> chronology.find(new FindChronologyQuery(caseId, null, null, java.util.Set.of(),
                null, 0, null)).filter(c -> c.entries().stream().anyMatch(e -> e.amended()))).entries();
        assertThat(entries).extracting(e -> e.category()).contains("case", "home visit");
        assertThat(entries).filteredOn(e -> e.category().equals("home visit")).singleElement()
                           .satisfies(e -> assertThat(e.occurredUntil()).isEqualTo(START.plusSeconds(2400)));
    }

    @Test
    void aContactOfAnUnknownCaseListsNothing() {
        assertThat(contacts.ofCase(UUID.randomUUID().toString(), null, 0, 10)).isEmpty();
        assertThat(contacts.find(UUID.randomUUID().toString(), null)).isEmpty();
    }
}
