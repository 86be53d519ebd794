package org.casetrail.query.action;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.casetrail.events.action.ActionTerm;
import org.casetrail.platform.db.HeldRows;
import org.casetrail.platform.db.Rows;
import org.casetrail.platform.db.Sql;
import org.casetrail.query.action.ActionViews.ActionPageView;
import org.casetrail.query.action.ActionViews.ActionView;
import org.casetrail.query.action.ActionViews.ChangeView;
import org.casetrail.query.projection.HistoryRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The action reads, from the tables {@link ActionProjection} keeps: outstanding work across every contact. */
@Component
public class ActionQueries {

    private final JdbcClient jdbc;

    ActionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of actions by due date, each filter optional: {@code status} OUTSTANDING, OVERDUE (outstanding and due
     * before {@code today}), COMPLETED or CANCELLED; an assignee; a case.
     */
    public ActionPageView actions(String status, String assignee, String caseId, LocalDate today, int page,
                                  int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if ("OVERDUE".equals(status)) {
            where.append(" AND status = 'OUTSTANDING' AND due_date < ?");
            args.add(today);
        } else if (status != null) {
            where.append(" AND status = ?");
            args.add(status);
        }
        if (assignee != null) {
            where.append(" AND assignee = ?");
            args.add(assignee);
        }
        if (caseId != null) {
            where.append(" AND case_id = ?");
            args.add(Sql.uuid(caseId));
        }
        long total = jdbc.sql("SELECT count(*) FROM projections.action_item" + where).params(args)
                         .query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<ActionView> items = jdbc.sql("SELECT * FROM projections.action_item" + where
                                          + " ORDER BY due_date, action_id LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query((rs, n) -> action(rs, today))
                .list();
        Map<String, List<ChangeView>> history = history(items);
        List<ActionView> withHistory = items.stream()
                .map(a -> a.withHistory(history.getOrDefault(a.actionId(), List.of()))).toList();
        return new ActionPageView(today, withHistory, page, size, total);
    }

    /** One action, with its history; overdue as at {@code today}. */
    public Optional<ActionView> find(String actionId, LocalDate today) {
        List<ActionView> found = jdbc.sql("SELECT * FROM projections.action_item WHERE action_id = ?")
                .param(Sql.uuid(actionId)).query((rs, n) -> action(rs, today)).list();
        Map<String, List<ChangeView>> history = history(found);
        return found.stream().findFirst().map(a -> a.withHistory(history.getOrDefault(a.actionId(), List.of())));
    }

    private static ActionView action(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        String state = rs.getString("status");
        return new ActionView(rs.getString("action_id"), rs.getString("case_id"),
                rs.getString("contact_id"), rs.getString("description"), rs.getString("assignee"), due,
                ActionTerm.valueOf(rs.getString("term")), state,
                "OUTSTANDING".equals(state) && due.isBefore(today),
                Sql.instant(rs.getObject("assigned_at", java.time.OffsetDateTime.class)),
                rs.getString("assigned_by"),
                Sql.instant(rs.getObject("closed_at", java.time.OffsetDateTime.class)),
                rs.getString("closed_by"), rs.getString("completed_contact_id"), rs.getString("outcome"),
                rs.getString("cancel_reason"), List.of(), rs.getLong("version"));
    }

    /** Which of these contacts recorded an action that was not cancelled. */
    public Set<String> contactsWithActions(Collection<String> contactIds) {
        if (contactIds.isEmpty()) {
            return Set.of();
        }
        String[] ids = contactIds.stream().map(id -> Sql.uuid(id).toString()).toArray(String[]::new);
        return Set.copyOf(jdbc.sql("SELECT DISTINCT contact_id::text FROM projections.action_item "
                                   + "WHERE status <> 'CANCELLED' AND contact_id = ANY (?::uuid[])")
                              .param(ids).query(String.class).list());
    }

    /** The case's action rows as stored, by part, for a subject access request. */
    public Map<String, List<Map<String, Object>>> held(String caseId) {
        return HeldRows.of(jdbc, caseId)
                       .part("actions", "SELECT * FROM projections.action_item WHERE case_id = ? "
                                        + "ORDER BY assigned_at")
                       .part("actionChanges", "SELECT c.* FROM projections.action_change c "
                                              + "JOIN projections.action_item a ON a.action_id = c.action_id "
                                              + "WHERE a.case_id = ? ORDER BY c.changed_at")
                       .rows();
    }

    /** Each action's changes up to its version as read. */
    private Map<String, List<ChangeView>> history(List<ActionView> items) {
        if (items.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> versions = new LinkedHashMap<>();
        items.forEach(a -> versions.put(a.actionId(), a.version()));
        String[] ids = items.stream().map(ActionView::actionId).toArray(String[]::new);
        return HistoryRows.upTo(jdbc, """
                SELECT action_id, version, change, assignee, due_date, reason, changed_at AS at, changed_by AS by
                FROM projections.action_change WHERE action_id = ANY (?::uuid[]) ORDER BY version""", ids,
                "action_id", versions, Rows.as(ChangeView.class));
    }

    /** An action as it was assigned in a contact: who, by when, and the outcome it is measured by. */
    public record ActionAssigned(String contactId, String assignee, LocalDate dueDate, String expectedOutcome) {
    }

    /** The actions assigned in these contacts by {@code at}: one index probe per contact. */
    public Map<String, List<ActionAssigned>> assignedIn(Collection<String> contactIds, Instant at) {
        Map<String, List<ActionAssigned>> found = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT x.contact_id::text, a.assignee, a.due_date, a.expected_outcome FROM unnest(?::uuid[]) AS x(contact_id)
                CROSS JOIN LATERAL (SELECT * FROM projections.action_item WHERE contact_id = x.contact_id
                                    AND assigned_at <= ?) a""")
            .params(Sql.uuids(contactIds), Sql.utc(at))
            .query(rs -> {
                found.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(new ActionAssigned(
                        rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)));
            });
        return found;
    }
}
