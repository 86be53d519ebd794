package org.casetrail.query.contact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.Setting;
import org.casetrail.platform.db.Sql;
import org.casetrail.query.projection.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Contacts read for review against a standard: the parts of each one a reviewer reads, many at once, and the
 * case's last home visit before each.
 */
@Component
public class SignedContacts {

    /**
     * What a review reads of a contact, as it stood: its headings but the account itself, of which only the length
     * in characters (code points, 0 when none) is kept.
     */
    public record ContactParts(String contactId, String caseId, long version, String author, String status,
                               List<Attendee> attendees, Setting setting, Instant startedAt, Instant endedAt,
                               Purpose purpose, int descriptionLength, ChildVisit childVisit,
                               ContactStatements statements, Instant finalisedAt, String shortfallReason) {

        public static ContactParts of(ContactState s) {
            int length = s.description() == null ? 0 : s.description().codePointCount(0, s.description().length());
            return new ContactParts(s.contactId(), s.caseId(), s.version(), s.author(), s.status(),
                    s.attendees() == null ? List.of() : s.attendees(), s.setting(), s.startedAt(), s.endedAt(),
                    s.purpose(), length, s.childVisit(), s.statements(), s.finalisedAt(), s.shortfallReason());
        }
    }

    /** A contact's parts as PostgreSQL gives them, the JSON ones still text (read in parallel afterwards). */
    private record Stored(String contactId, String caseId, long version, String author, String status,
                          String attendees, String setting, Instant startedAt, Instant endedAt, String purpose,
                          int descriptionLength, String childVisit, String statements, Instant finalisedAt,
                          String shortfallReason) {
    }

    private final JdbcClient jdbc;
    private final ObjectReader attendees;
    private final ObjectReader setting;
    private final ObjectReader purpose;
    private final ObjectReader childVisit;
    private final ObjectReader statements;

    SignedContacts(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.attendees = json.mapper().readerFor(new TypeReference<List<Attendee>>() { });
        this.setting = json.mapper().readerFor(Setting.class);
        this.purpose = json.mapper().readerFor(Purpose.class);
        this.childVisit = json.mapper().readerFor(ChildVisit.class);
        this.statements = json.mapper().readerFor(ContactStatements.class);
    }

    /**
     * The signed contacts that took place from {@code from} until {@code until}, of these authors (all when none) and
     * of one case when given, in the order they took place. Only the parts a review reads leave PostgreSQL: turning
     * whole states into text costs more than the review.
     */
    public List<ContactParts> signed(Instant from, Instant until, List<String> authors, String caseId) {
        StringBuilder where = new StringBuilder("status = 'FINALISED' AND occurred_at >= ? AND occurred_at < ?");
        List<Object> args = new ArrayList<>(List.of(Sql.utc(from), Sql.utc(until)));
        if (!authors.isEmpty()) {
            where.append(" AND author = ANY(?)");
            args.add(authors.toArray(String[]::new));
        }
        if (caseId != null) {
            where.append(" AND case_id = ?");
            args.add(Sql.uuid(caseId));
        }
        // The state is taken apart once per row (each ->'part' of it would unpack the whole state again).
        return jdbc.sql("""
                SELECT contact_id::text, case_id::text, version, author, status, occurred_at, ended_at, finalised_at,
                       s.attendees, s.setting, s.purpose, coalesce(char_length(s.description), 0) AS length,
                       s."childVisit" AS child_visit, s.statements, s."shortfallReason" AS shortfall_reason
                FROM projections.contact,
                     jsonb_to_record(state) AS s(attendees jsonb, setting jsonb, purpose jsonb, description text,
                                                 "childVisit" jsonb, statements jsonb, "shortfallReason" text)
                WHERE %s ORDER BY occurred_at, contact_id""".formatted(where))
                .params(args)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString("attendees"), rs.getString("setting"),
                        Sql.instant(rs.getObject("occurred_at", OffsetDateTime.class)),
                        Sql.instant(rs.getObject("ended_at", OffsetDateTime.class)), rs.getString("purpose"),
                        rs.getInt("length"), rs.getString("child_visit"), rs.getString("statements"),
                        Sql.instant(rs.getObject("finalised_at", OffsetDateTime.class)),
                        rs.getString("shortfall_reason")))
                .list().parallelStream().map(this::parts).toList();
    }

    /**
     * For each contact, its case's last home visit before it that counts toward the visit standard (signed by
     * {@code signedBy}, not recording the child unseen): one index range per contact (case, time).
     */
    public Map<String, Instant> lastHomeVisitsBefore(List<ContactParts> contacts, Instant signedBy) {
        Map<String, Instant> last = new HashMap<>();
        if (contacts.isEmpty()) {
            return last;
        }
        jdbc.sql("""
                SELECT x.contact_id::text,
                       (SELECT max(h.occurred_at) FROM projections.contact h
                        WHERE h.case_id = x.case_id AND h.occurred_at < x.occurred_at AND h.contact_id <> x.contact_id
                          AND h.setting_type = 'HOME' AND h.status = 'FINALISED' AND h.child_seen IS NOT FALSE
                          AND h.finalised_at <= ?)
                FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[]) AS x(contact_id, case_id, occurred_at)""")
            .params(Sql.utc(signedBy), contacts.stream().map(c -> Sql.uuid(c.contactId())).toArray(UUID[]::new),
                    contacts.stream().map(c -> Sql.uuid(c.caseId())).toArray(UUID[]::new),
                    contacts.stream().map(c -> c.startedAt().toString()).toArray(String[]::new))
            .query(rs -> {
                OffsetDateTime visit = rs.getObject(2, OffsetDateTime.class);
                if (visit != null) {
                    last.put(rs.getString(1), Sql.instant(visit));
                }
            });
        return last;
    }

    private ContactParts parts(Stored s) {
        return new ContactParts(s.contactId(), s.caseId(), s.version(), s.author(), s.status(),
                Objects.requireNonNullElse(read(s.attendees(), attendees), List.<Attendee>of()),
                read(s.setting(), setting), s.startedAt(), s.endedAt(), read(s.purpose(), purpose),
                s.descriptionLength(), read(s.childVisit(), childVisit), read(s.statements(), statements),
                s.finalisedAt(), s.shortfallReason());
    }

    /** One part of a stored state, read back as the state would read it; null when absent. */
    private static <T> T read(String stored, ObjectReader reader) {
        if (stored == null || stored.equals("null")) {
            return null;
        }
        try {
            return reader.readValue(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored contact's part cannot be read back", e);
        }
    }
}
