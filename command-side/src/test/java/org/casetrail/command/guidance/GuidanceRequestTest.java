package org.casetrail.command.guidance;

import static org.casetrail.command.FollowUpFixtures.ALEX;
import static org.casetrail.command.FollowUpFixtures.CASE;
import static org.casetrail.command.FollowUpFixtures.CONTACT;
import static org.casetrail.command.FollowUpFixtures.SIGNED_CONTACT;
import static org.casetrail.command.FollowUpFixtures.DISCARDED_CONTACT;
import static org.casetrail.command.FollowUpFixtures.MORGAN;
import static org.casetrail.command.RuleMatchers.violation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.casetrail.command.FollowUpFixtures;
import org.casetrail.command.domain.CommandTargets;
import org.casetrail.command.guidance.GuidanceCommands.GiveGuidanceCommand;
import org.casetrail.command.guidance.GuidanceCommands.RequestGuidanceCommand;
import org.casetrail.events.guidance.GuidanceGivenEvent;
import org.casetrail.events.guidance.GuidanceRequestedEvent;
import org.casetrail.events.guidance.Urgency;
import org.casetrail.platform.messaging.NotPermitted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuidanceRequestTest {

    static final String REQUEST = "e0000000-0000-4000-8000-000000000001";
    static final GuidanceRequestedEvent REQUESTED = new GuidanceRequestedEvent(REQUEST, CASE, CONTACT,
            "Should we convene a strategy discussion?", Urgency.URGENT, null);

    private FixtureConfiguration<GuidanceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GuidanceRequest.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        fixture.registerInjectableResource(FollowUpFixtures.CONTACT_DIRECTORY);
    }

    @Test
    void guidanceAskedFromASignedContactNeedsAReasonAndKeepsIt() {
        fixture.givenNoPriorActivity()
               .when(new RequestGuidanceCommand(REQUEST, SIGNED_CONTACT, "x", Urgency.ROUTINE, null), ALEX)
               .expectNoEvents()
               .expectException(violation("REASON_AFTER_SIGNING_REQUIRED"));
        fixture.givenNoPriorActivity()
               .when(new RequestGuidanceCommand(REQUEST, SIGNED_CONTACT, "x", Urgency.ROUTINE, "Asked later"), ALEX)
               .expectEvents(new GuidanceRequestedEvent(REQUEST, CASE, SIGNED_CONTACT, "x", Urgency.ROUTINE,
                                                        "Asked later"));
    }

    @Test
    void requestsGuidanceFromAContact() {
        fixture.givenNoPriorActivity()
               .when(new RequestGuidanceCommand(REQUEST, CONTACT, "Should we convene a strategy discussion?",
                                                Urgency.URGENT, null), ALEX)
               .expectEvents(REQUESTED);
        fixture.givenNoPriorActivity()
               .when(new RequestGuidanceCommand(REQUEST, DISCARDED_CONTACT, "x", Urgency.ROUTINE, null), ALEX)
               .expectException(violation("CONTACT_DISCARDED"));
    }

    @Test
    void aManagerAnswersOnce() {
        fixture.given(REQUESTED)
               .when(new GiveGuidanceCommand(REQUEST, "Yes, today; invite the school", null), MORGAN)
               .expectEvents(new GuidanceGivenEvent(REQUEST, "Yes, today; invite the school"))
               .expectResultMessagePayload(2L);
        fixture.given(REQUESTED, new GuidanceGivenEvent(REQUEST, "Yes"))
               .when(new GiveGuidanceCommand(REQUEST, "No", null), MORGAN)
               .expectNoEvents()
               .expectException(violation("GUIDANCE_ALREADY_GIVEN"));
    }

    @Test
    void onlyAManagerAnswers() {
        fixture.given(REQUESTED)
               .when(new GiveGuidanceCommand(REQUEST, "My own answer", null), ALEX)
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }
}
