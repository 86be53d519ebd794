package org.casetrail.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.casetrail.platform.messaging.MetaDataKeys;

/**
 * The order a projection keeps: all the events of one case, one after another, in the order they were stored,
 * whichever record (contact, action, risk...) they are about. A projection split into segments hands each case to
 * one segment, so a follow-up's events are never handled before the contact they were raised in, even when another
 * thread or node handles other cases meanwhile; a parked event holds back the later events of its case. As in
 * Axon's default, an event written before events carried their case keeps to its own record's order, and one of no
 * record at all (a read) to none.
 */
final class ByCase implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object caseId = event.getMetaData().get(MetaDataKeys.CASE_ID);
        return caseId != null ? caseId : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
