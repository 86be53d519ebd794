package org.casetrail.query.action;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.casetrail.events.action.ActionTerm;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.messaging.Ids;
import org.casetrail.query.projection.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * api.md "Actions", the read: outstanding work across every contact, by assignee and by case. OUTSTANDING is
 * every action not done, overdue ones included; OVERDUE those due before today (in the service's zone).
 */
final class ActionReads {

    private ActionReads() {
    }

    record ChangeView(String change, String assignee, LocalDate dueDate, String reason, Instant at, String by) {
    }

    record ActionView(String actionId, String caseId, String contactId, String description, String assignee,
                      LocalDate dueDate, ActionTerm term, String status, boolean overdue, Instant assignedAt,
                      String assignedBy, Instant closedAt, String closedBy, String completedInContactId,
                      String outcome, String cancelReason, List<ChangeView> history, long version) {
    }

    record ActionPageView(LocalDate today, List<ActionView> items, int page, int size, long total) {
    }

    /** {@code status} is OUTSTANDING, OVERDUE, COMPLETED, CANCELLED or null for all. */
    record FindActionsQuery(String status, String assignee, String caseId, LocalDate today, int page, int size) {
    }

    @Component
    static class ActionQueries {

        private final JdbcTemplate jdbc;

        ActionQueries(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @QueryHandler
        ActionPageView handle(FindActionsQuery query) {
            StringBuilder where = new StringBuilder(" WHERE true");
            List<Object> args = new ArrayList<>();
            if ("OVERDUE".equals(query.status())) {
                where.append(" AND status = 'OUTSTANDING' AND due_date < ?");
                args.add(query.today());
            } else if (query.status() != null) {
                where.append(" AND status = ?");
                args.add(query.status());
            }
            if (query.assignee() != null) {
                where.append(" AND assignee = ?");
                args.add(query.assignee());
            }
            if (query.caseId() != null) {
                where.append(" AND case_id = ?");
                args.add(Sql.uuid(query.caseId()));
            }
            Long total = jdbc.queryForObject("SELECT count(*) FROM projections.action_item" + where, Long.class,
                                             args.toArray());
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(query.size());
            pageArgs.add((long) query.page() * query.size());
            List<ActionView> items = jdbc.query("SELECT * FROM projections.action_item" + where
                            + " ORDER BY due_date, action_id LIMIT ? OFFSET ?",
                    (rs, n) -> {
                        LocalDate due = rs.getObject("due_date", LocalDate.class);
                        String status = rs.getString("status");
                        return new ActionView(rs.getString("action_id"), rs.getString("case_id"),
                                rs.getString("contact_id"), rs.getString("description"), rs.getString("assignee"), due,
                                ActionTerm.valueOf(rs.getString("term")), status,
                                "OUTSTANDING".equals(status) && due.isBefore(query.today()),
                                Sql.instant(rs.getObject("assigned_at", OffsetDateTime.class)),
                                rs.getString("assigned_by"), Sql.instant(rs.getObject("closed_at", OffsetDateTime.class)),
                                rs.getString("closed_by"), rs.getString("completed_contact_id"), rs.getString("outcome"),
                                rs.getString("cancel_reason"), List.of(), rs.getLong("version"));
                    },
                    pageArgs.toArray());
            Map<String, List<ChangeView>> history = history(items);
            List<ActionView> withHistory = items.stream().map(a -> new ActionView(a.actionId(), a.caseId(),
                    a.contactId(), a.description(), a.assignee(), a.dueDate(), a.term(), a.status(), a.overdue(),
                    a.assignedAt(), a.assignedBy(), a.closedAt(), a.closedBy(), a.completedInContactId(), a.outcome(),
                    a.cancelReason(), history.getOrDefault(a.actionId(), List.of()), a.version())).toList();
            return new ActionPageView(query.today(), withHistory, query.page(), query.size(), total == null ? 0 : total);
        }

        private Map<String, List<ChangeView>> history(List<ActionView> items) {
            if (items.isEmpty()) {
                return Map.of();
            }
            Object[] ids = items.stream().map(a -> Sql.uuid(a.actionId())).toArray();
            return jdbc.query("SELECT * FROM projections.action_change WHERE action_id = ANY (?) ORDER BY version",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids)),
                    (rs, n) -> Map.entry(rs.getString("action_id"), new ChangeView(rs.getString("change"),
                            rs.getString("assignee"), rs.getObject("due_date", LocalDate.class), rs.getString("reason"),
                            Sql.instant(rs.getObject("changed_at", OffsetDateTime.class)), rs.getString("changed_by"))))
                    .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        }
    }

    @RestController
    @Validated
    static class ActionQueryController {

        private final QueryGateway queries;
        private final Clock clock;
        private final CasetrailProperties properties;

        ActionQueryController(QueryGateway queries, Clock clock, CasetrailProperties properties) {
            this.queries = queries;
            this.clock = clock;
            this.properties = properties;
        }

        @GetMapping("/api/actions")
        ActionPageView actions(@RequestParam(required = false)
                               @Pattern(regexp = "OUTSTANDING|OVERDUE|COMPLETED|CANCELLED",
                                        message = "must be OUTSTANDING, OVERDUE, COMPLETED or CANCELLED") String status,
                               @RequestParam(required = false) String assignee,
                               @RequestParam(required = false) String caseId,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
            LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
            String id = caseId == null ? null : Ids.field("caseId", caseId);
            return queries.query(new FindActionsQuery(status, assignee, id, today, page, size), ActionPageView.class)
                          .join();
        }
    }
}
