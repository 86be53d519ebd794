package org.casetrail.command.domain;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The aggregates of one type that this node has loaded, kept between commands so that a command on a record
 * recently written costs no read of its events. Axon's caching repository asks it for an aggregate before reading
 * the event store, and puts the aggregate back when a command has changed it.
 * <p>
 * It only ever holds state that is in the database. An aggregate a command has changed is put back once the
 * transaction that stores its events has committed, not before: until then it is taken out, so that no other
 * command can be decided on events that may yet be rolled back (a unit of work inside a transaction that began
 * before it, an idempotent request's, is over before that transaction commits or rolls back). What it holds can
 * still be behind the database, when another node or a concurrent command stored an event since: a command
 * decided on it then appends at a place already taken, the event table's unique (record, sequence) refuses it,
 * Axon takes the aggregate out of here as the unit of work rolls back, and the command is sent again on the
 * stored state. It is bounded: the least used are dropped first, and the collector may drop any of them when the
 * heap runs short, as a contact's copy holds all of its text.
 */
public final class LoadedAggregates implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    /** Keeps up to {@code maximum} aggregates; 0 keeps none. */
    public LoadedAggregates(int maximum) {
        // Evictions on the calling thread: the bound holds when a put returns, without a pool thread behind it.
        // Softly held: a contact carries its whole text (up to tens of thousands of characters under each heading),
        // so a count alone does not bound the memory; the collector clears these before the heap runs out.
        this.entries = Caffeine.newBuilder().maximumSize(Math.max(0, maximum)).softValues()
                               .executor(Runnable::run).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            entries.put(key, value);
            return;
        }
        entries.invalidate(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                entries.put(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean absent = entries.getIfPresent(key) == null;
        if (absent) {
            put(key, value);
        }
        return absent;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T present = (T) entries.getIfPresent(key);
        return present != null ? present : putAndGet(key, valueSupplier.get());
    }

    private <T> T putAndGet(Object key, T value) {
        put(key, value);
        return value;
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Optional.ofNullable(this.<Object, V>get(key)).ifPresent(present -> put(key, update.apply(present)));
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.getIfPresent(key) != null;
    }

    /** Axon's listeners are not used by its repositories; none is kept. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true;
    }
}
