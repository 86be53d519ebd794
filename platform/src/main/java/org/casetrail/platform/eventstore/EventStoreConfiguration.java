package org.casetrail.platform.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Axon on PostgreSQL: the JDBC event store with snake_case tables made by Flyway, the token store, and the
 * defaults every projection processor gets.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                          .eventTable("domain_event_entry")
                          .snapshotTable("snapshot_event_entry")
                          .globalIndexColumn("global_index")
                          .timestampColumn("time_stamp")
                          .eventIdentifierColumn("event_identifier")
                          .aggregateIdentifierColumn("aggregate_identifier")
                          .sequenceNumberColumn("sequence_number")
                          .typeColumn("type")
                          .payloadTypeColumn("payload_type")
                          .payloadRevisionColumn("payload_revision")
                          .payloadColumn("payload")
                          .metaDataColumn("meta_data")
                          .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                          .setTokenTable("token_entry")
                          .setProcessorNameColumn("processor_name")
                          .setSegmentColumn("segment")
                          .setTokenColumn("token")
                          .setTokenTypeColumn("token_type")
                          .setTimestampColumn("time_stamp")
                          .setOwnerColumn("owner")
                          .build();
    }

    /**
     * Axon's JDBC token store, claiming segments in this node's name ({@link ProcessorNodes#node()}) rather than
     * Axon's default, the JVM's pid@host, which two nodes in one JVM would share (and so each take the other's
     * claims for its own).
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          ProcessorNodes nodes,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                             .connectionProvider(connectionProvider)
                             .schema(tokenSchema)
                             .serializer(serializer)
                             .claimTimeout(claimTimeout)
                             .nodeId(nodes.node())
                             .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                               .deadLetterTable("dead_letter_entry")
                               .deadLetterIdentifierColumn("dead_letter_id")
                               .processingGroupColumn("processing_group")
                               .sequenceIdentifierColumn("sequence_identifier")
                               .sequenceIndexColumn("sequence_index")
                               .messageTypeColumn("message_type")
                               .eventIdentifierColumn("event_identifier")
                               .timestampColumn("time_stamp")
                               .payloadTypeColumn("payload_type")
                               .payloadRevisionColumn("payload_revision")
                               .payloadColumn("payload")
                               .metaDataColumn("meta_data")
                               .aggregateTypeColumn("aggregate_type")
                               .aggregateIdentifierColumn("aggregate_identifier")
                               .sequenceNumberColumn("sequence_number")
                               .tokenTypeColumn("token_type")
                               .tokenColumn("token")
                               .enqueuedAtColumn("enqueued_at")
                               .lastTouchedColumn("last_touched")
                               .processingStartedColumn("processing_started")
                               .causeTypeColumn("cause_type")
                               .causeMessageColumn("cause_message")
                               .diagnosticsColumn("diagnostics")
                               .build();
    }

    /**
     * The gap timeout is the one setting that can lose an event for a projection (AxonFramework #4829): it must
     * outlast any transaction that may still commit an event, which {@code casetrail.db.transaction-limit}
     * bounds. Start-up refuses a configuration where it does not by a wide margin.
     */
    @Bean
    @DependsOn("schemaMigrator")
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          CasetrailProperties properties) {
        var events = properties.events();
        var limit = properties.db().transactionLimit();
        if (events.gapTimeout().compareTo(limit.multipliedBy(2)) < 0) {
            throw new IllegalStateException("casetrail.events.gap-timeout (" + events.gapTimeout()
                    + ") must be at least twice casetrail.db.transaction-limit (" + limit
                    + "), or a slow transaction's event could be skipped by the projections");
        }
        return new WithoutSnapshots(JdbcEventStorageEngine.builder()
                                     .snapshotSerializer(defaultSerializer)
                                     .eventSerializer(eventSerializer)
                                     .upcasterChain(configuration.upcasterChain())
                                     .snapshotFilter(configuration.snapshotFilter())
                                     .persistenceExceptionResolver(persistenceExceptionResolver)
                                     .connectionProvider(connectionProvider)
                                     .transactionManager(transactionManager)
                                     .schema(eventSchema)
                                     .dataType(byte[].class)
                                     // A projection reads what it handles in one transaction in one query (Axon's
                                     // default is a query per 100 events).
                                     .batchSize(events.batchSize())
                                     .gapTimeout(Math.toIntExact(events.gapTimeout().toMillis()))
                                     .maxGapOffset(events.maxGapOffset()));
    }

    /**
     * Casetrail takes no snapshots (its aggregates have short histories), yet Axon looks for one in the snapshot
     * table every time it loads an aggregate: a round trip to PostgreSQL for nothing, twice for a draft (the case
     * and the contact). This engine skips the lookup. Configuring a snapshotter would need it removed.
     */
    static final class WithoutSnapshots extends JdbcEventStorageEngine {

        WithoutSnapshots(JdbcEventStorageEngine.Builder builder) {
            super(builder);
        }

        @Override
        protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
            return Stream.empty();
        }

        /**
         * An event for the processors, its time read by {@link StoredTimes}. Events read to load an aggregate keep
         * Axon's own reading: no aggregate asks for their time, so it is never parsed there.
         */
        @Override
        protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
                throws SQLException {
            TrackedEventData<?> data = super.getTrackedEventData(resultSet, previousToken);
            return data instanceof DomainEventData<?> domain
                    ? new TrackedDomainEventData<>(data.trackingToken(), new Timed<>(domain, stamp(resultSet)))
                    : data;
        }

        private String stamp(ResultSet resultSet) throws SQLException {
            return resultSet.getString(schema().timestampColumn());
        }
    }

    /** A stored event whose time is read from its text by {@link StoredTimes} rather than Axon's own parser. */
    private record Timed<T>(DomainEventData<T> event, String stamp) implements DomainEventData<T> {

        @Override
        public Instant getTimestamp() {
            return StoredTimes.parse(stamp);
        }

        @Override
        public String getEventIdentifier() {
            return event.getEventIdentifier();
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return event.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return event.getPayload();
        }

        @Override
        public String getType() {
            return event.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return event.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return event.getSequenceNumber();
        }
    }

    /**
     * Every projection runs in a pooled streaming processor. An event a projection's handler cannot handle is
     * parked, with why, in that processor's dead-letter queue (the {@code dead_letter_entry} table), and later events
     * of the same case queue behind it so their order holds ({@link ByCase}); the processor goes on with every other
     * case. Each processor is split into {@code casetrail.events.segments} segments by case (but those of
     * {@link ParkedEvents#ONE_SEGMENT}), shared among the nodes by {@link ProcessorNodes}.
     * Nothing is passed over: readiness is DOWN, naming the parked event, until an operator has it handled again
     * ({@code POST /actuator/projections/parked}). Processors named in {@link ParkedEvents#NEVER_PARKED} (the audit chain, whose
     * order is the record) never park: they stop and retry the event instead. A failure outside a handler (writing
     * the batch) stops and retries the batch. Each processor's segments take their events through counted queues
     * ({@link CountedWorkQueues}).
     */
    @Bean
    ConfigurerModule processorDefaults(CasetrailProperties properties, ConnectionProvider connectionProvider,
                                       TransactionManager transactionManager, DeadLetterSchema deadLetterSchema,
                                       Serializer defaultSerializer,
                                       @Qualifier("eventSerializer") Serializer eventSerializer,
                                       ProcessorFailures failures, ProcessorNodes nodes) {
        int batchSize = properties.events().batchSize();
        int segments = properties.events().segments();
        var source = new SharedSource(properties.events().pollInterval());
        // Ordered last: Axon's own JDBC auto-configuration registers a dead-letter queue provider of its own (one
        // that parks nothing unless told to by properties), which this one replaces.
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer.eventProcessing(processing -> {
                    processing
                        .configureDefaultStreamableMessageSource(source::get)
                        .usingPooledStreamingEventProcessors((config, builder) -> builder
                                .batchSize(batchSize)
                                .initialSegmentCount(segments)
                                .maxSegmentProvider(nodes))
                        .registerDefaultSequencingPolicy(config -> new ByCase())
                        .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                        .registerDefaultErrorHandler(c -> failures::failed)
                        .registerDeadLetterQueueProvider(group -> ParkedEvents.NEVER_PARKED.contains(group) ? null
                                : config -> new EmptyAwareDeadLetterQueue<>(
                                        JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                                .processingGroup(group)
                                                .connectionProvider(connectionProvider)
                                                .transactionManager(transactionManager)
                                                .schema(deadLetterSchema)
                                                .genericSerializer(defaultSerializer)
                                                .eventSerializer(eventSerializer)
                                                .build()));
                    ParkedEvents.ONE_SEGMENT.forEach(
                            group -> processing.registerPooledStreamingEventProcessorConfiguration(
                                    group, (config, builder) -> builder.initialSegmentCount(1)));
                });
                // Once Axon has made the processors (its first start phase) and before they start (theirs).
                configurer.onInitialize(config -> config.onStart(
                        Phase.INBOUND_EVENT_CONNECTORS - 1,
                        () -> config.eventProcessingConfiguration().eventProcessors().values()
                                    .forEach(CountedWorkQueues::install)));
            }

            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    /**
     * The event store, reading new events from the database every poll interval while projections wait for
     * them (Axon's default is a second), and at once after a local commit.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  CasetrailProperties properties) {
        return EmbeddedEventStore.builder()
                                 .storageEngine(storageEngine)
                                 .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                 .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                                 .fetchDelay(Math.max(1, properties.events().pollInterval().toMillis()))
                                 .build();
    }

    /** Declared here because Axon's own steps aside once the event store is declared. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    /** One nudging message source for all processors, made on first use and closed with Axon. */
    private static final class SharedSource {

        private final Duration pollInterval;
        private PromptEventSource source;

        SharedSource(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        synchronized PromptEventSource get(org.axonframework.config.Configuration config) {
            if (source == null) {
                source = new PromptEventSource(config.eventStore(), pollInterval);
                config.onShutdown(source::close);
            }
            return source;
        }
    }

    /** Axon's own causation metadata (correlationId, traceId) on every message a message causes. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who, in what role, from where, in which request and by which command: copied from each command onto the events it causes. */
    @Bean
    CorrelationDataProvider requestOriginProvider() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ACTOR, MetaDataKeys.ACTOR_ROLE,
                                                 MetaDataKeys.CLIENT_ADDRESS, MetaDataKeys.REQUEST_ID,
                                                 MetaDataKeys.COMMAND);
    }

    /**
     * The mapper Axon serializes events with. It is separate from the web mapper so that a change to how the API
     * renders JSON can never change how stored events are read back.
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Declaring Axon's mapper would otherwise switch off Spring Boot's own; this keeps the web one primary. */
    @Bean
    @Primary
    ObjectMapper jacksonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.createXmlMapper(false).build();
    }
}
