package org.casetrail.query.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.Setting;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;

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
    private final ObjectReader attendees;
    private final ObjectReader setting;
    private final ObjectReader purpose;
    private final ObjectReader childVisit;
    private final ObjectReader statements;

    QualityQueries(JdbcClient jdbc, Json json, ContactsAsOf contacts, RecordingStandard standard, Clock clock,
                   CasetrailProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.contacts = contacts;
        this.standard = standard;
        this.clock = clock;
        this.zone = properties.timeZone();
        this.attendees = json.mapper().readerFor(new TypeReference<List<Attendee>>() { });
        this.setting = json.mapper().readerFor(Setting.class);
        this.purpose = json.mapper().readerFor(Purpose.class);
        this.childVisit = json.mapper().readerFor(ChildVisit.class);
        this.statements = json.mapper().readerFor(ContactStatements.class);
    }

    /**
     * The contacts a check reads what was raised in: a condition on {@code projections.contact c}, with its
     * arguments. What each contact raised is then read by joining on it, so a report's thousands of contacts cost
     * a handful of index-driven queries, not an array of ids per query.
     */
    private record Scope(String where, List<Object> args) {
    }

    /** The contact against the standard now, or as it stood at {@code asOf}; empty if it did not exist then. */
    public Optional<ContactQualityView> contact(String contactId, Instant asOf) {
        Instant at = asOf != null ? asOf : clock.instant();
        return contacts.state(contactId, asOf).map(state -> {
            Scope scope = new Scope("c.contact_id = ?", List.of(Sql.uuid(contactId)));
            List<ContactQualityView> checked = check(List.of(facts(state)), at, scope, cases(scope));
            return checked.isEmpty() ? null : checked.get(0);
        });
    }

    /**
     * The signed contacts that took place from {@code from} to {@code to} (whole days in the service's zone), of the
     * given workers (a team: its workers; all when none) or one case when given, against the standard now: figures
     * overall, by worker and by case, and the contacts behind them.
     */
    public QualityReportView report(LocalDate from, LocalDate to, List<String> workers, String caseId) {
        Instant at = clock.instant();
        StringBuilder where = new StringBuilder("c.status = 'FINALISED' AND c.occurred_at >= ? AND c.occurred_at < ?");
        List<Object> args = new ArrayList<>(List.of(Sql.utc(Times.startOfDay(from, zone)),
                                                    Sql.utc(Times.startOfDay(to.plusDays(1), zone))));
        if (!workers.isEmpty()) {
            where.append(" AND c.author = ANY(?)");
            args.add(workers.toArray(String[]::new));
        }
        if (caseId != null) {
            where.append(" AND c.case_id = ?");
            args.add(Sql.uuid(caseId));
        }
        Scope scope = new Scope(where.toString(), List.copyOf(args));
        // Only the parts of each contact a check reads: turning whole states into text costs more than the check.
        List<ContactFacts> found = jdbc.sql("""
                SELECT c.contact_id::text, c.case_id::text, c.version, c.author, c.status, c.occurred_at, c.ended_at,
                       c.finalised_at, c.state->'attendees' AS attendees, c.state->'setting' AS setting,
                       c.state->'purpose' AS purpose, coalesce(char_length(c.state->>'description'), 0) AS length,
                       c.state->'childVisit' AS child_visit, c.state->'statements' AS statements,
                       c.state->>'shortfallReason' AS shortfall_reason
                FROM projections.contact c WHERE %s ORDER BY c.occurred_at, c.contact_id""".formatted(scope.where()))
                .params(scope.args())
                .query((rs, n) -> new ContactFacts(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), part(rs.getString("attendees"), attendees),
                        part(rs.getString("setting"), setting), instant(rs, "occurred_at"), instant(rs, "ended_at"),
                        part(rs.getString("purpose"), purpose), rs.getInt("length"),
                        part(rs.getString("child_visit"), childVisit), part(rs.getString("statements"), statements),
                        instant(rs, "finalised_at"), rs.getString("shortfall_reason")))
                .list();
        Map<String, CaseFacts> cases = cases(scope);
        List<ContactQualityView> checked = check(found, at, scope, cases);
        Map<String, String> names = new HashMap<>();
        cases.forEach((id, facts) -> names.put(id, facts.serviceUserName()));
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

    /** One part of a stored state, read back as the state would read it; null when absent. */
    private static <T> T part(String stored, ObjectReader reader) {
        if (stored == null || stored.equals("null")) {
            return null;
        }
        try {
            return reader.readValue(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored contact's part cannot be read back", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Sql.instant(rs.getObject(column, OffsetDateTime.class));
    }

    /** What a check reads of a contact's state; the account's length in characters (code points), 0 when none. */
    private static ContactFacts facts(ContactState s) {
        int descriptionLength = s.description() == null ? 0
                : s.description().codePointCount(0, s.description().length());
        return new ContactFacts(s.contactId(), s.caseId(), s.version(), s.author(), s.status(),
                s.attendees() == null ? List.of() : s.attendees(), s.setting(), s.startedAt(), s.endedAt(), s.purpose(),
                descriptionLength, s.childVisit(), s.statements(), s.finalisedAt(), s.shortfallReason());
    }

    /**
     * Each contact checked as things stood at {@code at}, its inputs read for all of them at once; a contact whose
     * case the projections do not hold yet is left out until they do.
     */
    private List<ContactQualityView> check(List<ContactFacts> found, Instant at, Scope scope,
                                           Map<String, CaseFacts> cases) {
        if (found.isEmpty()) {
            return List.of();
        }
        OffsetDateTime when = Sql.utc(at);
        // Each lookup is a LATERAL join: one index probe per contact in scope, however large the table grows.
        String inScope = " FROM projections.contact c CROSS JOIN LATERAL (SELECT * FROM ";
        Map<String, List<PlanFact>> plans = new HashMap<>();
        jdbc.sql("""
                SELECT p.case_id::text, p.plan_id::text, p.title, p.plan_date, p.visit_frequency
                FROM projections.case_plan p
                WHERE p.case_id IN (SELECT c.case_id FROM projections.contact c WHERE %s) AND p.recorded_at <= ?"""
                         .formatted(scope.where()))
            .params(last(scope, when)).query(rs -> {
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
                """ + inScope + "projections.risk x WHERE x.contact_id = c.contact_id AND x.identified_at <= ?) r"
                 + " WHERE " + scope.where())
            .params(around(when, when, scope)).query(rs -> {
                risks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                     .add(new RiskFact(Severity.valueOf(rs.getString(2)), rs.getInt(3)));
            });
        Map<String, Integer> reviews = counts("projections.risk_review x", "x.reviewed_at", scope, when);
        Map<String, List<ActionFact>> actions = new HashMap<>();
        jdbc.sql("SELECT a.contact_id::text, a.assignee, a.due_date, a.expected_outcome" + inScope
                 + "projections.action_item x WHERE x.contact_id = c.contact_id AND x.assigned_at <= ?) a WHERE "
                 + scope.where())
            .params(first(when, scope)).query(rs -> {
                actions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ActionFact(rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4)));
            });
        Map<String, Integer> guidance = counts("projections.guidance_request x", "x.requested_at", scope, when);
        Map<String, List<SessionFact>> sessions = new HashMap<>();
        jdbc.sql("SELECT s.contact_id::text, s.scheduled_for, s.setting_type, s.location, s.focus" + inScope
                 + "projections.session_booking x WHERE x.contact_id = c.contact_id AND x.booked_at <= ?) s WHERE "
                 + scope.where() + " ORDER BY s.booked_at")
            .params(first(when, scope)).query(rs -> {
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

    /** The cases of the contacts in scope, with what a check needs of each. */
    private Map<String, CaseFacts> cases(Scope scope) {
        Map<String, CaseFacts> cases = new HashMap<>();
        jdbc.sql("""
                SELECT case_id::text, plan_type, opened_on, opened_at, service_user_name
                FROM projections.case_record WHERE case_id IN (SELECT c.case_id FROM projections.contact c WHERE %s)"""
                         .formatted(scope.where()))
            .params(scope.args()).query(rs -> {
                LocalDate openedOn = rs.getObject("opened_on", LocalDate.class);
                if (openedOn == null) {
                    openedOn = Times.at(Sql.instant(rs.getObject("opened_at", OffsetDateTime.class)), zone)
                                    .toLocalDate();
                }
                cases.put(rs.getString(1), new CaseFacts(PlanType.valueOf(rs.getString("plan_type")), openedOn,
                                                         rs.getString("service_user_name")));
            });
        return cases;
    }

    /** How many rows of {@code table} (aliased x, with a contact_id) each contact in scope has by {@code when}. */
    private Map<String, Integer> counts(String table, String recordedAt, Scope scope, OffsetDateTime when) {
        Map<String, Integer> counted = new HashMap<>();
        jdbc.sql("SELECT c.contact_id::text, n.counted FROM projections.contact c CROSS JOIN LATERAL (SELECT count(*)"
                 + " AS counted FROM " + table + " WHERE x.contact_id = c.contact_id AND " + recordedAt + " <= ?) n"
                 + " WHERE " + scope.where() + " AND n.counted > 0")
            .params(first(when, scope)).query(rs -> {
                counted.put(rs.getString(1), rs.getInt(2));
            });
        return counted;
    }

    /** The scope's arguments, then {@code last}. */
    private static List<Object> last(Scope scope, Object last) {
        List<Object> args = new ArrayList<>(scope.args());
        args.add(last);
        return args;
    }

    /** {@code first}, then the scope's arguments. */
    private static List<Object> first(Object first, Scope scope) {
        List<Object> args = new ArrayList<>(List.of(first));
        args.addAll(scope.args());
        return args;
    }

    /** {@code first} and {@code second}, then the scope's arguments. */
    private static List<Object> around(Object first, Object second, Scope scope) {
        List<Object> args = new ArrayList<>(List.of(first, second));
        args.addAll(scope.args());
        return args;
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
