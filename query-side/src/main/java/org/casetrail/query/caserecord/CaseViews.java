package org.casetrail.query.caserecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.casetrail.events.caserecord.PlanKind;
import org.casetrail.events.caserecord.PlanType;

/** What the case reads return. */
public final class CaseViews {

    private CaseViews() {
    }

    public record ServiceUserView(String name, LocalDate dateOfBirth, String reference) {
    }

    /** {@code visitFrequency}: how often the plan says to visit ("1 week"), when it says; else the plan type's. */
    public record PlanView(String planId, PlanKind kind, String title, LocalDate date, String summary,
                           Instant recordedAt, String recordedBy, String visitFrequency) {
    }

    public record StatusChangeView(String status, String reason, Instant at, String by, long version) {
    }

    /** {@code overdueSessions}: booked sessions whose time has passed with nothing recorded of them. */
    public record CountsView(int plans, int contacts, int drafts, int overdueSessions) {
    }

    /** {@code openedOn}: the date of the referral or of opening, where the chronology starts. */
    public record CaseView(String caseId, ServiceUserView serviceUser, PlanType planType, String allocatedWorker,
                           String status, Instant openedAt, String openedBy, LocalDate openedOn, List<PlanView> plans,
                           List<StatusChangeView> statusHistory, CountsView counts, long version) {
    }

    public record CaseSummaryView(String caseId, ServiceUserView serviceUser, PlanType planType,
                                  String allocatedWorker, String status, Instant openedAt, long version) {
    }

    public record CasePage(List<CaseSummaryView> items, int page, int size, long total) {
    }
}
