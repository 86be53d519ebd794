package org.casetrail.query.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.casetrail.events.contact.AttendeeRole;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.risk.Severity;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.time.Times;
import org.casetrail.query.compliance.VisitStandards;
import org.casetrail.query.caserecord.CaseViews.PlanView;
import org.casetrail.query.contact.SignedContacts.ContactParts;
import org.casetrail.query.session.SessionQueries.SessionBooked;
import org.casetrail.query.quality.QualityViews.CheckView;
import org.casetrail.query.quality.QualityViews.ContactQualityView;
import org.casetrail.query.quality.QualityViews.StandardView;
import org.casetrail.query.quality.QualityViews.StepView;
import org.casetrail.query.quality.QualityViews.TimelinessView;
import org.springframework.stereotype.Component;

/**
 * The recording standard: a good contact note by the seven steps, each with what must be evidenced, and written
 * down in time. One function of what a contact and its case recorded at a moment, so the checklist on a draft,
 * the check of a contact as it stood on any date and the managers' report all say the same. Which checks apply,
 * and the bounds and deadlines, are configuration ({@code casetrail.quality.*}).
 */
@Component
public class RecordingStandard {

    /** Every check, in the order of the steps: id, step, what it asks for. */
    static final List<Check> CHECKS = List.of(
            new Check("attendees.listed", 1, "Who attended, each in their role"),
            new Check("attendees.service-user", 1, "The service user present, or why they were not seen"),
            new Check("where.place", 2, "Where: the setting and place (for a home visit, the address)"),
            new Check("where.times", 2, "When: the start and end times"),
            new Check("where.frequency", 2, "The case's visit frequency kept"),
            new Check("purpose.text", 3, "The purpose of the session"),
            new Check("purpose.current-plan", 3, "Linked to an up-to-date assessment or plan"),
            new Check("purpose.intervention", 3, "The intervention used"),
            new Check("purpose.theory", 3, "The theory behind it"),
            new Check("took-place.narrative", 4, "What took place"),
            new Check("took-place.presentation", 4, "How the person presented and engaged"),
            new Check("took-place.length", 4, "Kept to what matters, not reams of description"),
            new Check("took-place.child-visit", 4, "For a home visit to a child: seen, seen alone, bedroom, wishes"),
            new Check("risks.stated", 5, "Risks recorded, or no new risks stated"),
            new Check("risks.professionals", 5, "High risks name the professionals involved"),
            new Check("actions.complete", 6, "Each action with an owner, a due date and an outcome to measure"),
            new Check("actions.guidance", 6, "Whether a manager's guidance is needed, answered yes or no"),
            new Check("next-session.arranged", 7, "The next session booked with date, place and focus, or why none"));

    static final String TIMELINESS = "timeliness";

    static final Map<Integer, String> HEADINGS = Map.of(1, "Attendees", 2, "Where and when",
            3, "Purpose linked to the assessment and plan", 4, "What took place", 5, "Risks", 6, "Actions",
            7, "Next arranged session");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    record Check(String id, int step, String label) {
    }

    private final Set<String> skipped;
    /** The checks applied, step by step (index 0 is step 1). */
    private final List<List<Check>> applied;
    private final Period planReviewPeriod;
    private final int narrativeLimit;
    private final Duration criticalDeadline;
    private final int statutoryVisitWorkingDays;
    private final int otherWorkingDays;
    private final VisitStandards visits;
    private final ZoneId zone;

    RecordingStandard(CasetrailProperties properties, VisitStandards visits) {
        var quality = properties.quality();
        List<String> known = new ArrayList<>(CHECKS.stream().map(Check::id).toList());
        known.add(TIMELINESS);
        for (String id : quality.skip()) {
            if (!known.contains(id)) {
                throw new IllegalStateException("casetrail.quality.skip names no check: '" + id + "' (checks: "
                                                + String.join(", ", known) + ")");
            }
        }
        this.skipped = Set.copyOf(quality.skip());
        List<List<Check>> bySteps = new ArrayList<>();
        for (int step = 1; step <= 7; step++) {
            int number = step;
            bySteps.add(CHECKS.stream().filter(k -> k.step() == number && !skipped.contains(k.id())).toList());
        }
        this.applied = List.copyOf(bySteps);
        this.planReviewPeriod = quality.planReviewPeriod();
        this.narrativeLimit = quality.narrativeLimit();
        this.criticalDeadline = quality.criticalDeadline();
        this.statutoryVisitWorkingDays = quality.statutoryVisitWorkingDays();
        this.otherWorkingDays = quality.otherWorkingDays();
        this.visits = visits;
        this.zone = properties.timeZone();
    }

