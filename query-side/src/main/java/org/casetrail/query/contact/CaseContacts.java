package org.casetrail.query.contact;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.casetrail.platform.db.HeldRows;
import org.casetrail.platform.db.Rows;
import org.casetrail.platform.db.Sql;
import org.casetrail.query.contact.ContactViews.ContactSummaryView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other features ask of the contacts, by case or across cases: counts, which contacts a bundle prints, home
 * visits, late entries and old drafts, and the stored versions for subject access. The contact tables are read
 * here and in this package only.
 */
@Component
public class CaseContacts {

    public record Counts(int contacts, int drafts) {
    }

    static final String SUMMARY_COLUMNS = """
            contact_id, case_id, status, author, occurred_at, ended_at, setting_type AS setting, recorded_at,
            finalised_at, late_entry, amended, version""";

    private final JdbcClient jdbc;

    CaseContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Contacts not discarded, and drafts among them. */
    public Counts counts(String caseId) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status <> 'DISCARDED') AS contacts,
                       count(*) FILTER (WHERE status = 'DRAFT') AS drafts
                FROM projections.contact WHERE case_id = ?""")
                   .param(Sql.uuid(caseId)).query(Rows.as(Counts.class)).single();
    }

    /** The case's contacts first recorded by {@code asOf} (all, when null), in the order they took place. */
    public List<String> ids(String caseId, Instant asOf) {
        return jdbc.sql("SELECT contact_id::text FROM projections.contact WHERE case_id = ?"
                        + (asOf == null ? "" : " AND recorded_at <= ?") + " ORDER BY occurred_at, contact_id")
                   .params(asOf == null ? List.of(Sql.uuid(caseId)) : List.of(Sql.uuid(caseId), Sql.utc(asOf)))
                   .query(String.class).list();
    }

    /**
     * Each case's latest home visit that took place before {@code before}: a signed contact at home. A draft is not
     * yet a visit (an empty one would otherwise satisfy the visit standard); it counts once it is signed. A visit
     * that records the child was not seen does not count either.
     */
    public Map<String, Instant> lastHomeVisits(Instant before) {
        return lastHomeVisits(before, null);
    }

    /** As {@link #lastHomeVisits(Instant)}, for these cases only (through the case index: a worker's caseload). */
    public Map<String, Instant> lastHomeVisits(Instant before, Collection<String> caseIds) {
        Map<String, Instant> last = new LinkedHashMap<>();
        List<Object> args = new ArrayList<>(List.of(Sql.utc(before)));
        if (caseIds != null) {
            args.add(Sql.uuids(caseIds));
        }
        jdbc.sql("SELECT case_id::text, max(occurred_at) FROM projections.contact"
                 + " WHERE setting_type = 'HOME' AND status = 'FINALISED' AND child_seen IS NOT FALSE"
                 + " AND occurred_at < ?"
                 + (caseIds == null ? "" : " AND case_id = ANY(?)") + " GROUP BY case_id")
            .params(args)
            .query(rs -> {
                last.put(rs.getString(1), Sql.instant(rs.getObject(2, java.time.OffsetDateTime.class)));
            });
        return last;
    }

    /** Signed home visits that record the child was not seen, the latest first (at most {@code limit}). */
    public List<ContactSummaryView> childNotSeen(int limit) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM projections.contact WHERE child_seen = false "
                        + "AND status = 'FINALISED' ORDER BY occurred_at DESC, contact_id LIMIT ?")
                   .param(limit).query(Rows.as(ContactSummaryView.class)).list();
    }

    /** Late entries not discarded, in the order they were recorded. */
    public List<ContactSummaryView> lateEntries() {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM projections.contact "
                        + "WHERE late_entry AND status <> 'DISCARDED' ORDER BY recorded_at, contact_id")
                   .query(Rows.as(ContactSummaryView.class)).list();
    }

    /** Drafts first recorded before {@code before}, oldest first. */
    public List<ContactSummaryView> draftsRecordedBefore(Instant before) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM projections.contact "
                        + "WHERE status = 'DRAFT' AND recorded_at < ? ORDER BY recorded_at, contact_id")
                   .param(Sql.utc(before)).query(Rows.as(ContactSummaryView.class)).list();
    }

    /** Every stored version of every contact of the case, for a subject access request. */
    public Map<String, List<Map<String, Object>>> held(String caseId) {
        return HeldRows.of(jdbc, caseId).part("contactVersions", """
                SELECT v.contact_id, v.version, v.recorded_at, v.recorded_by, v.change, v.section, v.reason,
                       v.state::text AS state
                FROM projections.contact_version v JOIN projections.contact c ON c.contact_id = v.contact_id
                WHERE c.case_id = ? ORDER BY c.occurred_at, v.contact_id, v.version""").rows();
    }
}
