package org.casetrail.query.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.risk.Severity;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.db.Sql;
import org.casetrail.platform.time.Times;
import org.casetrail.query.contact.ContactState;
import org.casetrail.query.contact.ContactsAsOf;
import org.casetrail.query.projection.Json;
import org.casetrail.query.quality.QualityInputs.ActionFact;
import org.casetrail.query.quality.QualityInputs.CaseFacts;
import org.casetrail.query.quality.QualityInputs.ContactFacts;
import org.casetrail.query.quality.QualityInputs.PlanFact;
import org.casetrail.query.quality.QualityInputs.RiskFact;
import org.casetrail.query.quality.QualityInputs.SessionFact;
import org.casetrail.query.quality.QualityViews.ContactQualityView;
import org.casetrail.query.quality.QualityViews.FiguresView;
import org.casetrail.query.quality.QualityViews.QualityReportView;
import org.casetrail.query.quality.QualityViews.ReportContactView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Contacts against the recording standard: one contact now or as it stood at any moment, and the managers' report
 * over a period. Nothing is stored for it: each check is worked out from the projections' tables as they stood at
 * that moment (the contact's version, the plans recorded, what was raised in it by then), so it is rebuilt with
 * them and never disagrees with the record. A report reads its contacts in a handful of batched queries.
 */
@Component
public class QualityQueries {

    private final JdbcClient jdbc;
    private final Json json;
    private final ContactsAsOf contacts;
    private final RecordingStandard standard;
    private final Clock clock;
    private final ZoneId zone;

    QualityQueries(JdbcClient jdbc, Json json, ContactsAsOf contacts, RecordingStandard standard, Clock clock,
                   CasetrailProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.contacts = contacts;
        this.standard = standard;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    /** The contact against the standard now, or as it stood at {@code asOf}; empty if it did not exist then. */
    public Optional<ContactQualityView> contact(String contactId, Instant asOf) {
        Instant at = asOf != null ? asOf : clock.instant();
        return contacts.state(contactId, asOf).map(state -> {
            int length = state.description() == null ? 0
                    : state.description().codePointCount(0, state.description().length());
            return check(List.of(facts(state, length)), at).get(0);
        });
    }

    /**
     * The signed contacts that took place from {@code from} to {@code to} (whole days in the service's zone), of one
     * worker or one case when given, against the standard now: figures overall, by worker and by case, and the
     * contacts behind them.
     */
    public QualityReportView report(LocalDate from, LocalDate to, String worker, String caseId) {
        Instant at = clock.instant();
        StringBuilder sql = new StringBuilder("""
                SELECT (state - 'description' - 'addenda' - 'corrections')::text AS facts,
                       coalesce(char_length(state->>'description'), 0) AS length
                FROM projections.contact
                WHERE status = 'FINALISED' AND occurred_at >= ? AND occurred_at < ?""");
        List<Object> args = new ArrayList<>(List.of(Sql.utc(Times.startOfDay(from, zone)),
                                                    Sql.utc(Times.startOfDay(to.plusDays(1), zone))));
        if (worker != null) {
            sql.append(" AND author = ?");
            args.add(worker);
        }
        if (caseId != null) {
            sql.append(" AND case_id = ?");
            args.add(Sql.uuid(caseId));
        }
        sql.append(" ORDER BY occurred_at, contact_id");
        List<ContactFacts> found = jdbc.sql(sql.toString()).params(args)
                .query((rs, n) -> facts(json.read(rs.getString("facts"), ContactState.class), rs.getInt("length")))
                .list();
        List<ContactQualityView> checked = check(found, at);
        Map<String, String> names = serviceUserNames(found);
        List<ReportContactView> rows = checked.stream().map(q -> new ReportContactView(q.contactId(), q.caseId(),
                names.get(q.caseId()), q.author(), q.occurredAt(),
                q.timeliness() == null ? null : q.timeliness().signedAt(), q.stepsNotMet(), late(q), q.homeVisit(),
                q.frequencyKept(), q.shortfallReason())).toList();
        return new QualityReportView(from, to, worker, caseId, at, standard.describe(),
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

    private Map<String, String> serviceUserNames(List<ContactFacts> found) {
        Map<String, String> names = new HashMap<>();
        UUID[] cases = found.stream().map(ContactFacts::caseId).distinct().map(Sql::uuid).toArray(UUID[]::new);
        if (cases.length > 0) {
            jdbc.sql("SELECT case_id::text, service_user_name FROM projections.case_record WHERE case_id = ANY(?)")
                .param(cases).query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        }
        return names;
    }

    private static ContactFacts facts(ContactState s, int descriptionLength) {
        return new ContactFacts(s.contactId(), s.caseId(), s.author(), s.status(),
                s.attendees() == null ? List.of() : s.attendees(), s.setting(), s.startedAt(), s.endedAt(), s.purpose(),
                descriptionLength, s.childVisit(), s.statements(), s.finalisedAt(), s.shortfallReason());
    }

    /** Each contact checked as things stood at {@code at}, its inputs read for all of them at once. */
    private List<ContactQualityView> check(List<ContactFacts> found, Instant at) {
        if (found.isEmpty()) {
            return List.of();
        }
        OffsetDateTime when = Sql.utc(at);
        UUID[] contactIds = found.stream().map(c -> Sql.uuid(c.contactId())).toArray(UUID[]::new);
        UUID[] caseIds = found.stream().map(c -> Sql.uuid(c.caseId())).distinct().toArray(UUID[]::new);

        Map<String, CaseFacts> cases = new HashMap<>();
        jdbc.sql("""
                SELECT case_id::text, plan_type, opened_on, opened_at, service_user_name
                FROM projections.case_record WHERE case_id = ANY(?)""")
            .param(caseIds).query(rs -> {
                LocalDate openedOn = rs.getObject("opened_on", LocalDate.class);
                if (openedOn == null) {
                    openedOn = Times.at(Sql.instant(rs.getObject("opened_at", OffsetDateTime.class)), zone)
                                    .toLocalDate();
                }
                cases.put(rs.getString(1), new CaseFacts(PlanType.valueOf(rs.getString("plan_type")), openedOn,
                                                         rs.getString("service_user_name")));
            });
        Map<String, List<PlanFact>> plans = new HashMap<>();
        jdbc.sql("""
                SELECT case_id::text, plan_id::text, title, plan_date, visit_frequency FROM projections.case_plan
                WHERE case_id = ANY(?) AND recorded_at <= ?""")
            .params(caseIds, when).query(rs -> {
                plans.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PlanFact(rs.getString(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5)));
            });
        // A risk's severity as it stood then: the one its first later review replaced, if reviewed since.
        Map<String, List<RiskFact>> risks = new HashMap<>();
        jdbc.sql("""
                SELECT r.contact_id::text,
                       coalesce((SELECT rv.previous_severity FROM projections.risk_review rv
                                 WHERE rv.risk_id = r.risk_id AND rv.reviewed_at > ?
                                 ORDER BY rv.version LIMIT 1), r.severity) AS severity,
                       jsonb_array_length(r.professionals) AS professionals
                FROM projections.risk r WHERE r.contact_id = ANY(?) AND r.identified_at <= ?""")
            .params(when, contactIds, when).query(rs -> {
                risks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                     .add(new RiskFact(Severity.valueOf(rs.getString(2)), rs.getInt(3)));
            });
        Map<String, Integer> reviews = counts("""
                SELECT contact_id::text, count(*) FROM projections.risk_review
                WHERE contact_id = ANY(?) AND reviewed_at <= ? GROUP BY contact_id""", contactIds, when);
        Map<String, List<ActionFact>> actions = new HashMap<>();
        jdbc.sql("""
                SELECT contact_id::text, assignee, due_date, expected_outcome FROM projections.action_item
                WHERE contact_id = ANY(?) AND assigned_at <= ?""")
            .params(contactIds, when).query(rs -> {
                actions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ActionFact(rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4)));
            });
        Map<String, Integer> guidance = counts("""
                SELECT contact_id::text, count(*) FROM projections.guidance_request
                WHERE contact_id = ANY(?) AND requested_at <= ? GROUP BY contact_id""", contactIds, when);
        Map<String, List<SessionFact>> sessions = new HashMap<>();
        jdbc.sql("""
                SELECT contact_id::text, scheduled_for, setting_type, location, focus FROM projections.session_booking
                WHERE contact_id = ANY(?) AND booked_at <= ? ORDER BY booked_at""")
            .params(contactIds, when).query(rs -> {
                sessions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new SessionFact(
                        Sql.instant(rs.getObject(2, OffsetDateTime.class)), SettingType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)));
            });
        Map<String, Instant> lastVisits = lastHomeVisits(found, when);

        List<ContactQualityView> checked = new ArrayList<>(found.size());
        for (ContactFacts c : found) {
            CaseFacts caseFacts = cases.get(c.caseId());
            if (caseFacts == null) {
                // The case's projection is behind the contact's: the contact is not checked until it catches up.
                continue;
            }
            checked.add(standard.check(new QualityInputs(c, caseFacts, plans.getOrDefault(c.caseId(), List.of()),
                    risks.getOrDefault(c.contactId(), List.of()), reviews.getOrDefault(c.contactId(), 0),
                    actions.getOrDefault(c.contactId(), List.of()), guidance.getOrDefault(c.contactId(), 0),
                    sessions.getOrDefault(c.contactId(), List.of()), lastVisits.get(c.contactId())), at));
        }
        return checked;
    }

    private Map<String, Integer> counts(String sql, UUID[] contactIds, OffsetDateTime when) {
        Map<String, Integer> counted = new HashMap<>();
        jdbc.sql(sql).params(contactIds, when).query(rs -> {
            counted.put(rs.getString(1), rs.getInt(2));
        });
        return counted;
    }

    /**
     * For each contact, its case's last home visit before it that counts toward the visit standard and was signed
     * by {@code when}: one index range per contact (case, time).
     */
    private Map<String, Instant> lastHomeVisits(List<ContactFacts> found, OffsetDateTime when) {
        Map<String, Instant> last = new HashMap<>();
        jdbc.sql("""
                SELECT x.contact_id::text,
                       (SELECT max(h.occurred_at) FROM projections.contact h
                        WHERE h.case_id = x.case_id AND h.occurred_at < x.occurred_at AND h.contact_id <> x.contact_id
                          AND h.setting_type = 'HOME' AND h.status = 'FINALISED' AND h.child_seen IS NOT FALSE
                          AND h.finalised_at <= ?)
                FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[]) AS x(contact_id, case_id, occurred_at)""")
            .params(when, found.stream().map(c -> Sql.uuid(c.contactId())).toArray(UUID[]::new),
                    found.stream().map(c -> Sql.uuid(c.caseId())).toArray(UUID[]::new),
                    found.stream().map(c -> c.startedAt().toString()).toArray(String[]::new))
            .query(rs -> {
                OffsetDateTime visit = rs.getObject(2, OffsetDateTime.class);
                if (visit != null) {
                    last.put(rs.getString(1), Sql.instant(visit));
                }
            });
        return last;
    }
}
