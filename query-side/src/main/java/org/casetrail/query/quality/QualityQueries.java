package org.casetrail.query.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.time.Times;
import org.casetrail.query.action.ActionQueries;
import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.query.caserecord.CaseQueries.CaseHeader;
import org.casetrail.query.contact.ContactsAsOf;
import org.casetrail.query.contact.SignedContacts;
import org.casetrail.query.contact.SignedContacts.ContactParts;
import org.casetrail.query.guidance.GuidanceQueries;
import org.casetrail.query.quality.QualityInputs.CaseFacts;
import org.casetrail.query.quality.QualityViews.ContactQualityView;
import org.casetrail.query.quality.QualityViews.FiguresView;
import org.casetrail.query.quality.QualityViews.QualityReportView;
import org.casetrail.query.quality.QualityViews.ReportContactView;
import org.casetrail.query.risk.RiskQueries;
import org.casetrail.query.session.SessionQueries;
import org.springframework.stereotype.Component;

/**
 * Contacts against the recording standard: one contact now or as it stood at any moment, and the managers' report
 * over a period. Nothing is stored for it: each check is worked out from what the features' tables held at that
 * moment (the contact's version, the plans recorded, what was raised in it by then), asked of each feature once
 * for all the contacts of a report, so it rebuilds with them and never disagrees with the record.
 */
@Component
public class QualityQueries {

    private final ContactsAsOf contacts;
    private final SignedContacts signed;
    private final CaseQueries cases;
    private final RiskQueries risks;
    private final ActionQueries actions;
    private final GuidanceQueries guidance;
    private final SessionQueries sessions;
    private final RecordingStandard standard;
    private final Clock clock;
    private final ZoneId zone;
    private final Lookups lookups;

    QualityQueries(ContactsAsOf contacts, SignedContacts signed, CaseQueries cases, RiskQueries risks,
                   ActionQueries actions, GuidanceQueries guidance, SessionQueries sessions,
                   RecordingStandard standard, Clock clock, CasetrailProperties properties, Lookups lookups) {
        this.contacts = contacts;
        this.signed = signed;
        this.cases = cases;
        this.risks = risks;
        this.actions = actions;
        this.guidance = guidance;
        this.sessions = sessions;
        this.standard = standard;
        this.clock = clock;
        this.zone = properties.timeZone();
        this.lookups = lookups;
    }

    /** The contact against the standard now, or as it stood at {@code asOf}; empty if it did not exist then. */
    public Optional<ContactQualityView> contact(String contactId, Instant asOf) {
        Instant at = asOf != null ? asOf : clock.instant();
        return contacts.state(contactId, asOf)
                       .flatMap(state -> check(List.of(ContactParts.of(state)), at).checked().stream().findFirst());
    }

    /**
     * The signed contacts that took place from {@code from} to {@code to} (whole days in the service's zone), of the
     * given workers (a team: its workers; all when none) or one case when given, against the standard now: figures
     * overall, by worker and by case, and the contacts behind them.
     */
    public QualityReportView report(LocalDate from, LocalDate to, List<String> workers, String caseId) {
        Instant at = clock.instant();
        List<ContactParts> found = signed.signed(Times.startOfDay(from, zone), Times.startOfDay(to.plusDays(1), zone),
                                                 workers, caseId);
        Checked result = check(found, at);
        List<ContactQualityView> checked = result.checked();
        Map<String, String> names = new HashMap<>();
        result.caseFacts().forEach((id, facts) -> names.put(id, facts.serviceUserName()));
        List<ReportContactView> rows = checked.stream().map(q -> new ReportContactView(q.contactId(), q.caseId(),
                names.get(q.caseId()), q.author(), q.occurredAt(),
                q.timeliness() == null ? null : q.timeliness().signedAt(), q.stepsNotMet(), late(q), q.homeVisit(),
                q.frequencyKept(), q.shortfallReason())).toList();
        return new QualityReportView(from, to, List.copyOf(workers), caseId, at, standard.describe(),
                figures("all", null, "All signed contacts", checked),
                grouped("worker", checked, ContactQualityView::author, author -> author),
                grouped("case", checked, ContactQualityView::caseId, names::get), rows);
    }

    private static boolean late(ContactQualityView q) {
        return q.timeliness() != null && !q.timeliness().met();
    }

