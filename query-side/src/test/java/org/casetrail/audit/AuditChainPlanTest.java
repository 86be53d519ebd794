package org.casetrail.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.casetrail.query.QuerySideApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain's check of an event committed late must find the links above it by the index, however PostgreSQL
 * plans it: prepared once and planned generically, or planned for the values on statistics that have not seen the
 * table grow. Shown on a chain of 200,000 links added in a transaction that is then rolled back, so nothing of
 * them stays.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditChainPlanTest {

    private static final long FAR = 1_000_000_000_000L;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aLateEventsCheckReadsTheLinksAboveItByTheIndex() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.update("""
                    INSERT INTO audit.chain (position, global_index, event_identifier, hash)
                    SELECT ? + g, ? + g, 'plan-' || g, '\\x00'::bytea FROM generate_series(1, 200000) g""", FAR, FAR);
            jdbc.execute("PREPARE passed_long_ago (bigint, bigint, float8) AS "
                         + numbered(AuditChainProjection.PASSED_LONG_AGO));
            try {
                for (String mode : List.of("force_generic_plan", "force_custom_plan")) {
                    jdbc.execute("SET LOCAL plan_cache_mode = " + mode);
                    String plan = String.join("\n", jdbc.queryForList(
                            "EXPLAIN EXECUTE passed_long_ago (" + (FAR + 199_990) + ", " + (FAR + 200_000) + ", 60)",
                            String.class));
                    assertThat(plan).as(mode).contains("chain_global_index_uq").doesNotContain("Seq Scan");
                }
            } finally {
                jdbc.execute("DEALLOCATE passed_long_ago");
            }
        });
    }

    /** The statement with its {@code ?} placeholders numbered as PREPARE takes them. */
    private static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }
}
