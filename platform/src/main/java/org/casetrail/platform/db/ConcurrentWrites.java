package org.casetrail.platform.db;

import java.sql.SQLException;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Two writers appended to one aggregate at once, and the event store kept the first: the second's command was
 * decided on state that is no longer current and stored nothing. Sent again, it is decided on the new state; that
 * is safe whenever the writer did not pin a version ({@code If-Match}).
 */
public final class ConcurrentWrites {

    /** Set on a request whose command lost such a race, so the code around it can send it again. */
    public static final String LOST_RACE = ConcurrentWrites.class.getName() + ".lostRace";

    private static final String UNIQUE_VIOLATION = "23505";

    private ConcurrentWrites() {
    }

    /** Whether {@code failure} is a lost race of that kind (and not, say, a stale {@code If-Match}). */
    public static boolean lostRace(Throwable failure) {
        if (!(failure instanceof EventStoreException) && !(failure instanceof ConcurrencyException)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
