package org.casetrail.command.significance;

import java.util.Locale;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetrail.events.action.ActionAssignedEvent;
import org.casetrail.events.contact.ContactDraftedEvent;
import org.casetrail.events.guidance.GuidanceRequestedEvent;
import org.casetrail.events.risk.RiskIdentifiedEvent;
import org.casetrail.events.session.SessionBookedEvent;
import org.casetrail.platform.messaging.NotFound;
import org.springframework.stereotype.Component;

/**
 * Reads the item's case from the first event of its own stream (every item is created by an event that names its
 * case), checking the stream is of the type asked for: an id of another kind of record is no such item.
 */
@Component
class EventSourcedCaseItems implements CaseItems {

    /** Each item type's aggregate, as the event store names it. */
    private static final Map<String, String> AGGREGATES = Map.of("CONTACT", "Contact", "RISK", "Risk",
            "ACTION", "Action", "GUIDANCE", "GuidanceRequest", "SESSION", "Session");

    private final EventStore events;

    EventSourcedCaseItems(EventStore events) {
        this.events = events;
    }

    @Override
    public String caseOf(String itemType, String itemId) {
        DomainEventStream stream = events.readEvents(itemId);
        DomainEventMessage<?> first = stream.hasNext() ? stream.next() : null;
        String caseId = first == null || !first.getType().equals(AGGREGATES.get(itemType)) ? null
                : caseIn(first.getPayload());
        if (caseId == null) {
            throw new NotFound(itemType.toLowerCase(Locale.ROOT), itemId);
        }
        return caseId;
    }

    private static String caseIn(Object created) {
        if (created instanceof ContactDraftedEvent drafted) {
            return drafted.caseId();
        }
        if (created instanceof RiskIdentifiedEvent identified) {
            return identified.caseId();
        }
        if (created instanceof ActionAssignedEvent assigned) {
            return assigned.caseId();
        }
        if (created instanceof GuidanceRequestedEvent requested) {
            return requested.caseId();
        }
        return created instanceof SessionBookedEvent booked ? booked.caseId() : null;
    }
}
