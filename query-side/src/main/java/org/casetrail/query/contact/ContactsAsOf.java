package org.casetrail.query.contact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.casetrail.platform.db.Sql;
import org.casetrail.query.projection.Json;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A contact, and what it gave rise to or recorded, now or as they stood at a recording time: the lookups behind
 * the contact read and the court bundle alike, each one index lookup.
 */
@Component
public class ContactsAsOf {

    /** A risk, action, guidance request or session this contact identified, reviewed, assigned, completed... */
    public record Link(String type, String id, String relation, String summary, Instant recordedAt,
                       String recordedBy) {
    }

    private final JdbcTemplate jdbc;
    private final Json json;

    ContactsAsOf(JdbcTemplate jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The contact now, or at {@code asOf} when that is set; empty if it did not exist then. */
    public Optional<ContactState> state(String contactId, Instant asOf) {
        List<String> found = asOf == null
                ? jdbc.queryForList("SELECT state::text FROM projections.contact WHERE contact_id = ?", String.class,
                                    Sql.uuid(contactId))
                : jdbc.queryForList("""
                        SELECT state::text FROM projections.contact_version WHERE contact_id = ? AND recorded_at <= ?
                        ORDER BY recorded_at DESC, version DESC LIMIT 1""", String.class,
                        Sql.uuid(contactId), Sql.utc(asOf));
        return found.stream().findFirst().map(stored -> json.read(stored, ContactState.class));
    }

    /** The contact's links recorded by {@code asOf} (all, when null), in the order they were recorded. */
    public List<Link> links(String contactId, Instant asOf) {
        String until = asOf == null ? "" : " AND recorded_at <= ?";
        List<Object> args = new ArrayList<>(List.of(Sql.uuid(contactId)));
        if (asOf != null) {
            args.add(Sql.utc(asOf));
        }
        return jdbc.query("""
                SELECT item_type, item_id, relation, summary, recorded_at, recorded_by FROM projections.contact_link
                WHERE contact_id = ?""" + until + " ORDER BY recorded_at, item_type, item_id",
                (rs, n) -> new Link(rs.getString("item_type"), rs.getString("item_id"), rs.getString("relation"),
                        rs.getString("summary"), Sql.instant(rs.getObject("recorded_at", OffsetDateTime.class)),
                        rs.getString("recorded_by")),
                args.toArray());
    }
}
