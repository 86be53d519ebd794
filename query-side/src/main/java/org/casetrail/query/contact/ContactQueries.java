package org.casetrail.query.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.casetrail.events.contact.ContactSection;
import org.casetrail.platform.db.Rows;
import org.casetrail.platform.db.Sql;
import org.casetrail.query.contact.ContactViews.ContactHistoryView;
import org.casetrail.query.contact.ContactViews.ContactPage;
import org.casetrail.query.contact.ContactViews.ContactSummaryView;
import org.casetrail.query.contact.ContactViews.ContactView;
import org.casetrail.query.contact.ContactViews.FieldChange;
import org.casetrail.query.contact.ContactViews.VersionView;
import org.casetrail.query.projection.Json;
import org.casetrail.query.projection.KnownCases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The contact reads, from the tables {@link ContactProjection} keeps: each one an index lookup. */
@Component
public class ContactQueries {

    /** The fields a version's "what changed" compares, in the order of the headings. */
    private static final List<Field> FIELDS = List.of(
            new Field("attendees", ContactState::attendees),
            new Field("setting", ContactState::setting),
            new Field("startedAt", ContactState::startedAt),
            new Field("endedAt", ContactState::endedAt),
            new Field("purpose", ContactState::purpose),
            new Field("description", ContactState::description),
            new Field("childVisit", ContactState::childVisit),
            new Field("statements", ContactState::statements),
            new Field("status", ContactState::status),
            new Field("lateEntry", ContactState::lateEntry));

    private record Field(String name, Function<ContactState, Object> value) {
    }

    private final JdbcClient jdbc;
    private final Json json;
    private final KnownCases knownCases;
    private final ContactsAsOf contacts;

    ContactQueries(JdbcClient jdbc, Json json, KnownCases knownCases, ContactsAsOf contacts) {
        this.jdbc = jdbc;
        this.json = json;
        this.knownCases = knownCases;
        this.contacts = contacts;
    }

    /** The contact now, or as it stood at {@code asOf} (a recording time) when that is set. */
    public Optional<ContactView> find(String contactId, Instant asOf) {
        return contacts.state(contactId, asOf).map(state -> new ContactView(state,
                contacts.links(state, asOf)));
    }

    /** Every version of the contact, each with what changed from the one before. */
    public Optional<ContactHistoryView> history(String contactId) {
        List<VersionView> versions = new ArrayList<>();
        ContactState[] previous = {null};
        jdbc.sql("""
                SELECT version, change, section, reason, state::text FROM projections.contact_version
                WHERE contact_id = ? ORDER BY version""")
            .param(Sql.uuid(contactId))
            .query(rs -> {
                    ContactState state = json.read(rs.getString("state"), ContactState.class);
                    String section = rs.getString("section");
                    versions.add(new VersionView(rs.getLong("version"), state.versionRecordedAt(),
                            state.versionRecordedBy(), rs.getString("change"),
                            section == null ? null : ContactSection.valueOf(section), rs.getString("reason"),
                            changes(previous[0], state)));
                previous[0] = state;
            });
        return versions.isEmpty() ? Optional.empty()
                : Optional.of(new ContactHistoryView(contactId, List.copyOf(versions)));
    }

    /** A page of the case's contacts in the order they took place, optionally by status; empty for no such case. */
    public Optional<ContactPage> ofCase(String caseId, String status, int page, int size) {
        if (!knownCases.contains(caseId)) {
            return Optional.empty();
        }
        String where = " WHERE case_id = ?" + (status == null ? "" : " AND status = ?");
        List<Object> args = new ArrayList<>(List.of(Sql.uuid(caseId)));
        if (status != null) {
            args.add(status);
        }
        long total = jdbc.sql("SELECT count(*) FROM projections.contact" + where).params(args).query(Long.class)
                         .single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<ContactSummaryView> items = jdbc.sql("SELECT " + CaseContacts.SUMMARY_COLUMNS + " FROM projections.contact"
                                                  + where + " ORDER BY occurred_at, contact_id LIMIT ? OFFSET ?")
                .params(pageArgs).query(Rows.as(ContactSummaryView.class)).list();
        return Optional.of(new ContactPage(caseId, items, page, size, total));
    }

    /** A page of the case's contacts, the latest to take place first (a case page's tab); empty for no such case. */
    public Optional<ContactPage> newestOfCase(String caseId, int page, int size) {
        if (!knownCases.contains(caseId)) {
            return Optional.empty();
        }
        UUID id = Sql.uuid(caseId);
        long total = jdbc.sql("SELECT count(*) FROM projections.contact WHERE case_id = ?").param(id)
                         .query(Long.class).single();
        List<ContactSummaryView> items = jdbc.sql("SELECT " + CaseContacts.SUMMARY_COLUMNS + " FROM projections.contact"
                                                  + " WHERE case_id = ? ORDER BY occurred_at DESC, contact_id DESC"
                                                  + " LIMIT ? OFFSET ?")
                .params(id, size, (long) page * size).query(Rows.as(ContactSummaryView.class)).list();
        return Optional.of(new ContactPage(caseId, items, page, size, total));
    }

    /** A user's contacts still in draft, oldest first: the notes they have yet to finish and sign. */
    public List<ContactSummaryView> draftsBy(String author, int limit) {
        return jdbc.sql("SELECT " + CaseContacts.SUMMARY_COLUMNS + " FROM projections.contact"
                        + " WHERE author = ? AND status = 'DRAFT' ORDER BY recorded_at, contact_id LIMIT ?")
                   .params(author, limit).query(Rows.as(ContactSummaryView.class)).list();
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
