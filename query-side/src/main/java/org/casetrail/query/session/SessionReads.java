package org.casetrail.query.session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.platform.messaging.Ids;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.query.projection.KnownCases;
import org.casetrail.query.projection.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** api.md "Sessions", the read: a case's sessions in date order, each with its history. */
final class SessionReads {

    private SessionReads() {
    }

    record ChangeView(String change, Instant scheduledFor, Instant attemptedAt, String note, Instant at, String by) {
    }

    record SessionView(String sessionId, String caseId, String contactId, Instant scheduledFor, Setting setting,
                       String focus, String status, String heldInContactId, Instant bookedAt, String bookedBy,
                       List<ChangeView> history, long version) {
    }

    record CaseSessionsView(String caseId, List<SessionView> items) {
    }

    record FindCaseSessionsQuery(String caseId) {
    }

    @Component
    static class SessionQueries {

        private final JdbcTemplate jdbc;
        private final KnownCases knownCases;

        SessionQueries(JdbcTemplate jdbc, KnownCases knownCases) {
            this.jdbc = jdbc;
            this.knownCases = knownCases;
        }

        @QueryHandler
        Optional<CaseSessionsView> handle(FindCaseSessionsQuery query) {
            if (!knownCases.contains(query.caseId())) {
                return Optional.empty();
            }
            var caseId = Sql.uuid(query.caseId());
            Map<String, List<ChangeView>> history = jdbc.query("""
                    SELECT c.* FROM projections.session_change c JOIN projections.session_booking s
                        ON s.session_id = c.session_id
                    WHERE s.case_id = ? ORDER BY c.version""",
                    (rs, n) -> Map.entry(rs.getString("session_id"), new ChangeView(rs.getString("change"),
                            Sql.instant(rs.getObject("scheduled_for", OffsetDateTime.class)),
                            Sql.instant(rs.getObject("attempted_at", OffsetDateTime.class)), rs.getString("note"),
                            Sql.instant(rs.getObject("changed_at", OffsetDateTime.class)), rs.getString("changed_by"))),
                    caseId).stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            List<SessionView> items = jdbc.query("""
                    SELECT * FROM projections.session_booking WHERE case_id = ? ORDER BY scheduled_for, session_id""",
                    (rs, n) -> new SessionView(rs.getString("session_id"), rs.getString("case_id"),
                            rs.getString("contact_id"), Sql.instant(rs.getObject("scheduled_for", OffsetDateTime.class)),
                            new Setting(SettingType.valueOf(rs.getString("setting_type")), rs.getString("location")),
                            rs.getString("focus"), rs.getString("status"), rs.getString("held_contact_id"),
                            Sql.instant(rs.getObject("booked_at", OffsetDateTime.class)), rs.getString("booked_by"),
                            history.getOrDefault(rs.getString("session_id"), List.of()), rs.getLong("version")),
                    caseId);
            return Optional.of(new CaseSessionsView(query.caseId(), items));
        }
    }

    @RestController
    static class SessionQueryController {

        private final QueryGateway queries;

        SessionQueryController(QueryGateway queries) {
            this.queries = queries;
        }

        @GetMapping("/api/cases/{caseId}/sessions")
        CaseSessionsView sessions(@PathVariable String caseId) {
            return queries.query(new FindCaseSessionsQuery(Ids.require("case", caseId)),
                                 ResponseTypes.optionalInstanceOf(CaseSessionsView.class))
                          .join()
                          .orElseThrow(() -> new NotFound("case", caseId));
        }
    }
}
