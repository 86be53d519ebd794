package org.casetrail.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;


/**
 * The application's own guard, with no help from the server: on PostgreSQL before 17 there is no
 * transaction_timeout, so the transaction manager alone must refuse to commit a transaction past its limit.
 */
class TimeBoundTransactionManagerTest {

    static TestDatabase database;
    static HikariDataSource dataSource;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.start("CREATE TABLE written (id INT PRIMARY KEY)");
        dataSource = database.dataSource();
        jdbc = database.jdbc();
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    private TransactionTemplate limitedTo(Duration limit) {
        return new TransactionTemplate(new TimeBoundTransactionManager(dataSource, limit));
    }

    @Test
    void commitsATransactionInsideItsLimit() {
        limitedTo(Duration.ofSeconds(2)).executeWithoutResult(tx -> jdbc.update("INSERT INTO written VALUES (1)"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM written WHERE id = 1", Integer.class)).isOne();
    }

    @Test
    void rollsBackInsteadOfCommittingPastItsLimit() {
        assertThatThrownBy(() -> limitedTo(Duration.ofMillis(300)).executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO written VALUES (2)");
            pause(500);
        })).isInstanceOf(TransactionTimedOutException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM written WHERE id = 2", Integer.class)).isZero();
    }

    /**
     * A statement that runs past the limit is not cut off by the manager (PostgreSQL's statement_timeout, set on
     * every pooled connection by SessionLimits, bounds statements; a JDBC query timeout per statement cost too
     * much), but the transaction it belongs to is rolled back, not committed.
     */
    @Test
    void aStatementRunningPastTheLimitLeavesItsTransactionRolledBack() {
        assertThatThrownBy(() -> limitedTo(Duration.ofMillis(300)).executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO written VALUES (3)");
            jdbc.queryForObject("SELECT pg_sleep(0.6) IS NULL", Boolean.class);
        })).isInstanceOf(TransactionTimedOutException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM written WHERE id = 3", Integer.class)).isZero();
    }

    @Test
    void sessionLimitsRefuseAStatementTimeoutAboveTheTransactionLimit() {
        assertThatThrownBy(() -> new SessionLimits(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SessionLimits(Duration.ofSeconds(15), Duration.ofSeconds(10)).initSql())
                .contains("'statement_timeout', '10000'", "'idle_in_transaction_session_timeout', '15000'",
                          "'transaction_timeout', '15000'");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
