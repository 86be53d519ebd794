package org.casetrail.command.session;

import org.axonframework.modelling.command.Repository;
import org.casetrail.command.contact.SessionHolder;
import org.springframework.stereotype.Component;

/** Marks the session held on the session aggregate itself, in the drafting contact's unit of work. */
@Component
class EventSourcedSessionHolder implements SessionHolder {

    private final Repository<Session> sessions;

    EventSourcedSessionHolder(Repository<Session> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void hold(String sessionId, String caseId, String contactId) {
        sessions.load(sessionId).execute(session -> session.hold(caseId, contactId));
    }
}
