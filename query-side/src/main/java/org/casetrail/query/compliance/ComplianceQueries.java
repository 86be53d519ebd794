package org.casetrail.query.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.time.Times;
import org.casetrail.query.action.ActionQueries;
import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.query.caserecord.CaseQueries.CaseHeader;
import org.casetrail.query.compliance.ComplianceViews.ChildNotSeenView;
import org.casetrail.query.compliance.ComplianceViews.LateEntryView;
import org.casetrail.query.compliance.ComplianceViews.OldDraftView;
import org.casetrail.query.compliance.ComplianceViews.OverdueSessionView;
import org.casetrail.query.compliance.ComplianceViews.RecordingReportView;
import org.casetrail.query.compliance.ComplianceViews.UnactionedRiskView;
import org.casetrail.query.compliance.ComplianceViews.VisitReportView;
import org.casetrail.query.compliance.ComplianceViews.VisitView;
import org.casetrail.query.compliance.ComplianceViews.WaitingGuidanceView;
import org.casetrail.query.contact.CaseContacts;
import org.casetrail.query.guidance.GuidanceQueries;
import org.casetrail.query.risk.RiskQueries;
import org.casetrail.query.risk.RiskViews.OpenRisk;
import org.casetrail.query.session.SessionQueries;
import org.springframework.stereotype.Component;

/**
 * Home visits against each plan type's standard, and recording that is late or left undone. Compliance keeps no
 * tables: it asks each feature for its part. Standards, bank holidays and thresholds are configuration
 * ({@code casetrail.compliance.*}).
 */
@Component
public class ComplianceQueries {

    /** The recording report lists this many of the latest home visits that did not see the child. */
    private static final int CHILD_NOT_SEEN_LIMIT = 200;

    private final CaseQueries cases;
    private final CaseContacts contacts;
    private final RiskQueries risks;
    private final ActionQueries actions;
    private final GuidanceQueries guidance;
    private final SessionQueries sessions;
    private final ZoneId zone;
    private final VisitStandards standards;
    private final CasetrailProperties.Compliance settings;

    ComplianceQueries(CaseQueries cases, CaseContacts contacts, RiskQueries risks, ActionQueries actions,
                      GuidanceQueries guidance, SessionQueries sessions, VisitStandards standards,
                      CasetrailProperties properties) {
        this.sessions = sessions;
        this.cases = cases;
        this.contacts = contacts;
        this.risks = risks;
        this.actions = actions;
        this.guidance = guidance;
        this.zone = properties.timeZone();
        this.settings = properties.compliance();
        this.standards = standards;
    }

    /** Each open case against its plan type's visit standard, as at the end of {@code asOf}. */
    public VisitReportView visits(LocalDate asOf) {
        return report(asOf, cases.open(),
                      contacts.lastHomeVisits(Times.startOfDay(Times.dayAfter(asOf), zone)));
    }

    /** As {@link #visits}, for the open cases allocated to one worker (their caseload on My work). */
    public VisitReportView visitsOf(LocalDate asOf, String worker) {
        List<CaseHeader> theirs = cases.open(worker);
        return report(asOf, theirs, contacts.lastHomeVisits(Times.startOfDay(Times.dayAfter(asOf), zone),
                                                             theirs.stream().map(CaseHeader::caseId).toList()));
    }

    private VisitReportView report(LocalDate asOf, List<CaseHeader> open, Map<String, Instant> lastVisits) {
        Map<String, String> frequencies = cases.planVisitFrequencies(asOf, open.stream().map(CaseHeader::caseId)
                                                                               .toList());
        List<VisitView> items = open.stream().map(c -> {
            VisitStandards.Applied standard = standards.of(c.planType(), frequencies.get(c.caseId()));
            Instant last = lastVisits.get(c.caseId());
            // Counted from the last signed home visit, or else from the referral or opening date.
            LocalDate since = last != null ? Times.at(last, zone).toLocalDate()
                    : c.openedOn() != null ? c.openedOn() : Times.at(c.openedAt(), zone).toLocalDate();
            LocalDate due = standard.nextDue(since, standards.calendar());
            return new VisitView(c.caseId(), c.serviceUserName(), c.planType(), c.allocatedWorker(),
                                 standard.describe(), last, due, due.isBefore(asOf));
        }).toList();
        return new VisitReportView(asOf, items);
    }

    /**
     * Late entries, old drafts, open risks with no action, guidance waiting too long, overdue sessions and home
     * visits that did not see the child, as at {@code at}.
     */
    public RecordingReportView recording(Instant at) {
        List<LateEntryView> late = contacts.lateEntries().stream()
                .map(c -> new LateEntryView(c.caseId(), c.contactId(), c.occurredAt(), c.recordedAt(), c.author()))
                .toList();
        List<OldDraftView> drafts = contacts.draftsRecordedBefore(at.minus(Duration.ofDays(settings.draftOlderThanDays())))
                .stream()
                .map(c -> new OldDraftView(c.caseId(), c.contactId(), c.recordedAt(), c.author(),
                                           Duration.between(c.recordedAt(), at).toDays()))
                .toList();
        List<OpenRisk> open = risks.open();
        Set<String> actioned = actions.contactsWithActions(open.stream().flatMap(r -> r.contactIds().stream())
                                                               .distinct().toList());
        List<UnactionedRiskView> unactioned = open.stream()
                .filter(r -> r.contactIds().stream().noneMatch(actioned::contains))
                .map(r -> new UnactionedRiskView(r.caseId(), r.riskId(), r.contactId(), r.severity(), r.description()))
                .toList();
        List<WaitingGuidanceView> waiting = guidance.requests("AWAITING", null,
                                                              at.minus(Duration.ofDays(settings.guidanceWaitingDays())))
                .items().stream()
                .map(g -> new WaitingGuidanceView(g.caseId(), g.requestId(), g.contactId(), g.urgency(),
                                                  g.requestedAt(), g.requestedBy(),
                                                  Duration.between(g.requestedAt(), at).toDays()))
                .toList();
        List<OverdueSessionView> overdue = sessions.overdue(null, at).stream()
                .map(s -> new OverdueSessionView(s.caseId(), s.sessionId(), s.contactId(), s.scheduledFor(),
                                                 s.setting().type().name(), s.focus(), s.bookedBy(),
                                                 Duration.between(s.scheduledFor(), at).toDays()))
                .toList();
        List<ChildNotSeenView> notSeen = contacts.childNotSeen(CHILD_NOT_SEEN_LIMIT).stream()
                .map(c -> new ChildNotSeenView(c.caseId(), c.contactId(), c.occurredAt(), c.author())).toList();
        return new RecordingReportView(at, settings.draftOlderThanDays(), settings.guidanceWaitingDays(), late, drafts,
                                       unactioned, waiting, overdue, notSeen);
    }
}
