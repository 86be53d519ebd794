package org.casetrail.command.significance;

import static org.casetrail.command.RuleMatchers.violation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.casetrail.command.domain.CommandTargets;
import org.casetrail.command.significance.SignificanceCommands.MarkSignificanceCommand;
import org.casetrail.events.significance.SignificanceMarkedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignificanceTest {

    static final String CASE = "a0000000-0000-4000-8000-000000000001";
    static final String CONTACT = "c0000000-0000-4000-8000-000000000001";
    static final String MARK = Significance.markOf(CONTACT);

    private FixtureConfiguration<Significance> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Significance.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        fixture.registerInjectableResource((CaseItems) (type, id) -> CASE);
    }

    @Test
    void theFirstMarkingCreatesTheMarkWithTheItemsCaseAndLaterOnesChangeIt() {
        fixture.givenNoPriorActivity()
               .when(new MarkSignificanceCommand(MARK, "CONTACT", CONTACT, true, "First disclosure", null))
               .expectEvents(new SignificanceMarkedEvent(MARK, CASE, "CONTACT", CONTACT, true, "First disclosure"))
               .expectResultMessagePayload(1L);
        fixture.given(new SignificanceMarkedEvent(MARK, CASE, "CONTACT", CONTACT, true, "First disclosure"))
               .when(new MarkSignificanceCommand(MARK, "CONTACT", CONTACT, false, "ignored", null))
               .expectEvents(new SignificanceMarkedEvent(MARK, CASE, "CONTACT", CONTACT, false, null));
    }

    @Test
    void thereIsNoMarkToWithdrawUntilOneIsMade() {
        fixture.givenNoPriorActivity()
               .when(new MarkSignificanceCommand(MARK, "CONTACT", CONTACT, false, null, null))
               .expectNoEvents()
               .expectException(violation("NOT_SIGNIFICANT"));
        fixture.given(new SignificanceMarkedEvent(MARK, CASE, "CONTACT", CONTACT, true, "x"),
                      new SignificanceMarkedEvent(MARK, CASE, "CONTACT", CONTACT, false, null))
               .when(new MarkSignificanceCommand(MARK, "CONTACT", CONTACT, false, null, null))
               .expectException(violation("NOT_SIGNIFICANT"));
    }

    @Test
    void aMarkingSentAgainstAStaleVersionIsRefused() {
        fixture.given(new SignificanceMarkedEvent(MARK, CASE, "CONTACT", CONTACT, true, "x"),
                      new SignificanceMarkedEvent(MARK, CASE, "CONTACT", CONTACT, true, "y"))
               .when(new MarkSignificanceCommand(MARK, "CONTACT", CONTACT, false, null, 0L))
               .expectNoEvents()
               .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
        fixture.given(new SignificanceMarkedEvent(MARK, CASE, "CONTACT", CONTACT, true, "x"))
               .when(new MarkSignificanceCommand(MARK, "CONTACT", CONTACT, false, null, 0L))
               .expectEvents(new SignificanceMarkedEvent(MARK, CASE, "CONTACT", CONTACT, false, null));
    }

    @Test
    void aMarkIsAlwaysTheMarkOfItsItem() {
        org.assertj.core.api.Assertions.assertThat(Significance.markOf(CONTACT)).isEqualTo(MARK)
                .isNotEqualTo(Significance.markOf("c0000000-0000-4000-8000-000000000002"));
    }
}
