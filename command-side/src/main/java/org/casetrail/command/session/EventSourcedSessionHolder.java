package org.casetrail.command.session;

import org.axonframework.modelling.command.Repository;
import org.casetrail.command.contact.SessionHolder;
import org.springframework.stereotype.Component;

/** Checks, holds or releases the session on the session aggregate itself, in the contact's unit of work. */
@Component
class EventSourcedSessionHolder implements SessionHolder {

    private final Repository<Session> sessions;

    EventSourcedSessionHolder(Repository<Session> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void check(String sessionId, String caseId) {
        sessions.load(sessionId).execute(session -> session.requireRecordableIn(caseId));
    }

    @Override
    public void release(String sessionId, String contactId) {
        sessions.load(sessionId).execute(session -> session.release(contactId));
    }

    @Override
    public void hold(String sessionId, String caseId, String contactId) {
        sessions.load(sessionId).execute(session -> session.hold(caseId, contactId));
    }
}
