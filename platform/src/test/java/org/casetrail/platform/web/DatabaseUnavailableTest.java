package org.casetrail.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** A database that cannot be reached is 503 with Retry-After, a problem to retry; anything else stays a 500. */
class DatabaseUnavailableTest {

    private final ProblemHandling handling = new ProblemHandling();

    @Test
    void aLostConnectionIs503WithRetryAfter() {
        for (Exception lost : new Exception[] {
                new CannotGetJdbcConnectionException("pool exhausted"),
                new EventStoreException("store failed", new SQLException("connection refused", "08001")),
                new IllegalStateException(new SQLException("terminating connection due to administrator command",
                                                           "57P01")),
                // Axon preparing its append on a pooled connection the restarted server had dropped.
                new org.axonframework.common.jdbc.JdbcException("Failed to create a SQL statement",
                                                                new SQLException("Connection is closed"))}) {
            var response = handling.unexpected(lost);
            assertThat(response.getStatusCode()).as(lost.toString()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(response.getBody().getProperties()).containsEntry("code", "DATABASE_UNAVAILABLE");
        }
    }

    @Test
    void aCommitCutOffIs503SayingItMayHaveBeenStored() {
        // As Spring throws it when the commit's connection broke: the rollback on the pool's closed connection.
        var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        var commit = new org.springframework.transaction.TransactionSystemException("JDBC commit failed",
                new org.postgresql.util.PSQLException("An I/O error occurred while sending to the backend.",
                                                      org.postgresql.util.PSQLState.CONNECTION_FAILURE));

        for (var cutOff : List.of(rollback, commit)) {
            var response = handling.unexpected(cutOff);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(response.getBody().getProperties()).containsEntry("code", "DATABASE_UNAVAILABLE");
            assertThat(response.getBody().getDetail()).contains("may or may not have been");
        }
        assertThat(handling.unexpected(new org.springframework.transaction.TransactionSystemException("a bug"))
                           .getStatusCode()).as("a failed commit for another reason").isEqualTo(
                                   HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void aDefectStaysA500() {
        assertThat(handling.unexpected(new IllegalStateException("a bug")).getStatusCode())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(handling.unexpected(new IllegalStateException(new SQLException("syntax", "42601"))).getStatusCode())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
