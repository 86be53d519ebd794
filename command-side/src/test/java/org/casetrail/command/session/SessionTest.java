package org.casetrail.command.session;

import static org.casetrail.command.FollowUpFixtures.CASE;
import static org.casetrail.command.FollowUpFixtures.CONTACT;
import static org.casetrail.command.FollowUpFixtures.SIGNED_CONTACT;
import static org.casetrail.command.FollowUpFixtures.DISCARDED_CONTACT;
import static org.casetrail.command.FollowUpFixtures.OTHER_CASE;
import static org.casetrail.command.RuleMatchers.violation;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.casetrail.command.FollowUpFixtures;
import org.casetrail.command.domain.CommandTargets;
import org.casetrail.command.session.SessionCommands.BookSessionCommand;
import org.casetrail.command.session.SessionCommands.CancelSessionCommand;
import org.casetrail.command.session.SessionCommands.RecordMissedSessionCommand;
import org.casetrail.command.session.SessionCommands.RecordNoAccessCommand;
import org.casetrail.command.session.SessionCommands.RescheduleSessionCommand;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.session.NoAccessRecordedEvent;
import org.casetrail.events.session.SessionBookedEvent;
import org.casetrail.events.session.SessionCancelledEvent;
import org.casetrail.events.session.SessionHeldEvent;
import org.casetrail.events.session.SessionReleasedEvent;
import org.casetrail.events.session.SessionMissedEvent;
import org.casetrail.events.session.SessionRescheduledEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTest {

    static final String SESSION = "f0000000-0000-4000-8000-000000000001";
    static final Instant NEXT_WEEK = Instant.parse("2026-11-27T10:00:00Z");
    static final Setting HOME = new Setting(SettingType.HOME, null);
    static final SessionBookedEvent BOOKED = new SessionBookedEvent(SESSION, CASE, CONTACT, NEXT_WEEK, HOME,
                                                                    "Review the safety plan", null);

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        fixture.registerInjectableResource(FollowUpFixtures.CONTACT_DIRECTORY);
    }

    @Test
    void aSessionBookedFromASignedContactNeedsAReasonAndKeepsIt() {
        fixture.givenNoPriorActivity()
               .when(new BookSessionCommand(SESSION, SIGNED_CONTACT, NEXT_WEEK, HOME, null, null))
               .expectNoEvents()
               .expectException(violation("REASON_AFTER_SIGNING_REQUIRED"));
        fixture.givenNoPriorActivity()
               .when(new BookSessionCommand(SESSION, SIGNED_CONTACT, NEXT_WEEK, HOME, null, "Arranged by phone"))
               .expectEvents(new SessionBookedEvent(SESSION, CASE, SIGNED_CONTACT, NEXT_WEEK, HOME, null,
                                                    "Arranged by phone"));
    }

    @Test
    void booksTheNextSessionFromAContact() {
        fixture.givenNoPriorActivity()
               .when(new BookSessionCommand(SESSION, CONTACT, NEXT_WEEK, HOME, "Review the safety plan", null))
               .expectEvents(BOOKED);
        fixture.givenNoPriorActivity()
               .when(new BookSessionCommand(SESSION, DISCARDED_CONTACT, NEXT_WEEK, HOME, null, null))
               .expectException(violation("CONTACT_DISCARDED"));
    }

    @Test
    void aBookedSessionIsRescheduledCancelledMissedOrHadNoAccess() {
        fixture.given(BOOKED)
               .when(new RescheduleSessionCommand(SESSION, NEXT_WEEK.plusSeconds(86_400), "School trip", null))
               .expectEvents(new SessionRescheduledEvent(SESSION, NEXT_WEEK.plusSeconds(86_400), "School trip"));
        fixture.given(BOOKED)
               .when(new CancelSessionCommand(SESSION, "Family moved", null))
               .expectEvents(new SessionCancelledEvent(SESSION, "Family moved"));
        fixture.given(BOOKED)
               .when(new RecordNoAccessCommand(SESSION, NEXT_WEEK, "No answer at the door", null))
               .expectEvents(new NoAccessRecordedEvent(SESSION, NEXT_WEEK, "No answer at the door"));
        fixture.given(BOOKED)
               .when(new RecordMissedSessionCommand(SESSION, "Did not attend the office", null))
               .expectEvents(new SessionMissedEvent(SESSION, "Did not attend the office"));
    }

    @Test
    void aRescheduledSessionStaysBooked() {
        fixture.given(BOOKED, new SessionRescheduledEvent(SESSION, NEXT_WEEK.plusSeconds(3600), "Later"))
               .when(new CancelSessionCommand(SESSION, "x", null))
               .expectEvents(new SessionCancelledEvent(SESSION, "x"));
    }

    @Test
    void onlyABookedSessionChanges() {
        fixture.given(BOOKED, new SessionCancelledEvent(SESSION, "x"))
               .when(new RescheduleSessionCommand(SESSION, NEXT_WEEK, "y", null))
               .expectNoEvents()
               .expectException(violation("SESSION_NOT_BOOKED"));
        fixture.given(BOOKED, new SessionHeldEvent(SESSION, "c2"))
               .when(new RecordMissedSessionCommand(SESSION, "y", null))
               .expectException(violation("SESSION_NOT_BOOKED"));
        fixture.given(BOOKED, new SessionMissedEvent(SESSION, "x"))
               .when(new RecordNoAccessCommand(SESSION, NEXT_WEEK, "y", null))
               .expectException(violation("SESSION_NOT_BOOKED"));
    }

    @Test
    void aDraftOnlyChecksItsSessionAndADiscardedDraftReleasesTheOneItHeld() {
        fixture.given(BOOKED)
               .whenInvoking(SESSION, session -> session.requireRecordableIn(CASE))
               .expectNoEvents();
        fixture.given(BOOKED)
               .whenInvoking(SESSION, session -> session.requireRecordableIn(OTHER_CASE))
               .expectException(violation("SESSION_NOT_IN_CASE"));
        fixture.given(BOOKED, new SessionCancelledEvent(SESSION, "x"))
               .whenInvoking(SESSION, session -> session.requireRecordableIn(CASE))
               .expectException(violation("SESSION_NOT_BOOKED"));
        fixture.given(BOOKED, new SessionHeldEvent(SESSION, "c2"))
               .whenInvoking(SESSION, session -> session.release("c2"))
               .expectEvents(new SessionReleasedEvent(SESSION, "c2"));
        fixture.given(BOOKED, new SessionHeldEvent(SESSION, "c2"))
               .whenInvoking(SESSION, session -> session.release("c3"))
               .expectNoEvents();
        fixture.given(BOOKED, new SessionHeldEvent(SESSION, "c2"), new SessionReleasedEvent(SESSION, "c2"))
               .whenInvoking(SESSION, session -> session.hold(CASE, "c3"))
               .expectEvents(new SessionHeldEvent(SESSION, "c3"));
        fixture.given(BOOKED, new SessionHeldEvent(SESSION, "c2"))
               .whenInvoking(SESSION, session -> session.hold(CASE, "c2"))
               .expectNoEvents();
    }

    @Test
    void aContactOfTheSameCaseMarksItHeldOnce() {
        fixture.given(BOOKED)
               .whenInvoking(SESSION, session -> session.hold(CASE, "c2"))
               .expectEvents(new SessionHeldEvent(SESSION, "c2"));
        fixture.given(BOOKED)
               .whenInvoking(SESSION, session -> session.hold(OTHER_CASE, "c2"))
               .expectException(violation("SESSION_NOT_IN_CASE"));
        fixture.given(BOOKED, new SessionHeldEvent(SESSION, "c2"))
               .whenInvoking(SESSION, session -> session.hold(CASE, "c3"))
               .expectException(violation("SESSION_NOT_BOOKED"));
    }
}
