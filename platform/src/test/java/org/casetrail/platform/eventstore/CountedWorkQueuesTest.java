package org.casetrail.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CountedWorkQueuesTest {

    private final List<ScheduledExecutorService> executors = new ArrayList<>();
    private final List<PooledStreamingEventProcessor> processors = new ArrayList<>();

    @AfterEach
    void stop() {
        processors.forEach(PooledStreamingEventProcessor::shutDown);
        executors.forEach(ScheduledExecutorService::shutdownNow);
    }

    /** Handles every event, in order per segment, through work packages whose queues keep count. */
    @Test
    void anInstalledProcessorHandlesEveryEventThroughCountedQueues() throws Exception {
        EmbeddedEventStore store = store(5_000);
        Handler handler = new Handler();
        PooledStreamingEventProcessor processor = processor(store, handler);

        assertThat(CountedWorkQueues.install(processor)).isTrue();
        assertThat(CountedWorkQueues.install(processor)).as("installing twice changes nothing").isTrue();
        processor.start();

        awaitHandled(handler, 5_000);
        assertThat(handler.handled).containsExactlyInAnyOrderElementsOf(numbers(5_000));
        assertThat(queues(processor)).hasSize(2).allMatch(CountedWorkQueues.CountedQueue.class::isInstance);
    }

    /** Without it, Axon's own queue is there: what the test above tells apart. */
    @Test
    void aProcessorLeftAloneKeepsAxonsQueue() throws Exception {
        EmbeddedEventStore store = store(10);
        Handler handler = new Handler();
        PooledStreamingEventProcessor processor = processor(store, handler);
        processor.start();

        awaitHandled(handler, 10);
        assertThat(queues(processor)).hasSize(2).allMatch(ConcurrentLinkedQueue.class::isInstance);
    }

    @Test
    void theCountFollowsEveryWayInAndOut() {
        var queue = new CountedWorkQueues.CountedQueue<Integer>();
        assertThat(queue.size()).isZero();
        assertThat(queue.poll()).isNull();
        assertThat(queue.size()).isZero();
        queue.addAll(List.of(1, 2, 3, 4, 5));
        assertThat(queue).hasSize(5);
        assertThat(queue.poll()).isEqualTo(1);
        assertThat(queue.remove((Object) 4)).isTrue();
        assertThat(queue.remove((Object) 9)).isFalse();
        assertThat(queue).hasSize(3).containsExactly(2, 3, 5);
        var walk = queue.iterator();
        walk.next();
        walk.remove();
        assertThat(queue).hasSize(2).containsExactly(3, 5);
        queue.clear();
        assertThat(queue.size()).isZero();
        assertThat(queue.isEmpty()).isTrue();
    }

    /** One thread adding while another takes: every element taken once, in order, and the count back at zero. */
    @Test
    void oneAddingAndOneTakingLoseNothing() throws Exception {
        var queue = new CountedWorkQueues.CountedQueue<Integer>();
        int total = 200_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                queue.add(i);
            }
        });
        producer.start();
        int expected = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (expected < total && System.nanoTime() < deadline) {
            Integer taken = queue.poll();
            if (taken != null) {
                assertThat(taken).isEqualTo(expected++);
            }
            assertThat(queue.size()).isBetween(0, total);
        }
        producer.join();
        assertThat(expected).isEqualTo(total);
        assertThat(queue.size()).isZero();
    }

    private EmbeddedEventStore store(int events) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        for (int i = 0; i < events; i++) {
            store.publish(GenericEventMessage.asEventMessage(i));
        }
        return store;
    }

    private PooledStreamingEventProcessor processor(EmbeddedEventStore store, Handler handler) {
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        executors.add(coordinator);
        executors.add(workers);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("counted")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(2)
                .batchSize(100)
                .build();
        processors.add(processor);
        return processor;
    }

    /** The queues of the processor's work packages now. */
    private static List<Queue<?>> queues(PooledStreamingEventProcessor processor) throws Exception {
        Object coordinator = field(PooledStreamingEventProcessor.class, "coordinator").get(processor);
        Map<?, ?> packages = (Map<?, ?>) field(coordinator.getClass(), "workPackages").get(coordinator);
        List<Queue<?>> queues = new ArrayList<>();
        for (Object workPackage : packages.values()) {
            queues.add(CountedWorkQueues.queueOf(workPackage));
        }
        return queues;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private static void awaitHandled(Handler handler, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (handler.handled.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(handler.handled).hasSize(count);
    }

    private static Collection<Integer> numbers(int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    static final class Handler {

        final List<Integer> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(Integer number) {
            handled.add(number);
        }
    }
}
