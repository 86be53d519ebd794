package org.casetrail.query.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.guidance.Urgency;
import org.casetrail.events.risk.Severity;

/** What the compliance reports return. */
public final class ComplianceViews {

    private ComplianceViews() {
    }

    public record VisitView(String caseId, String serviceUserName, PlanType planType, String allocatedWorker,
                            String standard, Instant lastHomeVisit, LocalDate nextDue, boolean overdue) {
    }

    public record VisitReportView(LocalDate asOf, List<VisitView> items) {
    }

    public record LateEntryView(String caseId, String contactId, Instant occurredAt, Instant recordedAt,
                                String author) {
    }

    public record OldDraftView(String caseId, String contactId, Instant recordedAt, String author, long ageDays) {
    }

    public record UnactionedRiskView(String caseId, String riskId, String contactId, Severity severity,
                                     String description) {
    }

    public record WaitingGuidanceView(String caseId, String requestId, String contactId, Urgency urgency,
                                      Instant requestedAt, String requestedBy, long waitingDays) {
    }

    /** A booked session whose time has passed with nothing recorded of it (held, cancelled, missed, no access). */
    public record OverdueSessionView(String caseId, String sessionId, String contactId, Instant scheduledFor,
                                     String setting, String focus, String bookedBy, long overdueDays) {
    }

    /** A signed home visit that records the child was not seen: it does not count toward the visit standard. */
    public record ChildNotSeenView(String caseId, String contactId, Instant occurredAt, String author) {
    }

    public record RecordingReportView(Instant at, int draftOlderThanDays, int guidanceWaitingDays,
                                      List<LateEntryView> lateEntries, List<OldDraftView> oldDrafts,
                                      List<UnactionedRiskView> risksWithoutAction,
                                      List<WaitingGuidanceView> guidanceAwaiting,
                                      List<OverdueSessionView> overdueSessions,
                                      List<ChildNotSeenView> childNotSeen) {
    }
}
