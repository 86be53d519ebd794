package org.casetrail.query.projection;

/**
 * The projections' event processor. A processor reads every event from the store, builds its message, and looks
 * up handlers and the sequencing for it, whether or not it handles it: a fixed cost per event per processor (the
 * larger part of a rebuild's CPU when there were four). So every projection of the case record (cases, plans,
 * contacts, the chronology, risks, actions, guidance, sessions and each contact's links) is built by the one
 * processor {@link #PROJECTIONS}, each event read and deserialized once and handed to each projection in turn, in
 * one transaction per batch of events; its segments (by case) build it side by side. The audit log and the audit
 * chain keep processors of their own (see {@code ParkedEvents}).
 */
public final class Processors {

    /** Cases, plans, contacts, the chronology, risks, actions, guidance requests, sessions and contact links. */
    public static final String PROJECTIONS = "projections";

    private Processors() {
    }
}
