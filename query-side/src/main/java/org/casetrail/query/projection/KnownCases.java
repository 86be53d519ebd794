package org.casetrail.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether the case projection knows a case: reads scoped to a case answer 404 for one it does not. */
@Component
public class KnownCases {

    private final JdbcTemplate jdbc;

    KnownCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean contains(String caseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM projections.case_record WHERE case_id = ?)", Boolean.class,
                Sql.uuid(caseId)));
    }
}
