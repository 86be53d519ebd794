package org.casetrail.platform.db;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
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

    /**
     * Registers the deadline with each new transaction as a synchronization that refuses to let it commit late.
     * (A timeout on the connection holder would do the same, but Spring then sets a JDBC query timeout on every
     * statement, and the driver schedules and cancels a timer task for each one: measured, that alone cost about
     * a sixth of the service's CPU while rebuilding projections. PostgreSQL's own statement_timeout and
     * transaction_timeout already bound each statement and transaction on the server.)
     */
    @Override
    protected void prepareSynchronization(DefaultTransactionStatus status, TransactionDefinition definition) {
        super.prepareSynchronization(status, definition);
        if (status.isNewTransaction() && status.isNewSynchronization()) {
            long deadline = System.nanoTime() + limitNanos(definition);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    long late = System.nanoTime() - deadline;
                    if (late > 0) {
                        // Thrown before the commit, it turns the commit into a rollback.
                        throw new TransactionTimedOutException("Transaction older than its limit by "
                                + late / 1_000_000 + " ms; rolled back instead of committed");
                    }
                }
            });
        }
    }

    private long limitNanos(TransactionDefinition definition) {
        return definition.getTimeout() == TransactionDefinition.TIMEOUT_DEFAULT ? limitMillis * 1_000_000L
                : definition.getTimeout() * 1_000_000_000L;
    }
}
