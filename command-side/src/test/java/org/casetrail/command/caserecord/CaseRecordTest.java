package org.casetrail.command.caserecord;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.casetrail.command.RuleMatchers;
import org.casetrail.command.caserecord.CaseCommands.CloseCaseCommand;
import org.casetrail.command.caserecord.CaseCommands.OpenCaseCommand;
import org.casetrail.command.caserecord.CaseCommands.RecordPlanCommand;
import org.casetrail.command.caserecord.CaseCommands.ReopenCaseCommand;
import org.casetrail.command.domain.CommandTargets;
import org.casetrail.events.caserecord.CaseClosedEvent;
import org.casetrail.events.caserecord.CaseOpenedEvent;
import org.casetrail.events.caserecord.CaseReopenedEvent;
import org.casetrail.events.caserecord.PlanKind;
import org.casetrail.events.caserecord.PlanRecordedEvent;
import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.caserecord.ServiceUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseRecordTest {

    private static final String CASE = "7d0c3f0e-1c1a-4c3e-9a51-3f2f1f0c0a01";
    private static final String PLAN = "1b2c3d4e-0000-4000-8000-000000000001";
    private static final ServiceUser JO = new ServiceUser("Jo Bloggs", LocalDate.of(2015, 3, 2), "R-1");
    private static final org.axonframework.messaging.MetaData ALEX = org.axonframework.messaging.MetaData
            .with("actor", "alex").and("actorRole", "PRACTITIONER");
    private static final org.axonframework.messaging.MetaData MORGAN = org.axonframework.messaging.MetaData
            .with("actor", "morgan").and("actorRole", "MANAGER");
    private static final CaseOpenedEvent OPENED = new CaseOpenedEvent(CASE, JO, PlanType.CHILD_IN_NEED, "alex",
            java.time.LocalDate.of(2026, 11, 2));

    private FixtureConfiguration<CaseRecord> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseRecord.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
    }

    @Test
    void opensCaseWithExactlyOneEvent() {
        fixture.givenNoPriorActivity()
               .when(new OpenCaseCommand(CASE, JO, PlanType.CHILD_IN_NEED, "alex", java.time.LocalDate.of(2026, 11, 2)))
               .expectSuccessfulHandlerExecution()
               .expectEvents(OPENED);
    }

    @Test
    void recordsPlanOnOpenCaseAndReturnsNewVersion() {
        fixture.given(OPENED)
               .when(new RecordPlanCommand(CASE, PLAN, PlanKind.ASSESSMENT, "Initial assessment",
                                           LocalDate.of(2026, 11, 1), "Needs met at home", null, null))
               .expectEvents(new PlanRecordedEvent(CASE, PLAN, PlanKind.ASSESSMENT, "Initial assessment",
                                                   LocalDate.of(2026, 11, 1), "Needs met at home", null))
               .expectResultMessagePayload(2L);
    }

    @Test
    void aPlanKeepsTheVisitFrequencyItSets() {
        fixture.given(OPENED)
               .when(new RecordPlanCommand(CASE, PLAN, PlanKind.CARE_PLAN, "Child protection plan",
                                           LocalDate.of(2026, 11, 1), null, "1 week", null))
               .expectEvents(new PlanRecordedEvent(CASE, PLAN, PlanKind.CARE_PLAN, "Child protection plan",
                                                   LocalDate.of(2026, 11, 1), null, "1 week"));
    }

    @Test
    void rejectsPlanOnClosedCase() {
        fixture.given(OPENED, new CaseClosedEvent(CASE, "Needs met"))
               .when(new RecordPlanCommand(CASE, PLAN, PlanKind.CARE_PLAN, "Plan", LocalDate.of(2026, 11, 1), null, null,
                                           null))
               .expectNoEvents()
               .expectException(RuleMatchers.violation("CASE_CLOSED"))
               .expectExceptionMessage("Cannot record a plan on a closed case; reopen it first");
    }

    @Test
    void rejectsRecordingTheSamePlanTwice() {
        fixture.given(OPENED, new PlanRecordedEvent(CASE, PLAN, PlanKind.CARE_PLAN, "Plan", LocalDate.of(2026, 11, 1),
                                                    null, null))
               .when(new RecordPlanCommand(CASE, PLAN, PlanKind.CARE_PLAN, "Plan", LocalDate.of(2026, 11, 1), null, null,
                                           null))
               .expectNoEvents()
               .expectException(RuleMatchers.violation("PLAN_ALREADY_RECORDED"));
    }

    @Test
    void closesOpenCaseWithItsReason() {
        fixture.given(OPENED)
               .when(new CloseCaseCommand(CASE, "Needs met", null), MORGAN)
               .expectEvents(new CaseClosedEvent(CASE, "Needs met"))
               .expectResultMessagePayload(2L);
    }

    @Test
    void onlyAManagerClosesOrReopensACase() {
        fixture.given(OPENED)
               .when(new CloseCaseCommand(CASE, "Needs met", null), ALEX)
               .expectNoEvents()
               .expectException(org.casetrail.platform.messaging.NotPermitted.class);
        fixture.given(OPENED, new CaseClosedEvent(CASE, "Needs met"))
               .when(new ReopenCaseCommand(CASE, "New referral", null), ALEX)
               .expectNoEvents()
               .expectException(org.casetrail.platform.messaging.NotPermitted.class);
    }

    @Test
    void rejectsClosingClosedCase() {
        fixture.given(OPENED, new CaseClosedEvent(CASE, "Needs met"))
               .when(new CloseCaseCommand(CASE, "Again", null), MORGAN)
               .expectNoEvents()
               .expectException(RuleMatchers.violation("CASE_ALREADY_CLOSED"))
               .expectExceptionMessage("The case is already closed");
    }

    @Test
    void reopensClosedCase() {
        fixture.given(OPENED, new CaseClosedEvent(CASE, "Needs met"))
               .when(new ReopenCaseCommand(CASE, "New referral", null), MORGAN)
               .expectEvents(new CaseReopenedEvent(CASE, "New referral"))
               .expectResultMessagePayload(3L);
    }

    @Test
    void rejectsReopeningOpenCase() {
        fixture.given(OPENED)
               .when(new ReopenCaseCommand(CASE, "Why", null), MORGAN)
               .expectNoEvents()
               .expectException(RuleMatchers.violation("CASE_NOT_CLOSED"))
               .expectExceptionMessage("Only a closed case can be reopened");
    }

    @Test
    void rejectsAWriteAgainstAStaleVersion() {
        fixture.given(OPENED, new CaseClosedEvent(CASE, "Needs met"))
               .when(new ReopenCaseCommand(CASE, "New referral", 0L), MORGAN)
               .expectNoEvents()
               .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }
}
