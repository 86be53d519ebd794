package org.casetrail.platform.eventstore;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * A dead-letter queue that remembers it is empty. Axon asks the queue, for every event a processor handles,
 * whether the event's record has parked events it must wait behind: against the database that is one query per
 * event and processor, for a queue that is nearly always empty. This one asks the database once, and again only
 * after something may have been taken out; anything put in goes through here, so it never answers "empty" wrongly
 * for the records this process handles (a processor's records are handled by the one node that owns its segment).
 */
final class EmptyAwareDeadLetterQueue<M extends Message<?>> implements SequencedDeadLetterQueue<M> {

    private final SequencedDeadLetterQueue<M> delegate;
    /** True while known to be empty; false or unknown otherwise. */
    private volatile boolean empty;

    EmptyAwareDeadLetterQueue(SequencedDeadLetterQueue<M> delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        if (empty) {
            return false;
        }
        if (delegate.amountOfSequences() == 0) {
            empty = true;
            return false;
        }
        return delegate.contains(sequenceIdentifier);
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends M> letter)
            throws DeadLetterQueueOverflowException {
        empty = false;
        delegate.enqueue(sequenceIdentifier, letter);
    }

    @Override
    public void evict(DeadLetter<? extends M> letter) {
        delegate.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends M> letter, UnaryOperator<DeadLetter<? extends M>> update)
            throws NoSuchDeadLetterException {
        empty = false;
        delegate.requeue(letter, update);
    }

    @Override
    public Iterable<DeadLetter<? extends M>> deadLetterSequence(Object sequenceIdentifier) {
        return delegate.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends M>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return delegate.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return delegate.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends M>> sequenceFilter,
                           Function<DeadLetter<? extends M>, EnqueueDecision<M>> processingTask) {
        return delegate.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}
