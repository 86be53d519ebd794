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

    /**
     * A risk, action, guidance request or session this contact identified, reviewed, assigned, completed...;
     * {@code addedAfterSigning} when it was recorded after the contact was signed (then {@code recordedAt} and
     * {@code recordedBy} say when and by whom), with the reason given for it (none for links recorded before
     * reasons were asked for, or for reviews and completions, which take none).
     */
    public record Link(String type, String id, String relation, String summary, Instant recordedAt,
                       String recordedBy, boolean addedAfterSigning, String reasonAfterSigning) {
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

    /**
     * The links of {@code contact} (the contact as it stood at {@code asOf}) recorded by {@code asOf} (all, when
     * null), in the order they were recorded, each marked if recorded after the contact was signed. The link that
     * says the contact held its session is written with the signature, so it is never marked.
     */
    public List<Link> links(ContactState contact, Instant asOf) {
        String contactId = contact.contactId();
        Instant signedAt = contact.finalisedAt();
        String until = asOf == null ? "" : " AND recorded_at <= ?";
        List<Object> args = new ArrayList<>(List.of(Sql.uuid(contactId)));
        if (asOf != null) {
            args.add(Sql.utc(asOf));
        }
        return jdbc.query("""
                SELECT item_type, item_id, relation, summary, recorded_at, recorded_by, reason_after_signing
                FROM projections.contact_link
                WHERE contact_id = ?""" + until + " ORDER BY recorded_at, item_type, item_id", (rs, n) -> {
                    Instant recorded = Sql.instant(rs.getObject("recorded_at", OffsetDateTime.class));
                    String relation = rs.getString("relation");
                    boolean afterSigning = signedAt != null && recorded.isAfter(signedAt) && !"HELD".equals(relation);
                    return new Link(rs.getString("item_type"), rs.getString("item_id"), relation,
                            rs.getString("summary"), recorded, rs.getString("recorded_by"), afterSigning,
                            rs.getString("reason_after_signing"));
                }, args.toArray());
    }
}
