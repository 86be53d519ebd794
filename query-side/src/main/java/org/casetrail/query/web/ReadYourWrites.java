package org.casetrail.query.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.web.ServiceBusy;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code ?minVersion=N}: a client that has just written version N reads it back, waiting (up to
 * {@code casetrail.read-your-writes.max-wait}) for the projection to reach it. If it does not in time the answer
 * is 503 with Retry-After, never an older version passed off as current.
 */
@Component
public class ReadYourWrites {

    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long LONGEST_PAUSE_MILLIS = 50;

    private final Duration maxWait;

    ReadYourWrites(CasetrailProperties properties) {
        this.maxWait = properties.readYourWrites().maxWait();
    }

    /**
     * Reads with {@code read} until the result's version reaches {@code minVersion}, then answers it with its ETag.
     * Without a minVersion it reads once. An id the projection has never seen is a 404 unless the caller is
     * waiting for a version of it.
     */
    public <T> ResponseEntity<T> read(String what, String id, Long minVersion, Supplier<Optional<T>> read,
                                      ToLongFunction<T> version) {
        T view = await(what, id, minVersion, read, version);
        return ResponseEntity.ok().eTag("\"" + version.applyAsLong(view) + "\"").body(view);
    }

    /** As {@link #read}, for a page: the view itself once it has reached {@code minVersion}. */
    public <T> T await(String what, String id, Long minVersion, Supplier<Optional<T>> read,
                       ToLongFunction<T> version) {
        return until(what, id, minVersion != null, read,
                     view -> minVersion == null || version.applyAsLong(view) >= minVersion);
    }

    /**
     * Reads with {@code read} until its result is {@code ready} (a page waiting for a record just linked to it,
     * say); when {@code waiting} is false it reads once. Bounded as {@link #read} is.
     */
    public <T> T until(String what, String id, boolean waiting, Supplier<Optional<T>> read, Predicate<T> ready) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Optional<T> found = read.get();
            if (found.isPresent() && (!waiting || ready.test(found.get()))) {
                return found.get();
            }
            if (!waiting) {
                throw new NotFound(what, id);
            }
            if (System.nanoTime() >= deadline) {
                throw new ServiceBusy("PROJECTION_BEHIND", "The " + what + " has not caught up with the change "
                        + "just made yet; retry shortly");
            }
            sleep(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceBusy("INTERRUPTED", "The read was interrupted; retry");
        }
    }
}
