package org.casetrail.query.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the recording-quality check and report answer. */
public final class QualityViews {

    private QualityViews() {
    }

    /** One thing a step asks for: {@code reason} says what is missing when it is not met (null when met). */
    public record CheckView(String id, String label, boolean met, String reason) {
    }

    /** One of the seven steps: met when every check of it that applies is met. */
    public record StepView(int step, String heading, boolean met, List<CheckView> checks) {
    }

    /**
     * Whether the contact was written down (signed) within the deadline for its kind: a critical event (it identified
     * a high risk), a statutory visit (a home visit on a child's case) or any other contact. While a draft is within
     * its deadline it is met so far; a draft past it is not. {@code lastDay}: for a deadline in working days, the
     * last day to sign on (the deadline is the end of it, in the service's zone); null for a deadline in hours.
     */
    public record TimelinessView(String kind, String rule, Instant deadline, LocalDate lastDay, Instant signedAt,
                                 boolean met, String reason) {
    }

    /**
     * A contact against the recording standard, now or as it stood at {@code asOf}; {@code version}: the contact's
     * version checked.
     *
     * @param stepsMet        how many of the seven steps are met
     * @param stepsNotMet     the numbers of the steps not met
     * @param allStepsMet     whether all seven are
     * @param homeVisit       a signed home visit that counts toward the visit standard (the child seen, on a
     *                        child's case)
     * @param frequencyKept   whether the case's visit frequency was kept at the contact's date (null when that check
     *                        is not applied)
     * @param shortfallReason why it was signed with steps not met, as the practitioner gave it
     */
    public record ContactQualityView(String contactId, String caseId, long version, String author, String status,
                                     Instant occurredAt, Instant asOf, List<StepView> steps, int stepsMet,
                                     List<Integer> stepsNotMet, boolean allStepsMet, TimelinessView timeliness,
                                     boolean homeVisit, Boolean frequencyKept, String shortfallReason) {
    }

    /** The standard a check or report measured against, in words and as configured. */
    public record StandardView(List<String> checksApplied, List<String> checksSkipped, String planReviewPeriod,
                               int narrativeLimit, String criticalDeadline, int statutoryVisitWorkingDays,
                               int otherWorkingDays, String visitFrequency) {
    }

    /**
     * The figures for a group of signed contacts (a worker's, a case's, or all of them).
     *
     * @param signed          signed contacts that took place in the period
     * @param allStepsMet     of those, how many meet all seven steps
     * @param share           that as a share of {@code signed}, 0 to 1 (null when none signed)
     * @param mostMissedStep  the step most often not met (the lowest number on a tie; null when none missed)
     * @param mostMissedCount how many contacts missed it
     * @param late            contacts signed after their recording deadline
     * @param homeVisits      signed home visits that count toward the visit standard
     * @param frequencyKept   of those, how many kept the case's visit frequency
     * @param signedShortWithoutReason contacts signed with steps not met and no reason given
     */
    public record FiguresView(String group, String key, String name, int signed, int allStepsMet, Double share,
                              Integer mostMissedStep, int mostMissedCount, int late, int homeVisits,
                              int frequencyKept, int signedShortWithoutReason) {
    }

    /** One contact behind the figures. */
    public record ReportContactView(String contactId, String caseId, String serviceUserName, String author,
                                    Instant occurredAt, Instant signedAt, List<Integer> stepsNotMet, boolean late,
                                    boolean homeVisit, Boolean frequencyKept, String shortfallReason) {
    }

    /**
     * The recording-quality report over the signed contacts that took place from {@code from} to {@code to}, of
     * {@code workers} (all when empty) and of one case when {@code caseId} is set.
     */
    public record QualityReportView(LocalDate from, LocalDate to, List<String> workers, String caseId, Instant at,
                                    StandardView standard, FiguresView all, List<FiguresView> byWorker,
                                    List<FiguresView> byCase, List<ReportContactView> contacts) {
    }
}
