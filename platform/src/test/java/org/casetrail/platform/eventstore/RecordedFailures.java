package org.casetrail.platform.eventstore;

import java.time.Clock;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorContext;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** {@link ProcessorFailures} for tests outside its package: made, and told of a failed batch as a processor tells it. */
public final class RecordedFailures {

    private RecordedFailures() {
    }

    /** Failures of the processors {@code processing} configures, with segments shared by {@code nodes}. */
    public static ProcessorFailures of(EventProcessingConfiguration processing, ProcessorNodes nodes) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("processing", processing);
        return new ProcessorFailures(new SimpleMeterRegistry(), Clock.systemUTC(),
                                     beans.getBeanProvider(EventProcessingConfiguration.class), nodes);
    }

    /** Records the batch's failure, as the processor's error handler does (which then throws it on). */
    public static void fail(ProcessorFailures failures, ErrorContext context) {
        try {
            failures.failed(context);
            throw new AssertionError("a failure is handed on so the processor retries");
        } catch (Exception handedOn) {
            // the processor stops here and retries the batch
        }
    }
}
