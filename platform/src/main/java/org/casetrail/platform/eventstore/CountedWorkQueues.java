package org.casetrail.platform.eventstore;

import java.lang.reflect.Field;
import java.util.AbstractQueue;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each work package of a pooled streaming processor a queue that keeps its own count.
 * <p>
 * Axon 4.13's coordinator hands every event it reads to each segment's work package through a
 * {@link ConcurrentLinkedQueue}, and before each event asks whether the queue is below its capacity of 1,024 with
 * {@code size()}, which walks the whole queue. Whenever a projection is behind (building, rebuilding, catching up
 * after a pause) its worker is the slower side and the queue holds hundreds of events, so each event costs a walk of
 * hundreds of nodes, per processor: a fifth of all the service's CPU during a rebuild (profiled over a
 * 1,000,000-event rebuild). With a counted queue that question costs the same as any other.
 * <p>
 * Axon offers no setting for that queue, so this wraps the factory the coordinator makes work packages with, and
 * swaps each new (still empty) package's queue for a {@link CountedQueue} before the coordinator sees it. It reaches
 * into three private fields; where a later Axon does not have them as expected, it logs a warning and leaves the
 * processor exactly as Axon made it (slower when behind, otherwise the same). {@code CountedWorkQueuesTest} and
 * {@code ProjectionRebuildTest} fail then, so an upgrade cannot lose it unnoticed.
 */
public final class CountedWorkQueues {

    private static final Logger log = LoggerFactory.getLogger(CountedWorkQueues.class);
    /** Axon's private fields this relies on. */
    private static final String COORDINATOR = "coordinator";
    private static final String FACTORY = "workPackageFactory";
    private static final String QUEUE = "processingQueue";

    private CountedWorkQueues() {
    }

    /**
     * Makes the processor's future work packages use counted queues; call before it starts.
     *
     * @return whether it did (false for other kinds of processor, and where Axon's internals are not as expected)
     */
    static boolean install(EventProcessor processor) {
        if (!(processor instanceof PooledStreamingEventProcessor)) {
            return false;
        }
        try {
            Object coordinator = read(processor, PooledStreamingEventProcessor.class, COORDINATOR);
            Field factoryField = field(coordinator.getClass(), FACTORY);
            @SuppressWarnings("unchecked")
            BiFunction<Object, Object, Object> factory =
                    (BiFunction<Object, Object, Object>) factoryField.get(coordinator);
            if (factory instanceof Counting) {
                return true;
            }
            factoryField.set(coordinator, new Counting(factory));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Processor {} keeps Axon's own work queues ({}); it will use more CPU whenever it is behind",
                     processor.getName(), e.toString());
            return false;
        }
    }

    /** Whether the processor's work packages are made with counted queues. */
    public static boolean installed(EventProcessor processor) {
        try {
            Object coordinator = read(processor, PooledStreamingEventProcessor.class, COORDINATOR);
            return read(coordinator, coordinator.getClass(), FACTORY) instanceof Counting;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** The queue a work package hands its events over with. */
    static Queue<?> queueOf(Object workPackage) throws ReflectiveOperationException {
        return (Queue<?>) read(workPackage, workPackage.getClass(), QUEUE);
    }

    /** A work package factory whose packages get a counted queue. */
    private record Counting(BiFunction<Object, Object, Object> made) implements BiFunction<Object, Object, Object> {

        @Override
        public Object apply(Object segment, Object token) {
            Object workPackage = made.apply(segment, token);
            try {
                Field queue = field(workPackage.getClass(), QUEUE);
                if (queue.get(workPackage) instanceof Queue<?> given && given.isEmpty()) {
                    queue.set(workPackage, new CountedQueue<>());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.warn("A work package keeps Axon's own queue ({})", e.toString());
            }
            return workPackage;
        }
    }

    private static Object read(Object target, Class<?> declaring, String name) throws ReflectiveOperationException {
        Object value = field(declaring, name).get(target);
        if (value == null) {
            throw new NoSuchFieldException(declaring.getName() + "." + name + " is empty");
        }
        return value;
    }

    private static Field field(Class<?> declaring, String name) throws NoSuchFieldException {
        Field field = declaring.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /**
     * A non-blocking queue that knows its size: a {@link ConcurrentLinkedQueue} with a count kept beside it. Like
     * that queue's own, the size read while elements are being added or taken may be behind by those in flight; it
     * never walks the queue.
     */
    static final class CountedQueue<E> extends AbstractQueue<E> {

        private final ConcurrentLinkedQueue<E> elements = new ConcurrentLinkedQueue<>();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public boolean offer(E element) {
            elements.offer(element);
            count.incrementAndGet();
            return true;
        }

        @Override
        public E poll() {
            E element = elements.poll();
            if (element != null) {
                count.decrementAndGet();
            }
            return element;
        }

        @Override
        public E peek() {
            return elements.peek();
        }

        @Override
        public boolean isEmpty() {
            return elements.isEmpty();
        }

        @Override
        public int size() {
            return Math.max(0, count.get());
        }

        @Override
        public boolean remove(Object element) {
            if (elements.remove(element)) {
                count.decrementAndGet();
                return true;
            }
            return false;
        }

        @Override
        public Iterator<E> iterator() {
            Iterator<E> walk = elements.iterator();
            return new Iterator<>() {
                private E last;

                @Override
                public boolean hasNext() {
                    return walk.hasNext();
                }

                @Override
                public E next() {
                    last = walk.next();
                    return last;
                }

                @Override
                public void remove() {
                    if (last == null) {
                        throw new IllegalStateException();
                    }
                    CountedQueue.this.remove(last);
                    last = null;
                }
            };
        }
    }
}
