package org.casetrail.command.domain;

import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.casetrail.platform.messaging.MetaDataKeys;

/**
 * How every aggregate applies its events: each carries the case it belongs to in its metadata
 * ({@link MetaDataKeys#CASE_ID}), whatever its payload names. The projections hand all the events of one case to the
 * same segment, in order, by it (a contact's follow-ups and later edits name only the contact or themselves), so a
 * projection can be split across threads and nodes and still build what one thread would.
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** Applies {@code event} in the current aggregate as an event of case {@code caseId}. */
    public static void apply(String caseId, Object event) {
        if (caseId == null) {
            throw new IllegalStateException("An event without its case: " + event.getClass().getSimpleName());
        }
        AggregateLifecycle.apply(event, MetaData.with(MetaDataKeys.CASE_ID, caseId));
    }
}
