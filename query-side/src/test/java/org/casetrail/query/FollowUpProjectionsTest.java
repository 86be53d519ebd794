package org.casetrail.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.casetrail.events.action.ActionAssignedEvent;
import org.casetrail.events.action.ActionCompletedEvent;
import org.casetrail.events.action.ActionTerm;
import org.casetrail.events.caserecord.CaseOpenedEvent;
import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.caserecord.ServiceUser;
import org.casetrail.events.contact.ContactDraftedEvent;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.contact.Timing;
import org.casetrail.events.guidance.GuidanceGivenEvent;
import org.casetrail.events.guidance.GuidanceRequestedEvent;
import org.casetrail.events.guidance.Urgency;
import org.casetrail.events.risk.Professional;
import org.casetrail.events.risk.RiskAspect;
import org.casetrail.events.risk.RiskCategory;
import org.casetrail.events.risk.RiskIdentifiedEvent;
import org.casetrail.events.risk.RiskReviewedEvent;
import org.casetrail.events.risk.Severity;
import org.casetrail.events.session.SessionBookedEvent;
import org.casetrail.query.action.ActionQueries;
import org.casetrail.query.compliance.ComplianceQueries;
import org.casetrail.query.guidance.GuidanceQueries;
import org.casetrail.query.risk.RiskQueries;
import org.casetrail.query.session.SessionQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Risks, actions, guidance and sessions projected from their events, and compliance reading across them. */
class FollowUpProjectionsTest extends ProjectionTestSupport {

    private static final Instant VISIT = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    RiskQueries risks;
    @Autowired
    ActionQueries actions;
    @Autowired
    GuidanceQueries guidance;
    @Autowired
    SessionQueries sessions;
    @Autowired
    ComplianceQueries compliance;

    @Test
    void followUpsFromOneContactAreProjectedAndReported() {
        String caseId = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String actioned = UUID.randomUUID().toString();
        String unactioned = UUID.randomUUID().toString();
        String action = UUID.randomUUID().toString();
        String request = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        store("CaseRecord", caseId, 0, new CaseOpenedEvent(caseId, new ServiceUser("Jo Bloggs", null, null),
                PlanType.CHILD_IN_NEED, "alex", null));
        store("Contact", first, 0, draft(first, caseId, VISIT));
        store("Contact", second, 0, draft(second, caseId, VISIT.plusSeconds(86_400)));
        store("Risk", actioned, 0, new RiskIdentifiedEvent(actioned, caseId, first, RiskCategory.TO_SELF,
                List.of(RiskAspect.EMOTIONAL), "Low mood", Severity.HIGH,
                List.of(new Professional("Dr Shah", "CAMHS", "psychiatrist")), null));
        store("Risk", actioned, 1, new RiskReviewedEvent(actioned, second, "Eating again", Severity.MEDIUM));
        store("Risk", unactioned, 0, new RiskIdentifiedEvent(unactioned, caseId, first, RiskCategory.TO_OTHERS,
                List.of(RiskAspect.SAFETY), "Threats at school", Severity.LOW, List.of(), null));
        store("Action", action, 0, new ActionAssignedEvent(action, caseId, second, "Refer to CAMHS", "alex",
                LocalDate.of(2026, 11, 30), ActionTerm.SHORT, null, null));
        store("Action", action, 1, new ActionCompletedEvent(action, second, "Referral accepted"));
        store("GuidanceRequest", request, 0, new GuidanceRequestedEvent(request, caseId, first, "Escalate?",
                Urgency.ROUTINE, null));
        store("GuidanceRequest", request, 1, new GuidanceGivenEvent(request, "Not yet"), MORGAN);
        store("Session", session, 0, new SessionBookedEvent(session, caseId, first, VISIT.plusSeconds(7 * 86_400),
                new Setting(SettingType.HOME, null), "Mood", null));

        var register = waitFor(() -> risks.register(caseId, null).filter(r -> r.items().size() == 2
                && r.items().get(0).version() == 2));
        assertThat(register.items().get(0).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(register.items().get(0).reviews()).singleElement()
                .satisfies(review -> assertThat(review.previousSeverity()).isEqualTo(Severity.HIGH));
        assertThat(register.items().get(0).professionalsInvolved()).extracting(Professional::name)
                                                                   .containsExactly("Dr Shah");

        var done = waitFor(() -> java.util.Optional.of(actions.actions("COMPLETED", null, caseId,
                LocalDate.of(2026, 12, 1), 0, 10)).filter(page -> page.total() == 1)).items().get(0);
        assertThat(done.outcome()).isEqualTo("Referral accepted");
        assertThat(done.history()).extracting(c -> c.change()).contains("COMPLETED");

        var answered = waitFor(() -> java.util.Optional.of(guidance.requests("ANSWERED", caseId, null))
                .filter(queue -> !queue.items().isEmpty())).items().get(0);
        assertThat(answered.answeredBy()).isEqualTo("morgan");
        // The session is handled by the same projection as the rest but may land a moment later: wait for it too.
        var booked = waitFor(() -> sessions.ofCase(caseId).filter(found -> !found.items().isEmpty()));
        assertThat(booked.items()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("BOOKED"));

        var report = compliance.recording(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(report.risksWithoutAction()).extracting(r -> r.riskId()).contains(unactioned)
                                               .doesNotContain(actioned);
    }

    private static ContactDraftedEvent draft(String contactId, String caseId, Instant at) {
        return new ContactDraftedEvent(contactId, caseId, List.of(), new Setting(SettingType.HOME, null),
                                       new Timing(at, at.plusSeconds(3600)), null, null, null, null, null);
    }
}
