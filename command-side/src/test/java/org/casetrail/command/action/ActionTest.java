package org.casetrail.command.action;

import static org.casetrail.command.FollowUpFixtures.CASE;
import static org.casetrail.command.FollowUpFixtures.CONTACT;
import static org.casetrail.command.FollowUpFixtures.SIGNED_CONTACT;
import static org.casetrail.command.FollowUpFixtures.DISCARDED_CONTACT;
import static org.casetrail.command.FollowUpFixtures.LATER_CONTACT;
import static org.casetrail.command.FollowUpFixtures.OTHER_CASES_CONTACT;
import static org.casetrail.command.RuleMatchers.violation;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.casetrail.command.FollowUpFixtures;
import org.casetrail.command.action.ActionCommands.AssignActionCommand;
import org.casetrail.command.action.ActionCommands.CancelActionCommand;
import org.casetrail.command.action.ActionCommands.CompleteActionCommand;
import org.casetrail.command.action.ActionCommands.ReassignActionCommand;
import org.casetrail.command.action.ActionCommands.RedateActionCommand;
import org.casetrail.command.domain.CommandTargets;
import org.casetrail.events.action.ActionAssignedEvent;
import org.casetrail.events.action.ActionCancelledEvent;
import org.casetrail.events.action.ActionCompletedEvent;
import org.casetrail.events.action.ActionReassignedEvent;
import org.casetrail.events.action.ActionRedatedEvent;
import org.casetrail.events.action.ActionTerm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActionTest {

    static final String ACTION = "d0000000-0000-4000-8000-000000000001";
    static final LocalDate DUE = LocalDate.of(2026, 12, 4);
    static final ActionAssignedEvent ASSIGNED = new ActionAssignedEvent(ACTION, CASE, CONTACT,
            "Refer to school counsellor", "alex", DUE, ActionTerm.SHORT, null, null);

    private FixtureConfiguration<Action> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Action.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        fixture.registerInjectableResource(FollowUpFixtures.CONTACT_DIRECTORY);
    }

    @Test
    void assignsAnActionFromAContact() {
        fixture.givenNoPriorActivity()
               .when(new AssignActionCommand(ACTION, CONTACT, "Refer to school counsellor", "alex", DUE, ActionTerm.SHORT, null, null))
               .expectEvents(ASSIGNED);
    }

    @Test
    void anActionAddedToASignedContactNeedsAReasonAndKeepsIt() {
        fixture.givenNoPriorActivity()
               .when(new AssignActionCommand(ACTION, SIGNED_CONTACT, "x", "alex", DUE, ActionTerm.SHORT, null, null))
               .expectNoEvents()
               .expectException(violation("REASON_AFTER_SIGNING_REQUIRED"));
        fixture.givenNoPriorActivity()
               .when(new AssignActionCommand(ACTION, SIGNED_CONTACT, "x", "alex", DUE, ActionTerm.SHORT, "Forgotten", null))
               .expectEvents(new ActionAssignedEvent(ACTION, CASE, SIGNED_CONTACT, "x", "alex", DUE, ActionTerm.SHORT,
                                                     "Forgotten", null));
    }

    @Test
    void anActionKeepsTheOutcomeItIsMeasuredBy() {
        fixture.givenNoPriorActivity()
               .when(new AssignActionCommand(ACTION, CONTACT, "Refer to school counsellor", "alex", DUE,
                                             ActionTerm.SHORT, null, "Jo has a first session booked"))
               .expectEvents(new ActionAssignedEvent(ACTION, CASE, CONTACT, "Refer to school counsellor", "alex", DUE,
                                                     ActionTerm.SHORT, null, "Jo has a first session booked"));
    }

    @Test
    void refusesAnActionFromADiscardedContact() {
        fixture.givenNoPriorActivity()
               .when(new AssignActionCommand(ACTION, DISCARDED_CONTACT, "x", "alex", DUE, ActionTerm.SHORT, null, null))
               .expectException(violation("CONTACT_DISCARDED"));
    }

    @Test
    void reassignsAndRedatesAnOutstandingActionWithReasons() {
        fixture.given(ASSIGNED)
               .when(new ReassignActionCommand(ACTION, "sam", "Alex on leave", null))
               .expectEvents(new ActionReassignedEvent(ACTION, "sam", "Alex on leave"))
               .expectResultMessagePayload(2L);
        fixture.given(ASSIGNED)
               .when(new RedateActionCommand(ACTION, DUE.plusDays(7), "Counsellor away", null))
               .expectEvents(new ActionRedatedEvent(ACTION, DUE.plusDays(7), "Counsellor away"));
    }

    @Test
    void completesFromALaterContactOfTheSameCase() {
        fixture.given(ASSIGNED)
               .when(new CompleteActionCommand(ACTION, LATER_CONTACT, "First session booked", null))
               .expectEvents(new ActionCompletedEvent(ACTION, LATER_CONTACT, "First session booked"));
        fixture.given(ASSIGNED)
               .when(new CompleteActionCommand(ACTION, OTHER_CASES_CONTACT, "x", null))
               .expectException(violation("CONTACT_NOT_IN_CASE"));
    }

    @Test
    void cancelsWithAReason() {
        fixture.given(ASSIGNED)
               .when(new CancelActionCommand(ACTION, "No longer needed", null))
               .expectEvents(new ActionCancelledEvent(ACTION, "No longer needed"));
    }

    @Test
    void completedOrCancelledActionsChangeNoMore() {
        fixture.given(ASSIGNED, new ActionCompletedEvent(ACTION, LATER_CONTACT, "done"))
               .when(new ReassignActionCommand(ACTION, "sam", "x", null))
               .expectNoEvents()
               .expectException(violation("ACTION_COMPLETED"));
        fixture.given(ASSIGNED, new ActionCancelledEvent(ACTION, "x"))
               .when(new CompleteActionCommand(ACTION, LATER_CONTACT, "y", null))
               .expectNoEvents()
               .expectException(violation("ACTION_CANCELLED"));
        fixture.given(ASSIGNED, new ActionCancelledEvent(ACTION, "x"))
               .when(new RedateActionCommand(ACTION, DUE, "y", null))
               .expectException(violation("ACTION_CANCELLED"));
        fixture.given(ASSIGNED, new ActionCompletedEvent(ACTION, LATER_CONTACT, "done"))
               .when(new CancelActionCommand(ACTION, "y", null))
               .expectException(violation("ACTION_COMPLETED"));
    }
}