    private static List<FiguresView> grouped(String group, List<ContactQualityView> checked,
                                             Function<ContactQualityView, String> key,
                                             Function<String, String> name) {
        Map<String, List<ContactQualityView>> by = new LinkedHashMap<>();
        for (ContactQualityView q : checked) {
            by.computeIfAbsent(key.apply(q), k -> new ArrayList<>()).add(q);
        }
        return by.entrySet().stream()
                 .map(e -> figures(group, e.getKey(), name.apply(e.getKey()), e.getValue()))
                 .sorted(Comparator.comparing(FiguresView::name, Comparator.nullsLast(Comparator.naturalOrder()))
                                   .thenComparing(FiguresView::key))
                 .toList();
    }

    private static FiguresView figures(String group, String key, String name, List<ContactQualityView> checked) {
        int all = (int) checked.stream().filter(ContactQualityView::allStepsMet).count();
        int[] missed = new int[8];
        for (ContactQualityView q : checked) {
            q.stepsNotMet().forEach(step -> missed[step]++);
        }
        Integer most = null;
        for (int step = 1; step <= 7; step++) {
            if (missed[step] > 0 && (most == null || missed[step] > missed[most])) {
                most = step;
            }
        }
        int late = (int) checked.stream().filter(QualityQueries::late).count();
        int visits = (int) checked.stream().filter(ContactQualityView::homeVisit).count();
        int kept = (int) checked.stream().filter(q -> q.homeVisit() && Boolean.TRUE.equals(q.frequencyKept())).count();
        int shortWithoutReason = (int) checked.stream()
                .filter(q -> !q.allStepsMet() && q.shortfallReason() == null).count();
        return new FiguresView(group, key, name, checked.size(), all,
                checked.isEmpty() ? null : (double) all / checked.size(), most, most == null ? 0 : missed[most], late,
                visits, kept, shortWithoutReason);
    }

    /** The cases of these contacts, with what a check needs of each. */
    private Map<String, CaseFacts> caseFacts(Set<String> ids) {
        Map<String, CaseFacts> facts = new HashMap<>();
        for (CaseHeader c : cases.headers(ids).values()) {
            LocalDate openedOn = c.openedOn() != null ? c.openedOn() : Times.at(c.openedAt(), zone).toLocalDate();
            facts.put(c.caseId(), new CaseFacts(c.planType(), openedOn, c.serviceUserName()));
        }
        return facts;
    }

    /** The contacts checked, and the facts of their cases. */
    private record Checked(List<ContactQualityView> checked, Map<String, CaseFacts> caseFacts) {
    }

    /**
     * Each contact checked as things stood at {@code at}, what it reads asked of each feature once for all of them,
     * the features side by side (each read is an index probe per contact, independent of the others); a contact
     * whose case the projections do not hold yet is left out until they do.
     */
    private Checked check(List<ContactParts> found, Instant at) {
        if (found.isEmpty()) {
            return new Checked(List.of(), Map.of());
        }
        List<String> contactIds = found.stream().map(ContactParts::contactId).toList();
        Set<String> caseIds = found.stream().map(ContactParts::caseId).collect(Collectors.toSet());
        var facts = lookups.ask(() -> caseFacts(caseIds));
        var plans = lookups.ask(() -> cases.plansRecordedBy(caseIds, at));
        var identified = lookups.ask(() -> risks.identifiedIn(contactIds, at));
        var reviews = lookups.ask(() -> risks.reviewsIn(contactIds, at));
        var assigned = lookups.ask(() -> actions.assignedIn(contactIds, at));
        var requested = lookups.ask(() -> guidance.requestedIn(contactIds, at));
        var booked = lookups.ask(() -> sessions.bookedIn(contactIds, at));
        var lastVisits = signed.lastHomeVisitsBefore(found, at);
        Map<String, CaseFacts> caseFacts = facts.get();
        var plansByCase = plans.get();
        var risksByContact = identified.get();
        var reviewsByContact = reviews.get();
        var actionsByContact = assigned.get();
        var requestsByContact = requested.get();
        var sessionsByContact = booked.get();
        // The checks are independent of each other: a large report uses every core (the order is kept).
        return new Checked(found.parallelStream().filter(c -> caseFacts.containsKey(c.caseId()))
                .map(c -> standard.check(new QualityInputs(c, caseFacts.get(c.caseId()),
                        plansByCase.getOrDefault(c.caseId(), List.of()),
                        risksByContact.getOrDefault(c.contactId(), List.of()),
                        reviewsByContact.getOrDefault(c.contactId(), 0),
                        actionsByContact.getOrDefault(c.contactId(), List.of()),
                        requestsByContact.getOrDefault(c.contactId(), 0),
                        sessionsByContact.getOrDefault(c.contactId(), List.of()), lastVisits.get(c.contactId())), at))
                .toList(), caseFacts);
    }
}
