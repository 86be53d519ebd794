package org.casetrail.platform.eventstore;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.MessageMonitorFactory;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Axon's metrics, chosen: the command bus, event store and query bus are counted and timed by message type
 * ({@link CountingMonitor}); each event processor gets only its latency (how far behind the newest event it
 * is), which is what operations watch. Axon's own set for processors is measured per event, ignored events
 * included, and with nine projections reading every event it cost about a third of the time of a projection that
 * handles few of them. (Axon's auto-configuration of metrics is switched off in casetrail-platform.properties.)
 */
@Configuration(proxyBeanMethods = false)
class AxonMetrics {

    @Bean
    ConfigurerModule axonMessageMonitors(MeterRegistry registry) {
        MessageMonitorFactory counting = (config, type, name) -> new CountingMonitor(name, registry);
        return configurer -> configurer
                .configureMessageMonitor(CommandBus.class, counting)
                .configureMessageMonitor(EventStore.class, counting)
                .configureMessageMonitor(EventBus.class, counting)
                .configureMessageMonitor(QueryBus.class, counting)
                .configureMessageMonitor(EventProcessor.class,
                        (config, type, name) -> general(EventProcessorLatencyMonitor.buildMonitor("eventProcessor",
                                registry, message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, name))));
    }

    /** Axon asks for a monitor of any message; each component only ever gives it its own kind. */
    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> general(MessageMonitor<?> monitor) {
        return (MessageMonitor<Message<?>>) monitor;
    }
}
