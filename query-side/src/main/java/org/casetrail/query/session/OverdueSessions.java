package org.casetrail.query.session;

import java.time.Clock;
import java.time.Instant;

import org.casetrail.platform.db.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What makes a session overdue: still booked, its time passed, so neither held (by a signed contact) nor
 * cancelled, missed or recorded as no access. The one definition the session reads and the case read use; apart
 * from {@link SessionQueries} so the case read can count them without depending on what the session reads depend
 * on.
 */
@Component
public class OverdueSessions {

    private final JdbcClient jdbc;
    private final Clock clock;

    OverdueSessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The condition on {@code session_booking} rows, with the moment as its one parameter. */
    static final String BOOKED_BEFORE = "status = 'BOOKED' AND scheduled_for < ?";

    /** How many of the case's sessions are overdue now. */
    public int count(String caseId) {
        return jdbc.sql("SELECT count(*) FROM projections.session_booking WHERE case_id = ? AND " + BOOKED_BEFORE)
                   .params(Sql.uuid(caseId), Sql.utc(clock.instant())).query(Integer.class).single();
    }

    /** Whether a session in this status, for this time, is overdue now. */
    boolean now(String status, Instant scheduledFor) {
        return "BOOKED".equals(status) && scheduledFor.isBefore(clock.instant());
    }
}
