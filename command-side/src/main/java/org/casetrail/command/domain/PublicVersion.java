package org.casetrail.command.domain;

import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * Public versions count an aggregate's events (1 after the first); Axon counts sequence numbers from 0. Command
 * handlers answer with the public version, which clients send back in {@code If-Match}.
 */
public final class PublicVersion {

    private PublicVersion() {
    }

    /** The public version of the aggregate whose command is being handled, after the events it applied. */
    public static long current() {
        return fromSequence(AggregateLifecycle.getVersion());
    }

    /** The public version after an aggregate's last event, from the sequence number Axon reports. */
    public static long fromSequence(Long sequence) {
        return sequence == null ? 0 : sequence + 1;
    }
}
