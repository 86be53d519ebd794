package org.casetrail.query.session;

import java.time.Instant;
import java.util.List;

import org.casetrail.events.contact.Setting;

/** What the session reads return. */
public final class SessionViews {

    private SessionViews() {
    }

    public record ChangeView(String change, Instant scheduledFor, Instant attemptedAt, String note, Instant at,
                             String by) {
    }

    /**
     * A session. {@code overdue}: still booked although its time has passed, so it was neither recorded as held
     * (by a signed contact), nor cancelled, missed or no access: someone must say what happened.
     */
    public record SessionView(String sessionId, String caseId, String contactId, Instant scheduledFor,
                              Setting setting, String focus, String status, String heldInContactId, Instant bookedAt,
                              String bookedBy, List<ChangeView> history, long version, boolean overdue) {

        SessionView withHistory(List<ChangeView> value) {
            return new SessionView(sessionId, caseId, contactId, scheduledFor, setting, focus, status, heldInContactId,
                                   bookedAt, bookedBy, value, version, overdue);
        }
    }

    public record CaseSessionsView(String caseId, List<SessionView> items) {
    }
}
