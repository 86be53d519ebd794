package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.casetrail.audit.verify.VerifyAuditChain;
import org.springframework.beans.factory.annotation.Autowired;

import com.zaxxer.hikari.HikariDataSource;

/** What the tests that tamper with the store share: waiting for the chain, and the auditor's verifier. */
abstract class TamperingSupport extends HttpTestSupport {

    @Autowired
    DataSource dataSource;

    void awaitLinked(String aggregateId) {
        Long linked = eventually(() -> jdbc.queryForObject("""
                SELECT count(*) FROM audit.chain c JOIN domain_event_entry e ON e.global_index = c.global_index
                WHERE e.aggregate_identifier = ?""", Long.class, aggregateId),
                count -> count != null && count > 0, Duration.ofSeconds(10));
        assertThat(linked).as("the case's event was linked").isPositive();
    }

    String[] cliArguments() {
        var hikari = (HikariDataSource) dataSource;
        return new String[] {"--url", hikari.getJdbcUrl(), "--user", "postgres", "--pending-window", "60s"};
    }

    /** Runs the auditor's command-line verifier; answers its exit code, a newline and what it printed. */
    static String runCli(String[] args) throws Exception {
        var printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true));
        try {
            int code = VerifyAuditChain.run(args);
            return code + "\n" + printed;
        } finally {
            System.setOut(out);
        }
    }

    /**
     * What a superuser could do: write a copy of a case's first event, as a new record's, straight into the event
     * table at {@code globalIndex} with the time stamp {@code stamped}.
     */
    void forge(long globalIndex, String caseId, String stamped) {
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT ?, ?, 0, type, ?, meta_data, payload, payload_revision, payload_type, ?
                FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""",
                globalIndex, UUID.randomUUID().toString(), UUID.randomUUID().toString(), stamped, caseId);
    }
}
