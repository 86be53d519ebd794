package org.casetrail.command.risk;

import static org.casetrail.command.domain.CaseEvents.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.command.contact.ContactDirectory;
import org.casetrail.command.domain.PublicVersion;
import org.casetrail.command.risk.RiskCommands.CloseRiskCommand;
import org.casetrail.command.risk.RiskCommands.IdentifyRiskCommand;
import org.casetrail.command.risk.RiskCommands.ReviewRiskCommand;
import org.casetrail.events.risk.RiskClosedEvent;
import org.casetrail.events.risk.RiskIdentifiedEvent;
import org.casetrail.events.risk.RiskReviewedEvent;
import org.casetrail.platform.messaging.DomainRuleViolation;

/** A risk from heading 5: identified in a contact, reviewed in later ones, closed with a reason. */
@Aggregate(cache = "riskCache")
class Risk {

    @AggregateIdentifier
    private String riskId;
    private String caseId;
    private boolean closed;

    Risk() {
        // For Axon, which rebuilds the risk from its events.
    }

    @CommandHandler
    Risk(IdentifyRiskCommand command, ContactDirectory contacts) {
        var contact = contacts.raisedIn(command.contactId(), command.reasonAfterSigning());
        apply(contact.caseId(),
              new RiskIdentifiedEvent(command.riskId(), contact.caseId(), command.contactId(), command.category(),
                                      command.aspects(), command.description(), command.severity(),
                                      command.professionalsInvolved(),
                command.reasonAfterSigning()));
    }

    @CommandHandler
    long handle(ReviewRiskCommand command, ContactDirectory contacts) {
        requireOpen();
        contacts.usable(command.contactId(), caseId);
        apply(caseId, new RiskReviewedEvent(riskId, command.contactId(), command.note(), command.severity()));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(CloseRiskCommand command) {
        requireOpen();
        apply(caseId, new RiskClosedEvent(riskId, command.reason()));
        return PublicVersion.current();
    }

    @EventSourcingHandler
    void on(RiskIdentifiedEvent event) {
        riskId = event.riskId();
        caseId = event.caseId();
    }

    @EventSourcingHandler
    void on(RiskClosedEvent event) {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new DomainRuleViolation("RISK_CLOSED", "The risk is closed");
        }
    }
}
