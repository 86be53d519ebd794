package org.casetrail.command.guidance;

import static org.casetrail.command.domain.CaseEvents.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.command.contact.ContactDirectory;
import org.casetrail.command.domain.PublicVersion;
import org.casetrail.command.guidance.GuidanceCommands.GiveGuidanceCommand;
import org.casetrail.command.guidance.GuidanceCommands.RequestGuidanceCommand;
import org.casetrail.events.guidance.GuidanceGivenEvent;
import org.casetrail.events.guidance.GuidanceRequestedEvent;
import org.casetrail.platform.messaging.DomainRuleViolation;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.platform.messaging.NotPermitted;

/** A request for a manager's guidance from heading 6: asked in a contact, answered once, by a manager. */
@Aggregate(cache = "guidanceRequestCache")
class GuidanceRequest {

    @AggregateIdentifier
    private String requestId;
    private String caseId;
    private boolean answered;

    GuidanceRequest() {
        // For Axon, which rebuilds the request from its events.
    }

    @CommandHandler
    GuidanceRequest(RequestGuidanceCommand command, ContactDirectory contacts) {
        var contact = contacts.raisedIn(command.contactId(), command.reasonAfterSigning());
        apply(contact.caseId(),
              new GuidanceRequestedEvent(command.requestId(), contact.caseId(), command.contactId(), command.question(),
                                         command.urgency(),
                command.reasonAfterSigning()));
    }

    @CommandHandler
    long handle(GiveGuidanceCommand command, @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        if (!"MANAGER".equals(role)) {
            throw new NotPermitted("MANAGER_ONLY", "Only a manager answers a request for guidance");
        }
        if (answered) {
            throw new DomainRuleViolation("GUIDANCE_ALREADY_GIVEN", "This request has already been answered");
        }
        apply(caseId, new GuidanceGivenEvent(requestId, command.guidance()));
        return PublicVersion.current();
    }

    @EventSourcingHandler
    void on(GuidanceRequestedEvent event) {
        requestId = event.requestId();
        caseId = event.caseId();
    }

    @EventSourcingHandler
    void on(GuidanceGivenEvent event) {
        answered = true;
    }
}
