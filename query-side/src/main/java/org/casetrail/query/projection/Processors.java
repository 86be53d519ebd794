package org.casetrail.query.projection;

/**
 * The projections' event processors. Each reads every event, and each has a fixed cost per event it reads whether
 * it handles it or not, so projections that handle few events share one: the cases and the follow-ups (risks,
 * actions, guidance, sessions and each contact's links) are built by {@link #CASEWORK}, in one transaction per
 * batch of events. The contacts, the chronology and the audit log, which handle most events, have one each, so
 * that they are built side by side.
 */
public final class Processors {

    /** Cases, plans, risks, actions, guidance requests, sessions and contact links. */
    public static final String CASEWORK = "casework";

    private Processors() {
    }
}
