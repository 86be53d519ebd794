package org.casetrail.query.contact;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.axonframework.queryhandling.QueryHandler;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.SettingType;
import org.casetrail.query.contact.ContactViews.ContactHistoryView;
import org.casetrail.query.contact.ContactViews.ContactPage;
import org.casetrail.query.contact.ContactViews.ContactView;
import org.casetrail.query.contact.ContactViews.ContactSummaryView;
import org.casetrail.query.contact.ContactViews.FieldChange;
import org.casetrail.query.contact.ContactViews.FindCaseContactsQuery;
import org.casetrail.query.contact.ContactViews.FindContactHistoryQuery;
import org.casetrail.query.contact.ContactViews.FindContactQuery;
import org.casetrail.query.contact.ContactViews.VersionView;
import org.casetrail.query.projection.Json;
import org.casetrail.query.projection.KnownCases;
import org.casetrail.query.projection.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers contact queries from the tables {@link ContactProjection} keeps: each one an index lookup. */
@Component
class ContactQueries {

    /** The fields a version's "what changed" compares, in the order of the headings. */
    private static final List<Field> FIELDS = List.of(
            new Field("attendees", ContactState::attendees),
            new Field("setting", ContactState::setting),
            new Field("startedAt", ContactState::startedAt),
            new Field("endedAt", ContactState::endedAt),
            new Field("purpose", ContactState::purpose),
            new Field("description", ContactState::description),
            new Field("status", ContactState::status),
            new Field("lateEntry", ContactState::lateEntry));

    private record Field(String name, Function<ContactState, Object> value) {
    }

    private final JdbcTemplate jdbc;
    private final Json json;
    private final KnownCases knownCases;
    private final ContactsAsOf contacts;

    ContactQueries(JdbcTemplate jdbc, Json json, KnownCases knownCases, ContactsAsOf contacts) {
        this.jdbc = jdbc;
        this.json = json;
        this.knownCases = knownCases;
        this.contacts = contacts;
    }

    @QueryHandler
    Optional<ContactView> handle(FindContactQuery query) {
        return contacts.state(query.contactId(), query.asOf())
                       .map(state -> new ContactView(state, contacts.links(query.contactId(), query.asOf())));
    }

    @QueryHandler
    Optional<ContactHistoryView> handle(FindContactHistoryQuery query) {
        List<VersionView> versions = new ArrayList<>();
        ContactState[] previous = {null};
        jdbc.query("""
                SELECT version, change, section, reason, state::text FROM projections.contact_version
                WHERE contact_id = ? ORDER BY version""",
                rs -> {
                    ContactState state = json.read(rs.getString("state"), ContactState.class);
                    String section = rs.getString("section");
                    versions.add(new VersionView(rs.getLong("version"), state.versionRecordedAt(),
                            state.versionRecordedBy(), rs.getString("change"),
                            section == null ? null : ContactSection.valueOf(section), rs.getString("reason"),
                            changes(previous[0], state)));
                    previous[0] = state;
                },
                Sql.uuid(query.contactId()));
        return versions.isEmpty() ? Optional.empty()
                : Optional.of(new ContactHistoryView(query.contactId(), List.copyOf(versions)));
    }

    @QueryHandler
    Optional<ContactPage> handle(FindCaseContactsQuery query) {
        if (!knownCases.contains(query.caseId())) {
            return Optional.empty();
        }
        String where = " WHERE case_id = ?" + (query.status() == null ? "" : " AND status = ?");
        List<Object> args = new ArrayList<>(List.of(Sql.uuid(query.caseId())));
        if (query.status() != null) {
            args.add(query.status());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM projections.contact" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<ContactSummaryView> items = jdbc.query("""
                SELECT contact_id, case_id, status, author, occurred_at, ended_at, setting_type, recorded_at,
                       finalised_at, late_entry, amended, version
                FROM projections.contact""" + where + " ORDER BY occurred_at, contact_id LIMIT ? OFFSET ?",
                (rs, n) -> new ContactSummaryView(rs.getString("contact_id"), rs.getString("case_id"),
                        rs.getString("status"), rs.getString("author"),
                        Sql.instant(rs.getObject("occurred_at", OffsetDateTime.class)),
                        Sql.instant(rs.getObject("ended_at", OffsetDateTime.class)),
                        SettingType.valueOf(rs.getString("setting_type")),
                        Sql.instant(rs.getObject("recorded_at", OffsetDateTime.class)),
                        Sql.instant(rs.getObject("finalised_at", OffsetDateTime.class)),
                        rs.getBoolean("late_entry"), rs.getBoolean("amended"), rs.getLong("version")),
                pageArgs.toArray());
        return Optional.of(new ContactPage(query.caseId(), items, query.page(), query.size(), total == null ? 0 : total));
    }

    /** What differs between two consecutive versions; for the first version, every field it set. */
    private static List<FieldChange> changes(ContactState before, ContactState after) {
        List<FieldChange> changes = new ArrayList<>();
        for (Field field : FIELDS) {
            Object from = before == null ? null : field.value().apply(before);
            Object to = field.value().apply(after);
            if (!Objects.equals(from, to) && !(before == null && isEmpty(to))) {
                changes.add(new FieldChange(field.name(), from, to));
            }
        }
        if (before != null && after.addenda().size() > before.addenda().size()) {
            changes.add(new FieldChange("addenda", null, after.addenda().get(after.addenda().size() - 1)));
        }
        return List.copyOf(changes);
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof List<?> list && list.isEmpty() || Boolean.FALSE.equals(value);
    }
}
