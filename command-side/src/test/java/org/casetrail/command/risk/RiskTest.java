package org.casetrail.command.risk;

import static org.casetrail.command.FollowUpFixtures.CASE;
import static org.casetrail.command.FollowUpFixtures.CONTACT;
import static org.casetrail.command.FollowUpFixtures.SIGNED_CONTACT;
import static org.casetrail.command.FollowUpFixtures.DISCARDED_CONTACT;
import static org.casetrail.command.FollowUpFixtures.LATER_CONTACT;
import static org.casetrail.command.FollowUpFixtures.OTHER_CASES_CONTACT;
import static org.casetrail.command.RuleMatchers.violation;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.casetrail.command.FollowUpFixtures;
import org.casetrail.command.domain.CommandTargets;
import org.casetrail.command.risk.RiskCommands.CloseRiskCommand;
import org.casetrail.command.risk.RiskCommands.IdentifyRiskCommand;
import org.casetrail.command.risk.RiskCommands.ReviewRiskCommand;
import org.casetrail.events.risk.Professional;
import org.casetrail.events.risk.RiskAspect;
import org.casetrail.events.risk.RiskCategory;
import org.casetrail.events.risk.RiskClosedEvent;
import org.casetrail.events.risk.RiskIdentifiedEvent;
import org.casetrail.events.risk.RiskReviewedEvent;
import org.casetrail.events.risk.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RiskTest {

    static final String RISK = "r0000000-0000-4000-8000-000000000001";
    static final List<Professional> SCHOOL_NURSE = List.of(new Professional("Ann Lee", "Hill Primary", "School nurse"));
    static final RiskIdentifiedEvent IDENTIFIED = new RiskIdentifiedEvent(RISK, CASE, CONTACT, RiskCategory.TO_SELF,
            List.of(RiskAspect.EMOTIONAL, RiskAspect.SAFETY), "Talk of self-harm", Severity.HIGH, SCHOOL_NURSE, null);

    private FixtureConfiguration<Risk> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Risk.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        fixture.registerInjectableResource(FollowUpFixtures.CONTACT_DIRECTORY);
    }

    @Test
    void identifiesARiskFromAContactOnItsCase() {
        fixture.givenNoPriorActivity()
               .when(new IdentifyRiskCommand(RISK, CONTACT, RiskCategory.TO_SELF,
                       List.of(RiskAspect.EMOTIONAL, RiskAspect.SAFETY), "Talk of self-harm", Severity.HIGH,
                       SCHOOL_NURSE, null))
               .expectEvents(IDENTIFIED);
    }

    @Test
    void aRiskAddedToASignedContactNeedsAReasonAndKeepsIt() {
        var command = new IdentifyRiskCommand(RISK, SIGNED_CONTACT, RiskCategory.TO_SELF, List.of(RiskAspect.SAFETY),
                                              "x", Severity.LOW, List.of(), null);
        fixture.givenNoPriorActivity().when(command).expectNoEvents()
               .expectException(violation("REASON_AFTER_SIGNING_REQUIRED"));
        fixture.givenNoPriorActivity()
               .when(new IdentifyRiskCommand(RISK, SIGNED_CONTACT, RiskCategory.TO_SELF, List.of(RiskAspect.SAFETY),
                                             "x", Severity.LOW, List.of(), "Told by the school the next day"))
               .expectEvents(new RiskIdentifiedEvent(RISK, CASE, SIGNED_CONTACT, RiskCategory.TO_SELF,
                       List.of(RiskAspect.SAFETY), "x", Severity.LOW, List.of(), "Told by the school the next day"));
        fixture.givenNoPriorActivity()
               .when(new IdentifyRiskCommand(RISK, CONTACT, RiskCategory.TO_SELF, List.of(RiskAspect.SAFETY),
                                             "x", Severity.LOW, List.of(), "Not signed yet"))
               .expectNoEvents()
               .expectException(violation("CONTACT_NOT_SIGNED"));
    }

    @Test
    void refusesARiskFromADiscardedContact() {
        fixture.givenNoPriorActivity()
               .when(new IdentifyRiskCommand(RISK, DISCARDED_CONTACT, RiskCategory.TO_SELF, List.of(RiskAspect.SAFETY),
                                             "x", Severity.LOW, List.of(), null))
               .expectNoEvents()
               .expectException(violation("CONTACT_DISCARDED"));
    }

    @Test
    void reviewsAnOpenRiskInALaterContactAndRegradesIt() {
        fixture.given(IDENTIFIED)
               .when(new ReviewRiskCommand(RISK, LATER_CONTACT, "Safety plan in place", Severity.MEDIUM, null))
               .expectEvents(new RiskReviewedEvent(RISK, LATER_CONTACT, "Safety plan in place", Severity.MEDIUM))
               .expectResultMessagePayload(2L);
    }

    @Test
    void refusesAReviewFromAnotherCasesContact() {
        fixture.given(IDENTIFIED)
               .when(new ReviewRiskCommand(RISK, OTHER_CASES_CONTACT, "x", Severity.LOW, null))
               .expectNoEvents()
               .expectException(violation("CONTACT_NOT_IN_CASE"));
    }

    @Test
    void closesAnOpenRiskWithAReason() {
        fixture.given(IDENTIFIED)
               .when(new CloseRiskCommand(RISK, "Moved to a safe placement", null))
               .expectEvents(new RiskClosedEvent(RISK, "Moved to a safe placement"));
    }

    @Test
    void aClosedRiskTakesNoReviewAndNoSecondClosure() {
        fixture.given(IDENTIFIED, new RiskClosedEvent(RISK, "x"))
               .when(new ReviewRiskCommand(RISK, LATER_CONTACT, "y", Severity.LOW, null))
               .expectException(violation("RISK_CLOSED"));
        fixture.given(IDENTIFIED, new RiskClosedEvent(RISK, "x"))
               .when(new CloseRiskCommand(RISK, "again", null))
               .expectException(violation("RISK_CLOSED"));
    }
}
