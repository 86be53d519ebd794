package org.casetrail.platform.db;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Sets PostgreSQL's own limits on every pooled connection: statement timeout, idle-in-transaction timeout and,
 * from PostgreSQL 17, transaction timeout. Together with {@link TimeBoundTransactionManager} they bound how long
 * any writing transaction can live.
 */
public class SessionLimits implements BeanPostProcessor {

    private final Duration transactionLimit;
    private final Duration statementTimeout;

    public SessionLimits(Duration transactionLimit, Duration statementTimeout) {
        if (statementTimeout.compareTo(transactionLimit) > 0) {
            throw new IllegalArgumentException("casetrail.db.statement-timeout (" + statementTimeout
                    + ") must not exceed casetrail.db.transaction-limit (" + transactionLimit + ")");
        }
        this.transactionLimit = transactionLimit;
        this.statementTimeout = statementTimeout;
    }

    /** One statement, so it fits Hikari's connection-init SQL; transaction_timeout only where the server has it. */
    public String initSql() {
        long tx = transactionLimit.toMillis();
        return "SELECT set_config('statement_timeout', '" + statementTimeout.toMillis() + "', false), "
                + "set_config('idle_in_transaction_session_timeout', '" + tx + "', false), "
                + "CASE WHEN current_setting('server_version_num')::int >= 170000 "
                + "THEN set_config('transaction_timeout', '" + tx + "', false) END";
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getConnectionInitSql() == null) {
            hikari.setConnectionInitSql(initSql());
        }
        return bean;
    }
}
