package org.casetrail.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

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
                                                           "57P01"))}) {
            var response = handling.unexpected(lost);
            assertThat(response.getStatusCode()).as(lost.toString()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(response.getBody().getProperties()).containsEntry("code", "DATABASE_UNAVAILABLE");
        }
    }

    @Test
    void aDefectStaysA500() {
        assertThat(handling.unexpected(new IllegalStateException("a bug")).getStatusCode())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(handling.unexpected(new IllegalStateException(new SQLException("syntax", "42601"))).getStatusCode())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
