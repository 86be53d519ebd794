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

    public record SessionView(String sessionId, String caseId, String contactId, Instant scheduledFor,
                              Setting setting, String focus, String status, String heldInContactId, Instant bookedAt,
                              String bookedBy, List<ChangeView> history, long version) {

        SessionView withHistory(List<ChangeView> value) {
            return new SessionView(sessionId, caseId, contactId, scheduledFor, setting, focus, status, heldInContactId,
                                   bookedAt, bookedBy, value, version);
        }
    }

    public record CaseSessionsView(String caseId, List<SessionView> items) {
    }
}
