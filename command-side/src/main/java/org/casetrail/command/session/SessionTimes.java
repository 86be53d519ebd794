package org.casetrail.command.session;

import java.time.Clock;
import java.time.Instant;

/** When a session may be booked for: only ahead. A session that has already taken place is recorded as a contact. */
final class SessionTimes {

    static final String IN_THE_PAST = "must be in the future: a session that has already taken place is recorded "
                                      + "as a contact, not booked";

    private SessionTimes() {
    }

    static boolean inThePast(Instant scheduledFor, Clock clock) {
        return scheduledFor != null && !scheduledFor.isAfter(clock.instant());
    }
}
