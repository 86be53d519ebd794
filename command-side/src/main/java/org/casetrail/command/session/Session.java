package org.casetrail.command.session;

import static org.casetrail.command.domain.CaseEvents.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.command.contact.ContactDirectory;
import org.casetrail.command.domain.PublicVersion;
import org.casetrail.command.session.SessionCommands.BookSessionCommand;
import org.casetrail.command.session.SessionCommands.CancelSessionCommand;
import org.casetrail.command.session.SessionCommands.RecordMissedSessionCommand;
import org.casetrail.command.session.SessionCommands.RecordNoAccessCommand;
import org.casetrail.command.session.SessionCommands.RescheduleSessionCommand;
import org.casetrail.events.session.NoAccessRecordedEvent;
import org.casetrail.events.session.SessionBookedEvent;
import org.casetrail.events.session.SessionCancelledEvent;
import org.casetrail.events.session.SessionHeldEvent;
import org.casetrail.events.session.SessionReleasedEvent;
import org.casetrail.events.session.SessionMissedEvent;
import org.casetrail.events.session.SessionRescheduledEvent;
import org.casetrail.platform.messaging.DomainRuleViolation;

/**
 * The next arranged session from heading 7: booked in a contact, then moved, cancelled, held (the contact that
 * records it was signed), missed, or a visit where no access was had. Only a booked session can change.
 */
@Aggregate(cache = "sessionCache")
class Session {

    enum Status { BOOKED, HELD, CANCELLED, NO_ACCESS, MISSED }

    @AggregateIdentifier
    private String sessionId;
    private String caseId;
    private Status status;
    private String heldBy;

    Session() {
        // For Axon, which rebuilds the session from its events.
    }

    @CommandHandler
    Session(BookSessionCommand command, ContactDirectory contacts) {
        var contact = contacts.raisedIn(command.contactId(), command.reasonAfterSigning());
        apply(contact.caseId(),
              new SessionBookedEvent(command.sessionId(), contact.caseId(), command.contactId(), command.scheduledFor(),
                                     command.setting(), command.focus(),
                command.reasonAfterSigning()));
    }

    @CommandHandler
    long handle(RescheduleSessionCommand command) {
        requireBooked();
        apply(caseId, new SessionRescheduledEvent(sessionId, command.scheduledFor(), command.reason()));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(CancelSessionCommand command) {
        requireBooked();
        apply(caseId, new SessionCancelledEvent(sessionId, command.reason()));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(RecordNoAccessCommand command) {
        requireBooked();
        apply(caseId, new NoAccessRecordedEvent(sessionId, command.attemptedAt(), command.note()));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(RecordMissedSessionCommand command) {
        requireBooked();
        apply(caseId, new SessionMissedEvent(sessionId, command.note()));
        return PublicVersion.current();
    }

    /** Called while a contact is drafted for this session, in the same unit of work: it records nothing yet. */
    void requireRecordableIn(String contactCaseId) {
        if (!caseId.equals(contactCaseId)) {
            throw new DomainRuleViolation("SESSION_NOT_IN_CASE", "Session " + sessionId + " belongs to another case");
        }
        requireBooked();
    }

    /** Called while the contact recording this session is signed: only a signed contact holds its session. */
    void hold(String contactCaseId, String contactId) {
        if (status == Status.HELD && contactId.equals(heldBy)) {
            return; // held by this contact's draft under the earlier rule
        }
        requireRecordableIn(contactCaseId);
        apply(caseId, new SessionHeldEvent(sessionId, contactId));
    }

    /** Called while a draft is discarded: a session that draft held (the earlier rule) is booked again. */
    void release(String contactId) {
        if (status == Status.HELD && contactId.equals(heldBy)) {
            apply(caseId, new SessionReleasedEvent(sessionId, contactId));
        }
    }

    @EventSourcingHandler
    void on(SessionBookedEvent event) {
        sessionId = event.sessionId();
        caseId = event.caseId();
        status = Status.BOOKED;
    }

    @EventSourcingHandler
    void on(SessionCancelledEvent event) {
        status = Status.CANCELLED;
    }

    @EventSourcingHandler
    void on(NoAccessRecordedEvent event) {
        status = Status.NO_ACCESS;
    }

    @EventSourcingHandler
    void on(SessionMissedEvent event) {
        status = Status.MISSED;
    }

    @EventSourcingHandler
    void on(SessionHeldEvent event) {
        status = Status.HELD;
        heldBy = event.contactId();
    }

    @EventSourcingHandler
    void on(SessionReleasedEvent event) {
        status = Status.BOOKED;
        heldBy = null;
    }

    private void requireBooked() {
        if (status != Status.BOOKED) {
            throw new DomainRuleViolation("SESSION_NOT_BOOKED", "The session is " + status.name().toLowerCase()
                    .replace('_', ' ') + ", not booked");
        }
    }
}
