package org.casetrail.command.contact;

import static org.casetrail.command.RuleMatchers.violation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.casetrail.command.caserecord.CaseDirectory.CaseFacts;
import org.casetrail.command.caserecord.CaseDirectory;
import org.casetrail.command.contact.ContactCommands.AddAddendumCommand;
import org.casetrail.command.contact.ContactCommands.ChangeAttendeesCommand;
import org.casetrail.command.contact.ContactCommands.ChangeChildVisitCommand;
import org.casetrail.command.contact.ContactCommands.ChangeDescriptionCommand;
import org.casetrail.command.contact.ContactCommands.ChangePurposeCommand;
import org.casetrail.command.contact.ContactCommands.ChangeSettingCommand;
import org.casetrail.command.contact.ContactCommands.ChangeStatementsCommand;
import org.casetrail.command.contact.ContactCommands.ChangeTimingCommand;
import org.casetrail.command.contact.ContactCommands.CorrectContactCommand;
import org.casetrail.command.contact.ContactCommands.DiscardContactCommand;
import org.casetrail.command.contact.ContactCommands.DraftContactCommand;
import org.casetrail.command.contact.ContactCommands.FinaliseContactCommand;
import org.casetrail.command.domain.CommandTargets;
import org.casetrail.events.contact.AddendumAddedEvent;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.AttendeeRole;
import org.casetrail.events.contact.AttendeesChangedEvent;
import org.casetrail.events.contact.ContactContent;
import org.casetrail.events.contact.ContactCorrectedEvent;
import org.casetrail.events.contact.ContactDiscardedEvent;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.ChildVisitChangedEvent;
import org.casetrail.events.contact.ContactDraftedEvent;
import org.casetrail.events.contact.ContactFinalisedEvent;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.events.contact.StatementsChangedEvent;
import org.casetrail.events.contact.DescriptionChangedEvent;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.PurposeChangedEvent;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingChangedEvent;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.contact.Timing;
import org.casetrail.events.contact.TimingChangedEvent;
import org.casetrail.platform.messaging.NotPermitted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactTest {

    static final String CONTACT = "c0000000-0000-4000-8000-000000000001";
    static final String OPEN_CASE = "a0000000-0000-4000-8000-000000000001";
    static final String CLOSED_CASE = "a0000000-0000-4000-8000-000000000002";
    static final String CHILDS_CASE = "a0000000-0000-4000-8000-000000000003";
    static final String PLAN = "b0000000-0000-4000-8000-000000000001";
    static final String OTHER_CASES_PLAN = "b0000000-0000-4000-8000-000000000009";
    static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant END = Instant.parse("2026-11-20T11:00:00Z");
    static final List<Attendee> ATTENDEES = List.of(new Attendee("Jo Bloggs", AttendeeRole.SERVICE_USER, null, null));
    static final Setting HOME = new Setting(SettingType.HOME, "12 Acacia Avenue");
    static final Purpose PURPOSE = new Purpose("Review safety plan", List.of(PLAN), "Signs of Safety", null);

    static final MetaData ALEX = MetaData.with("actor", "alex").and("actorRole", "PRACTITIONER");
    static final MetaData SAM = MetaData.with("actor", "sam").and("actorRole", "PRACTITIONER");
    static final MetaData MORGAN = MetaData.with("actor", "morgan").and("actorRole", "MANAGER");

    static final ContactDraftedEvent BARE_DRAFT = new ContactDraftedEvent(CONTACT, OPEN_CASE, List.of(), HOME,
            new Timing(START, null), null, null, null, null, null);
    static final ContactDraftedEvent FULL_DRAFT = new ContactDraftedEvent(CONTACT, OPEN_CASE, ATTENDEES, HOME,
            new Timing(START, END), PURPOSE, "We walked through the plan together.", null, null, null);

    private FixtureConfiguration<Contact> fixture;
    private final List<String> held = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        Map<String, CaseFacts> cases = Map.of(
                OPEN_CASE, new CaseFacts(OPEN_CASE, true, Set.of(PLAN), false),
                CLOSED_CASE, new CaseFacts(CLOSED_CASE, false, Set.of(), false),
                CHILDS_CASE, new CaseFacts(CHILDS_CASE, true, Set.of(PLAN), true));
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        fixture.registerInjectableResource((CaseDirectory) cases::get);
        fixture.registerInjectableResource(new SessionHolder() {
            @Override
            public void check(String sessionId, String caseId) {
                held.add("check " + sessionId + "@" + caseId);
            }

            @Override
            public void hold(String sessionId, String caseId, String contactId) {
                held.add("hold " + sessionId + "@" + caseId + " by " + contactId);
            }

            @Override
            public void release(String sessionId, String contactId) {
                held.add("release " + sessionId + " by " + contactId);
            }
        });
    }

    static Object byAlex(Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(ALEX);
    }

    @Test
    void draftsAContactWithOnlySettingAndStart() {
        fixture.givenNoPriorActivity()
               .when(new DraftContactCommand(CONTACT, OPEN_CASE, List.of(), HOME, new Timing(START, null), null, null,
                                             null, null, null), ALEX)
               .expectSuccessfulHandlerExecution()
               .expectEvents(BARE_DRAFT);
    }

    @Test
    void aContactDraftedForABookedSessionOnlyChecksIt() {
        fixture.givenNoPriorActivity()
               .when(new DraftContactCommand(CONTACT, OPEN_CASE, List.of(), HOME, new Timing(START, null), null, null,
                                             "s1", null, null), ALEX)
               .expectEvents(new ContactDraftedEvent(CONTACT, OPEN_CASE, List.of(), HOME, new Timing(START, null), null,
                                                     null, "s1", null, null));
        org.assertj.core.api.Assertions.assertThat(held).containsExactly("check s1@" + OPEN_CASE);
    }

    @Test
    void signingAContactForASessionHoldsIt() {
        var forSession = new ContactDraftedEvent(CONTACT, OPEN_CASE, ATTENDEES, HOME, new Timing(START, END), PURPOSE,
                                                 "We walked through the plan together.", "s1", null, null);
        fixture.given(byAlex(forSession))
               .when(new FinaliseContactCommand(CONTACT, null, null), ALEX)
               .expectEvents(new ContactFinalisedEvent(CONTACT, "alex", null));
        org.assertj.core.api.Assertions.assertThat(held).containsExactly("hold s1@" + OPEN_CASE + " by " + CONTACT);
    }

    @Test
    void discardingADraftForASessionReleasesIt() {
        var forSession = new ContactDraftedEvent(CONTACT, OPEN_CASE, List.of(), HOME, new Timing(START, null), null,
                                                 null, "s1", null, null);
        fixture.given(byAlex(forSession))
               .when(new DiscardContactCommand(CONTACT, "Wrong case", null), ALEX)
               .expectEvents(new ContactDiscardedEvent(CONTACT, "Wrong case"));
        org.assertj.core.api.Assertions.assertThat(held).containsExactly("release s1 by " + CONTACT);
    }

    @Test
    void refusesAContactOnAClosedCase() {
        fixture.givenNoPriorActivity()
               .when(new DraftContactCommand(CONTACT, CLOSED_CASE, ATTENDEES, HOME, new Timing(START, END), null, null,
                                             null, null, null), ALEX)
               .expectNoEvents()
               .expectException(violation("CASE_CLOSED"));
    }

    @Test
    void refusesPlansFromAnotherCaseWhenDrafting() {
        fixture.givenNoPriorActivity()
               .when(new DraftContactCommand(CONTACT, OPEN_CASE, ATTENDEES, HOME, new Timing(START, END),
                       new Purpose("p", List.of(OTHER_CASES_PLAN), null, null), null, null, null, null), ALEX)
               .expectNoEvents()
               .expectException(violation("PLAN_NOT_IN_CASE"));
    }

    @Test
    void refusesPlansFromAnotherCaseWhenEditingThePurpose() {
        fixture.given(byAlex(BARE_DRAFT))
               .when(new ChangePurposeCommand(CONTACT, new Purpose("p", List.of(OTHER_CASES_PLAN), null, null), null),
                     ALEX)
               .expectNoEvents()
               .expectException(violation("PLAN_NOT_IN_CASE"));
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        fixture.givenNoPriorActivity()
               .when(new DraftContactCommand(CONTACT, OPEN_CASE, ATTENDEES, HOME, new Timing(END, START), null, null,
                                             null, null, null), ALEX)
               .expectNoEvents()
               .expectException(violation("END_BEFORE_START"));
        fixture.given(byAlex(BARE_DRAFT))
               .when(new ChangeTimingCommand(CONTACT, new Timing(END, START), null), ALEX)
               .expectNoEvents()
               .expectException(violation("END_BEFORE_START"));
    }

    @Test
    void theAuthorEditsEveryHeadingOfADraft() {
        fixture.given(byAlex(BARE_DRAFT))
               .when(new ChangeAttendeesCommand(CONTACT, ATTENDEES, null), ALEX)
               .expectEvents(new AttendeesChangedEvent(CONTACT, ATTENDEES))
               .expectResultMessagePayload(2L);
        fixture.given(byAlex(BARE_DRAFT))
               .when(new ChangeSettingCommand(CONTACT, new Setting(SettingType.SCHOOL, "Hill Primary"), null), ALEX)
               .expectEvents(new SettingChangedEvent(CONTACT, new Setting(SettingType.SCHOOL, "Hill Primary")));
        fixture.given(byAlex(BARE_DRAFT))
               .when(new ChangeTimingCommand(CONTACT, new Timing(START, END), null), ALEX)
               .expectEvents(new TimingChangedEvent(CONTACT, new Timing(START, END)));
        fixture.given(byAlex(BARE_DRAFT))
               .when(new ChangePurposeCommand(CONTACT, PURPOSE, null), ALEX)
               .expectEvents(new PurposeChangedEvent(CONTACT, PURPOSE));
        fixture.given(byAlex(BARE_DRAFT))
               .when(new ChangeDescriptionCommand(CONTACT, "Jo was calm.", null), ALEX)
               .expectEvents(new DescriptionChangedEvent(CONTACT, "Jo was calm."));
    }

    @Test
    void onlyTheAuthorOrAManagerChangesADraft() {
        fixture.given(byAlex(BARE_DRAFT))
               .when(new ChangeDescriptionCommand(CONTACT, "Not mine to write", null), SAM)
               .expectNoEvents()
               .expectException(NotPermitted.class);
        fixture.given(byAlex(FULL_DRAFT))
               .when(new FinaliseContactCommand(CONTACT, null, null), SAM)
               .expectNoEvents()
               .expectException(NotPermitted.class);
        fixture.given(byAlex(BARE_DRAFT))
               .when(new ChangeDescriptionCommand(CONTACT, "Manager's note", null), MORGAN)
               .expectEvents(new DescriptionChangedEvent(CONTACT, "Manager's note"));
    }

    @Test
    void finalisesACompleteDraftSignedByTheActor() {
        fixture.given(byAlex(FULL_DRAFT))
               .when(new FinaliseContactCommand(CONTACT, null, null), ALEX)
               .expectEvents(new ContactFinalisedEvent(CONTACT, "alex", null))
               .expectResultMessagePayload(2L);
    }

    @Test
    void cannotFinaliseUntilHeadingsOneToFourAreFilled() {
        fixture.given(byAlex(BARE_DRAFT))
               .when(new FinaliseContactCommand(CONTACT, null, null), ALEX)
               .expectNoEvents()
               .expectException(violation("CONTACT_INCOMPLETE"))
               .expectExceptionMessage("Fill in attendees, where and when (setting, start and end), purpose, "
                                       + "what took place (description) before signing the contact");
        fixture.given(byAlex(FULL_DRAFT), new DescriptionChangedEvent(CONTACT, " "))
               .when(new FinaliseContactCommand(CONTACT, null, null), ALEX)
               .expectException(violation("CONTACT_INCOMPLETE"));
    }

    @Test
    void aHomeVisitToAChildIsSignedOnlyOnceItSaysWhetherTheChildWasSeenAloneTheirBedroomAndTheirWishes() {
        var childsVisit = new ContactDraftedEvent(CONTACT, CHILDS_CASE, ATTENDEES, HOME, new Timing(START, END),
                                                  PURPOSE, "We walked through the plan together.", null, null, null);
        fixture.given(byAlex(childsVisit))
               .when(new FinaliseContactCommand(CONTACT, null, null), ALEX)
               .expectNoEvents()
               .expectException(violation("CONTACT_INCOMPLETE"))
               .expectExceptionMessage("Fill in whether the child was seen before signing the contact");
        fixture.given(byAlex(childsVisit), new ChildVisitChangedEvent(CONTACT, new ChildVisit(true, null, null, " ")))
               .when(new FinaliseContactCommand(CONTACT, null, null), ALEX)
               .expectException(violation("CONTACT_INCOMPLETE"))
               .expectExceptionMessage("Fill in whether the child was seen alone, the child's wishes and feelings, "
                                       + "whether the child's bedroom was seen before signing the contact");
        var seen = new ChildVisit(true, true, true, "I want to stay with my nan");
        fixture.given(byAlex(childsVisit))
               .when(new ChangeChildVisitCommand(CONTACT, seen, null), ALEX)
               .expectEvents(new ChildVisitChangedEvent(CONTACT, seen));
        fixture.given(byAlex(childsVisit), new ChildVisitChangedEvent(CONTACT, seen))
               .when(new FinaliseContactCommand(CONTACT, null, null), ALEX)
               .expectEvents(new ContactFinalisedEvent(CONTACT, "alex", null));
        // Not seen is an answer too: the visit is recorded, and does not count as seeing the child.
        fixture.given(byAlex(childsVisit), new ChildVisitChangedEvent(CONTACT, new ChildVisit(false, null, false,
                                                                                               null)))
               .when(new FinaliseContactCommand(CONTACT, null, null), ALEX)
               .expectEvents(new ContactFinalisedEvent(CONTACT, "alex", null));
        // An adult's home visit (FULL_DRAFT is on an adults' case) needs none of it.
        fixture.given(byAlex(FULL_DRAFT))
               .when(new FinaliseContactCommand(CONTACT, null, null), ALEX)
               .expectEvents(new ContactFinalisedEvent(CONTACT, "alex", null));
    }

    @Test
    void rejectsEditOfFinalisedContact() {
        fixture.given(byAlex(FULL_DRAFT), new ContactFinalisedEvent(CONTACT, "alex", null))
               .when(new ChangeDescriptionCommand(CONTACT, "Rewritten", null), ALEX)
               .expectNoEvents()
               .expectException(violation("CONTACT_FINALISED"));
        fixture.given(byAlex(FULL_DRAFT), new ContactFinalisedEvent(CONTACT, "alex", null))
               .when(new FinaliseContactCommand(CONTACT, null, null), ALEX)
               .expectException(violation("CONTACT_FINALISED"));
    }

    @Test
    void addsAnAddendumToAFinalisedContact() {
        fixture.given(byAlex(FULL_DRAFT), new ContactFinalisedEvent(CONTACT, "alex", null))
               .when(new AddAddendumCommand(CONTACT, "d1", "Jo phoned afterwards.", "Information received later",
                                            null), SAM)
               .expectEvents(new AddendumAddedEvent(CONTACT, "d1", "Jo phoned afterwards.",
                                                    "Information received later"))
               .expectResultMessagePayload(3L);
    }

    @Test
    void draftsTakeNoAddendaOrCorrections() {
        fixture.given(byAlex(FULL_DRAFT))
               .when(new AddAddendumCommand(CONTACT, "d1", "x", "y", null), ALEX)
               .expectException(violation("CONTACT_NOT_FINALISED"));
        fixture.given(byAlex(FULL_DRAFT))
               .when(new CorrectContactCommand(CONTACT, "k1", ContactSection.DESCRIPTION,
                       ContactContent.empty().withDescription("x"), "y", null), ALEX)
               .expectException(violation("CONTACT_NOT_FINALISED"));
    }

    @Test
    void correctsASectionOfAFinalisedContactWithAReason() {
        var timing = new Timing(START, START.plusSeconds(1800));
        fixture.given(byAlex(FULL_DRAFT), new ContactFinalisedEvent(CONTACT, "alex", null))
               .when(new CorrectContactCommand(CONTACT, "k1", ContactSection.TIMING,
                       ContactContent.empty().withTiming(timing), "The visit ended at 10:30", null), ALEX)
               .expectEvents(new ContactCorrectedEvent(CONTACT, "k1", ContactSection.TIMING, List.of(), null, timing,
                                                       null, null, "The visit ended at 10:30", null, null));
    }

    @Test
    void aCorrectionCarriesItsOwnSectionOnly() {
        fixture.given(byAlex(FULL_DRAFT), new ContactFinalisedEvent(CONTACT, "alex", null))
               .when(new CorrectContactCommand(CONTACT, "k1", ContactSection.SETTING,
                       ContactContent.empty().withDescription("x"), "y", null), ALEX)
               .expectNoEvents()
               .expectException(violation("CORRECTION_MISMATCH"));
    }

    @Test
    void correctionsFollowTheSameRulesAsEdits() {
        fixture.given(byAlex(FULL_DRAFT), new ContactFinalisedEvent(CONTACT, "alex", null))
               .when(new CorrectContactCommand(CONTACT, "k1", ContactSection.TIMING,
                       ContactContent.empty().withTiming(new Timing(END, START)), "y", null), ALEX)
               .expectException(violation("END_BEFORE_START"));
        fixture.given(byAlex(FULL_DRAFT), new ContactFinalisedEvent(CONTACT, "alex", null))
               .when(new CorrectContactCommand(CONTACT, "k1", ContactSection.PURPOSE, ContactContent.empty()
                       .withPurpose(new Purpose("p", List.of(OTHER_CASES_PLAN), null, null)), "y", null), ALEX)
               .expectException(violation("PLAN_NOT_IN_CASE"));
        fixture.given(byAlex(FULL_DRAFT), new ContactFinalisedEvent(CONTACT, "alex", null))
               .when(new CorrectContactCommand(CONTACT, "k1", ContactSection.DESCRIPTION,
                       ContactContent.empty().withDescription("x"), "y", null), SAM)
               .expectException(NotPermitted.class);
    }

    @Test
    void discardsADraftWithAReason() {
        fixture.given(byAlex(BARE_DRAFT))
               .when(new DiscardContactCommand(CONTACT, "Recorded on the wrong case", null), ALEX)
               .expectEvents(new ContactDiscardedEvent(CONTACT, "Recorded on the wrong case"));
    }

    @Test
    void onlyDraftsAreDiscardedAndADiscardedDraftStaysPut() {
        fixture.given(byAlex(FULL_DRAFT), new ContactFinalisedEvent(CONTACT, "alex", null))
               .when(new DiscardContactCommand(CONTACT, "x", null), ALEX)
               .expectException(violation("CONTACT_FINALISED"));
        fixture.given(byAlex(BARE_DRAFT), new ContactDiscardedEvent(CONTACT, "x"))
               .when(new ChangeDescriptionCommand(CONTACT, "again", null), ALEX)
               .expectException(violation("CONTACT_DISCARDED"));
        fixture.given(byAlex(BARE_DRAFT), new ContactDiscardedEvent(CONTACT, "x"))
               .when(new AddAddendumCommand(CONTACT, "d1", "x", "y", null), ALEX)
               .expectException(violation("CONTACT_NOT_FINALISED"));
    }

    @Test
    void rejectsAnEditAgainstAStaleVersion() {
        fixture.given(byAlex(BARE_DRAFT), new DescriptionChangedEvent(CONTACT, "v2"))
               .when(new ChangeDescriptionCommand(CONTACT, "from v1", 0L), ALEX)
               .expectNoEvents()
               .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    @Test
    void statementsChangeOnlyThePartsNamedAndKeepTheRest() {
        var stated = new ContactStatements(null, "Quiet at first, then talkative", Boolean.TRUE, Boolean.FALSE, null);
        fixture.given(byAlex(FULL_DRAFT),
                      byAlex(new StatementsChangedEvent(CONTACT, stated)))
               .when(new ChangeStatementsCommand(CONTACT,
                       new ContactStatements("Was at school", "ignored", null, null, "ignored"),
                       EnumSet.of(ContactStatements.Part.SERVICE_USER_NOT_SEEN_REASON), null), ALEX)
               .expectEvents(new StatementsChangedEvent(CONTACT, new ContactStatements("Was at school",
                       "Quiet at first, then talkative", Boolean.TRUE, Boolean.FALSE, null)));
    }

    @Test
    void statementsThatChangeNothingRecordNothing() {
        var stated = new ContactStatements(null, "Engaged well", null, Boolean.FALSE, null);
        fixture.given(byAlex(FULL_DRAFT), byAlex(new StatementsChangedEvent(CONTACT, stated)))
               .when(new ChangeStatementsCommand(CONTACT, stated, EnumSet.allOf(ContactStatements.Part.class), null),
                     ALEX)
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aSignedContactsStatementsAreCorrectedNotEdited() {
        fixture.given(byAlex(FULL_DRAFT), byAlex(new ContactFinalisedEvent(CONTACT, "alex", null)))
               .when(new ChangeStatementsCommand(CONTACT, new ContactStatements(null, null, Boolean.TRUE, null, null),
                                                 EnumSet.of(ContactStatements.Part.NO_NEW_RISKS), null), ALEX)
               .expectException(violation("CONTACT_FINALISED"));
    }

    @Test
    void signingShortOfTheStandardKeepsTheReasonGiven() {
        fixture.given(byAlex(FULL_DRAFT))
               .when(new FinaliseContactCommand(CONTACT, "Urgent safeguarding visit; plan review booked", null), ALEX)
               .expectEvents(new ContactFinalisedEvent(CONTACT, "alex",
                                                       "Urgent safeguarding visit; plan review booked"));
    }

    @Test
    void aCorrectionOfTheStatementsCarriesThemAndTheReason() {
        var corrected = ContactContent.empty().withStatements(
                new ContactStatements(null, null, null, Boolean.TRUE, null));
        fixture.given(byAlex(FULL_DRAFT), byAlex(new ContactFinalisedEvent(CONTACT, "alex", null)))
               .when(new CorrectContactCommand(CONTACT, "k1", ContactSection.STATEMENTS, corrected,
                                               "Guidance was asked for on the day", null), ALEX)
               .expectEvents(new ContactCorrectedEvent(CONTACT, "k1", ContactSection.STATEMENTS, List.of(), null, null, null,
                       null, "Guidance was asked for on the day", null,
                       new ContactStatements(null, null, null, Boolean.TRUE, null)));
    }
}
