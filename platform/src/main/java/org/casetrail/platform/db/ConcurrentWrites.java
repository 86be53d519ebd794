package org.casetrail.platform.db;

import java.sql.SQLException;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Two writers appended to one aggregate at once, and the event store kept the first: the second's command was
 * decided on state that is no longer current and stored nothing. Sent again, it is decided on the new state; that
 * is safe whenever the writer did not pin a version ({@code If-Match}).
 */
public final class ConcurrentWrites {

    /**
     * Set on a request whose command was decided on state older than the store's (it lost such a race, or its
     * node's copy of the record was behind), so the code around it can send it again.
     */
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

    /**
     * Whether {@code failure} says the command was decided on a copy of its record older than the version its
     * writer names ({@code If-Match}): the node's loaded copy was behind the store (another node, or a concurrent
     * command, wrote since), and the copy has been dropped as the command rolled back. A copy newer than the named
     * version is the writer's stale {@code If-Match}, which sending again cannot mend.
     */
    public static boolean staleCopy(Throwable failure) {
        return failure instanceof ConflictingAggregateVersionException conflict
               && conflict.getActualVersion() < conflict.getExpectedVersion();
    }

    /** Whether sending the command again, to be decided on the stored state, may succeed where it failed. */
    public static boolean decidedOnOldState(Throwable failure) {
        return lostRace(failure) || staleCopy(failure);
    }
}
