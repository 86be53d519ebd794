package org.casetrail.platform.db;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A transaction manager that never commits a transaction older than its limit: it rolls it back and the caller
 * gets a {@link org.springframework.transaction.TransactionTimedOutException}.
 * <p>
 * This is what makes Axon's gap timeout safe. An event takes its global position when it is inserted, and a
 * projection that sees later positions commit first waits for the missing one only for the gap timeout. A
 * transaction that committed after that would be skipped by every projection forever. PostgreSQL 17 enforces the
 * same bound with {@code transaction_timeout}; older servers rely on this check alone.
 */
public class TimeBoundTransactionManager extends JdbcTransactionManager {

    private final long limitMillis;

    public TimeBoundTransactionManager(DataSource dataSource, Duration limit) {
        super(dataSource);
        this.limitMillis = limit.toMillis();
        // A TransactionException from prepareForCommit is otherwise treated as a failed commit and not rolled
        // back; returning the connection to auto-commit would then commit the very transaction refused here.
        setRollbackOnCommitFailure(true);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        if (definition.getTimeout() == TransactionDefinition.TIMEOUT_DEFAULT) {
            currentHolder().setTimeoutInMillis(limitMillis);
        }
    }

    @Override
    protected void prepareForCommit(DefaultTransactionStatus status) {
        ConnectionHolder holder = currentHolder();
        if (status.isNewTransaction() && holder != null && holder.hasTimeout()) {
            // Throws TransactionTimedOutException once the deadline has passed; the commit becomes a rollback.
            holder.getTimeToLiveInMillis();
        }
    }

    private ConnectionHolder currentHolder() {
        return (ConnectionHolder) TransactionSynchronizationManager.getResource(obtainDataSource());
    }
}