    /** The standard as configured, for the report and the API to state. */
    StandardView describe() {
        List<String> applied = new ArrayList<>();
        for (Check check : CHECKS) {
            if (!skipped.contains(check.id())) {
                applied.add(check.id());
            }
        }
        if (!skipped.contains(TIMELINESS)) {
            applied.add(TIMELINESS);
        }
        return new StandardView(applied, skipped.stream().sorted().toList(), planReviewPeriod.toString(),
                narrativeLimit, criticalDeadline.toString(), statutoryVisitWorkingDays, otherWorkingDays,
                "the plan's own visit frequency where it sets one, else the plan type's standard");
    }

    /** The contact of {@code in} against the standard, as things stood at {@code at}. */
    ContactQualityView check(QualityInputs in, Instant at) {
        ContactParts c = in.contact();
        ContactStatements stated = c.statements() == null ? ContactStatements.none() : c.statements();
        LocalDate day = Times.at(c.startedAt(), zone).toLocalDate();
        Map<String, String> failures = new LinkedHashMap<>();
        boolean countsAsVisit = countsAsHomeVisit(in);

        // 1. Attendees
        if (c.attendees().isEmpty()) {
            failures.put("attendees.listed", "No one is listed as attending");
        }
        if (c.attendees().stream().noneMatch(a -> a.role() == AttendeeRole.SERVICE_USER)
            && stated.serviceUserNotSeenReason() == null) {
            failures.put("attendees.service-user",
                         "The service user is not listed as attending, and no reason is given why they were not seen");
        }
        // 2. Where and when
        SettingType setting = c.setting() == null ? null : c.setting().type();
        if (setting == null) {
            failures.put("where.place", "The setting is not recorded");
        } else if (setting != SettingType.PHONE && setting != SettingType.VIRTUAL && blank(c.setting().location())) {
            failures.put("where.place", setting == SettingType.HOME ? "A home visit without the address"
                                                                      : "The place is not given");
        }
        if (c.endedAt() == null) {
            failures.put("where.times", "The end time is not recorded");
        }
        Boolean frequencyKept = null;
        if (!skipped.contains("where.frequency")) {
            String frequencyFailure = frequency(in, day, countsAsVisit);
            frequencyKept = frequencyFailure == null;
            if (frequencyFailure != null) {
                failures.put("where.frequency", frequencyFailure);
            }
        }
        // 3. Purpose linked to intervention
        Purpose purpose = c.purpose();
        if (purpose == null || blank(purpose.text())) {
            failures.put("purpose.text", "The purpose is not recorded");
        }
        String planFailure = currentPlan(purpose, in.plans(), day);
        if (planFailure != null) {
            failures.put("purpose.current-plan", planFailure);
        }
        if (purpose == null || blank(purpose.intervention())) {
            failures.put("purpose.intervention", "The intervention used is not named");
        }
        if (purpose == null || blank(purpose.theory())) {
            failures.put("purpose.theory", "The theory behind the intervention is not named");
        }
        // 4. What took place
        if (c.descriptionLength() == 0) {
            failures.put("took-place.narrative", "What took place is not recorded");
        } else if (c.descriptionLength() > narrativeLimit) {
            failures.put("took-place.length", "The account runs to " + String.format(Locale.UK, "%,d",
                    c.descriptionLength()) + " characters, over the " + String.format(Locale.UK, "%,d", narrativeLimit)
                    + " the standard sets: keep to what matters");
        }
        if (stated.presentation() == null) {
            failures.put("took-place.presentation", "How the person presented and engaged is not recorded");
        }
        boolean childHomeVisit = setting == SettingType.HOME && in.caseFacts().child();
        if (childHomeVisit) {
            ChildVisit visit = c.childVisit() == null ? new ChildVisit(null, null, null, null) : c.childVisit();
            if (!visit.missing().isEmpty()) {
                failures.put("took-place.child-visit", "Not yet recorded: " + String.join(", ", visit.missing()));
            }
        }
        // 5. Risks
        int identified = in.risks().size();
        if (Boolean.TRUE.equals(stated.noNewRisks()) && identified > 0) {
            failures.put("risks.stated", "It says no new risks were identified, yet this contact identified "
                                         + count(identified, "risk"));
        } else if (identified == 0 && in.risksReviewed() == 0 && !Boolean.TRUE.equals(stated.noNewRisks())) {
            failures.put("risks.stated", "No risk is recorded, and it is not stated that no new risks were identified");
        }
        long highWithoutProfessionals = in.risks().stream()
                .filter(r -> r.severity() == Severity.HIGH && r.professionals() == 0).count();
        if (highWithoutProfessionals > 0) {
            failures.put("risks.professionals", count(highWithoutProfessionals, "high risk")
                    + " identified here name" + (highWithoutProfessionals == 1 ? "s" : "")
                    + " no professional involved in addressing it");
        }
        // 6. Actions
        long withoutOutcome = in.actions().stream().filter(a -> blank(a.expectedOutcome())).count();
        long withoutOwnerOrDate = in.actions().stream()
                .filter(a -> blank(a.assignee()) || a.dueDate() == null).count();
        if (withoutOutcome > 0 || withoutOwnerOrDate > 0) {
            List<String> parts = new ArrayList<>();
            if (withoutOutcome > 0) {
                parts.add(count(withoutOutcome, "action") + " without an outcome to measure it by");
            }
            if (withoutOwnerOrDate > 0) {
                parts.add(count(withoutOwnerOrDate, "action") + " without an owner or a due date");
            }
            failures.put("actions.complete", String.join("; ", parts));
        }
        if (stated.guidanceNeeded() == null) {
            failures.put("actions.guidance", "Whether a manager's guidance is needed is not answered");
        } else if (stated.guidanceNeeded() && in.guidanceRequests() == 0) {
            failures.put("actions.guidance", "It says a manager's guidance is needed, but none is asked for");
        }
        // 7. Next session
        String nextFailure = nextSession(in.sessions(), stated);
        if (nextFailure != null) {
            failures.put("next-session.arranged", nextFailure);
        }

        List<StepView> steps = new ArrayList<>(7);
        List<Integer> notMet = new ArrayList<>(7);
        for (int step = 1; step <= 7; step++) {
            List<CheckView> checks = new ArrayList<>();
            boolean stepMet = true;
            for (Check check : applied.get(step - 1)) {
                if (check.id().equals("took-place.child-visit") && !childHomeVisit) {
                    continue;
                }
                String failure = failures.get(check.id());
                checks.add(new CheckView(check.id(), check.label(), failure == null, failure));
                stepMet &= failure == null;
            }
            steps.add(new StepView(step, HEADINGS.get(step), stepMet, checks));
            if (!stepMet) {
                notMet.add(step);
            }
        }
        return new ContactQualityView(c.contactId(), c.caseId(), c.version(), c.author(), c.status(), c.startedAt(),
                at, steps, 7 - notMet.size(), List.copyOf(notMet), notMet.isEmpty(),
                skipped.contains(TIMELINESS) ? null : timeliness(in, at), countsAsVisit && c.finalisedAt() != null,
                frequencyKept, c.shortfallReason());
    }

