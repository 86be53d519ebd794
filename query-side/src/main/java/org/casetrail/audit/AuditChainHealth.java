package org.casetrail.audit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The audit chain's health ({@code auditChain}): DOWN while it is stopped on an event it cannot link (it retries
 * the event, never skips it), with why, the chain's length and its head. Its length is also the gauge
 * {@code casetrail.audit.chain.length}.
 */
@Component("auditChainHealthIndicator")
class AuditChainHealth extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final AuditChainProjection chain;
    private final JdbcTemplate jdbc;

    AuditChainHealth(EventProcessingConfiguration processing, AuditChainProjection chain, JdbcTemplate jdbc,
                     MeterRegistry meters) {
        this.processing = processing;
        this.chain = chain;
        this.jdbc = jdbc;
        Gauge.builder("casetrail.audit.chain.length", this, AuditChainHealth::length)
             .description("Events linked into the audit chain").register(meters);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var processor = processing.eventProcessor(AuditChainProjection.GROUP, EventProcessor.class);
        var failure = chain.failure();
        boolean linking = failure.isEmpty() && processor.map(p -> p.isRunning() && !p.isError()).orElse(false);
        (linking ? builder.up() : builder.down())
                .withDetail("linking", linking)
                .withDetail("failure", failure.orElse("none"))
                .withDetail("length", length())
                .withDetail("headGlobalIndex", jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM audit.chain",
                                                                   Long.class));
    }

    private double length() {
        Long length = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM audit.chain", Long.class);
        return length == null ? 0 : length;
    }
}
