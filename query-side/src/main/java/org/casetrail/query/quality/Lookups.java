package org.casetrail.query.quality;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads a check asks of the features, made side by side: each is a wait on PostgreSQL, so a report's dozen reads
 * take about as long as the longest rather than the sum. A few threads serve every report (each read holds one
 * connection), so reports at once take turns rather than empty the connection pool.
 */
@Component
class Lookups implements DisposableBean {

    static final int THREADS = 3;

    private final ExecutorService pool;

    Lookups() {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, read -> {
            Thread thread = new Thread(read, "casetrail-quality-read-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a read; its answer is waited for with {@link Answer#get()}. */
    <T> Answer<T> ask(Supplier<T> read) {
        return new Answer<>(CompletableFuture.supplyAsync(read, pool));
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    /** A read under way. */
    record Answer<T>(CompletableFuture<T> future) {

        /** Its result, or what it failed with, as the read itself would have thrown it. */
        T get() {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