    /** A home visit counts toward the visit standard unless it records that the child was not seen. */
    private static boolean countsAsHomeVisit(QualityInputs in) {
        ContactParts c = in.contact();
        return c.setting() != null && c.setting().type() == SettingType.HOME
               && (c.childVisit() == null || !Boolean.FALSE.equals(c.childVisit().childSeen()));
    }

    /**
     * Whether the case had its home visit in time at this contact's date: counted from the last home visit before it
     * (or from the referral), by the plan's own frequency where the latest plan sets one, else the plan type's.
     */
    private String frequency(QualityInputs in, LocalDate day, boolean countsAsVisit) {
        // The latest plan by its date that sets one; of two of a date, the one recorded later (as the visit report
        // chooses: CaseQueries.planVisitFrequencies).
        String planFrequency = in.plans().stream()
                .filter(p -> p.visitFrequency() != null && !p.date().isAfter(day))
                .max(java.util.Comparator.comparing(PlanView::date).thenComparing(PlanView::recordedAt))
                .map(PlanView::visitFrequency).orElse(null);
        VisitStandards.Applied standard = visits.of(in.caseFacts().planType(), planFrequency);
        LocalDate since = in.lastHomeVisit() != null ? Times.at(in.lastHomeVisit(), zone).toLocalDate()
                : in.caseFacts().openedOn();
        LocalDate due = standard.nextDue(since, visits.calendar());
        if (!day.isAfter(due)) {
            return null;
        }
        String from = in.lastHomeVisit() != null ? "the last home visit, on " + DAY.format(since)
                : "the case opened on " + DAY.format(since) + ", with no home visit since";
        return (countsAsVisit ? "This home visit came after the next was due: " : "No home visit in time: ")
               + "one was due by " + DAY.format(due) + " after " + from + "; the standard is "
               + standard.describe();
    }

