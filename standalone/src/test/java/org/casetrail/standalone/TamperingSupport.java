package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;

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
}
