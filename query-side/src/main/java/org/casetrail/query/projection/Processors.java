package org.casetrail.query.projection;

/**
 * The projections' event processors. A processor reads, deserializes and dispatches every event, whether its
 * projections handle it or not, and commits its position with each batch; so the projections share one: cases,
 * plans, contacts and their versions, the chronology, risks, actions, guidance, sessions and each contact's links
 * are all built by {@link #PROJECTIONS}, each event read once for all of them and each batch written in one
 * transaction. Measured when the contacts and the chronology had a processor each besides the rest: reading and
 * dispatching took half of the service's CPU during a rebuild, and one processor for the three rebuilt 30% more
 * events a second. The audit log and the audit chain keep theirs: both take every event, reads included, in one
 * order, so they are never split into segments, which this one may be.
 */
public final class Processors {

    /** Every projection but the audit trail's. */
    public static final String PROJECTIONS = "projections";

    private Processors() {
    }
}