    /** At least one linked assessment or plan dated within the review period before the contact. */
    private String currentPlan(Purpose purpose, List<PlanView> plans, LocalDate day) {
        List<String> linked = purpose == null ? List.of() : purpose.linkedPlanIds();
        if (linked.isEmpty()) {
            return "Not linked to an assessment or plan";
        }
        LocalDate oldest = day.minus(planReviewPeriod);
        List<PlanView> found = plans.stream().filter(p -> linked.contains(p.planId())).toList();
        if (found.stream().anyMatch(p -> !p.date().isBefore(oldest))) {
            return null;
        }
        return "No linked assessment or plan is up to date: " + String.join(", ", found.stream()
                .map(p -> "'" + p.title() + "' is dated " + DAY.format(p.date())).toList())
               + ", more than " + words(planReviewPeriod) + " before the contact; review it or link a current one";
    }

    private static String nextSession(List<SessionBooked> sessions, ContactStatements stated) {
        if (sessions.isEmpty()) {
            return stated.noNextSessionReason() != null ? null
                    : "No next session is booked, and no reason is given why not";
        }
        for (SessionBooked s : sessions) {
            boolean placed = s.settingType() == SettingType.PHONE || s.settingType() == SettingType.VIRTUAL
                             || !blank(s.location());
            if (s.scheduledFor() != null && placed && !blank(s.focus())) {
                return null;
            }
        }
        SessionBooked first = sessions.get(0);
        List<String> missing = new ArrayList<>();
        if (first.settingType() != SettingType.PHONE && first.settingType() != SettingType.VIRTUAL
            && blank(first.location())) {
            missing.add("its place");
        }
        if (blank(first.focus())) {
            missing.add("what it will focus on");
        }
        return "The next session is booked without " + String.join(" or ", missing);
    }

    /**
     * Written down within the deadline for the contact's kind, counted from its end (its start when no end is
     * recorded) to its signing.
     */
    private TimelinessView timeliness(QualityInputs in, Instant at) {
        ContactParts c = in.contact();
        Instant ended = c.endedAt() != null ? c.endedAt() : c.startedAt();
        String kind;
        String rule;
        Instant deadline;
        LocalDate lastDay = null;
        if (in.risks().stream().anyMatch(r -> r.severity() == Severity.HIGH)) {
            kind = "CRITICAL_EVENT";
            rule = "a critical event (a high risk identified) is written down within " + hours(criticalDeadline);
            deadline = ended.plus(criticalDeadline);
        } else {
            boolean statutory = c.setting() != null && c.setting().type() == SettingType.HOME
                                && in.caseFacts().child();
            int days = statutory ? statutoryVisitWorkingDays : otherWorkingDays;
            kind = statutory ? "STATUTORY_VISIT" : "OTHER";
            rule = (statutory ? "a statutory visit (a home visit on a child's case)" : "a contact")
                   + " is written down within " + count(days, "working day");
            lastDay = visits.calendar().plusWorkingDays(Times.at(ended, zone).toLocalDate(), days);
            deadline = Times.startOfDay(lastDay.plusDays(1), zone);
        }
        Instant signed = c.finalisedAt();
        if (signed != null && !signed.isAfter(at)) {
            boolean met = !signed.isAfter(deadline);
            return new TimelinessView(kind, rule, deadline, lastDay, signed, met, met ? null
                    : "Signed " + late(Duration.between(deadline, signed)) + " after the deadline: " + rule);
        }
        boolean met = !at.isAfter(deadline);
        return new TimelinessView(kind, rule, deadline, lastDay, null, met, met ? null
                : "Not signed, and the deadline has passed: " + rule);
    }

    private static String late(Duration by) {
        long hours = Math.max(1, (by.toMinutes() + 59) / 60);
        return hours < 48 ? count(hours, "hour") : count((hours + 23) / 24, "day");
    }

    private static String hours(Duration duration) {
        return duration.toMinutes() % 60 == 0 ? count(duration.toHours(), "hour") : duration.toMinutes() + " minutes";
    }

    private static String words(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() > 0) {
            parts.add(count(period.getYears(), "year"));
        }
        if (period.getMonths() > 0) {
            parts.add(count(period.getMonths(), "month"));
        }
        if (period.getDays() > 0 || parts.isEmpty()) {
            parts.add(count(period.getDays(), "day"));
        }
        return String.join(" and ", parts);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
