package org.casetrail.query.session;

import java.time.Clock;

import org.casetrail.platform.db.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many of a case's booked sessions are overdue now: their time has passed without their being held (by a
 * signed contact), cancelled, missed or recorded as no access. Apart from {@link SessionQueries} so the case read
 * can count them without depending on what the session reads depend on.
 */
@Component
public class OverdueSessions {

    private final JdbcClient jdbc;
    private final Clock clock;

    OverdueSessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public int count(String caseId) {
        return jdbc.sql("SELECT count(*) FROM projections.session_booking WHERE case_id = ? AND status = 'BOOKED' "
                        + "AND scheduled_for < ?")
                   .params(Sql.uuid(caseId), Sql.utc(clock.instant())).query(Integer.class).single();
    }
}
