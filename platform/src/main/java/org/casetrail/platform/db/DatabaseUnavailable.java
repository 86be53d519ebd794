package org.casetrail.platform.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached just now (restarting, failing over, out of
 * connections): the request is worth sending again shortly (503 with Retry-After), not a defect (500).
 */
public final class DatabaseUnavailable {

    private static final String POOL_CONNECTION_CLOSED = "Connection is closed";

    private DatabaseUnavailable() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // A rollback that replaced a commit's failure: the commit's failure says why (its own cause, the
            // rollback's, is read on down the chain like any other).
            if (cause instanceof TransactionSystemException tx && tx.getApplicationException() != null
                && is(tx.getApplicationException())) {
                return true;
            }
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            // The pool's own word for a connection the server dropped under a request: it carries no SQL state.
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                && POOL_CONNECTION_CLOSED.equals(sql.getMessage())) {
                return true;
            }
            // PostgreSQL's connection exceptions (08...) and an administrator's shutdown or restart (57P0x).
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether the database went away while a transaction was ending, so that what it wrote may or may not have been
     * committed: the client must find out (read the record, or send again with the same Idempotency-Key).
     */
    public static boolean outcomeUnknown(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }
}
