package org.casetrail.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.casetrail.audit.AuditViews.CheckpointCheck;
import org.casetrail.audit.AuditViews.EntryPageView;
import org.casetrail.audit.AuditViews.EntryView;
import org.casetrail.audit.AuditViews.VerificationView;
import org.casetrail.audit.verify.AuditVerifier;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.db.HeldRows;
import org.casetrail.platform.db.Rows;
import org.casetrail.platform.db.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/** The audit reads: the trail of every event and read ({@link AuditLogProjection}'s table) and verification. */
@Component
public class AuditQueries {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Checkpoints checkpoints;
    private final AuditVerifier verifier;
    private final Clock clock;

    AuditQueries(JdbcClient jdbc, DataSource dataSource, Checkpoints checkpoints, Clock clock,
                 CasetrailProperties properties) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.verifier = new AuditVerifier(properties.events().gapTimeout(), checkpoints.signer().publicKey());
    }

    /** A page of the trail in recording order, each filter optional. */
    public EntryPageView entries(String caseId, String actor, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (caseId != null) {
            where.append(" AND case_id = ?");
            args.add(Sql.uuid(caseId));
        }
        if (actor != null) {
            where.append(" AND actor = ?");
            args.add(actor);
        }
        if (from != null) {
            where.append(" AND recorded_at >= ?");
            args.add(Sql.utc(from));
        }
        if (to != null) {
            where.append(" AND recorded_at < ?");
            args.add(Sql.utc(to));
        }
        args.add(size);
        args.add((long) page * size);
        List<EntryView> items = jdbc.sql("""
                SELECT event_identifier AS event_id, recorded_at AS at, actor, actor_role AS role, client_address,
                       request_id, command, event_type, record_id, case_id, summary
                FROM audit.entry""" + where + " ORDER BY recorded_at, event_identifier LIMIT ? OFFSET ?")
                .params(args).query(Rows.as(EntryView.class)).list();
        return new EntryPageView(items, page, size);
    }

    /** The case's trail as stored, for a subject access request: the person learns who has looked at it. */
    public Map<String, List<Map<String, Object>>> held(String caseId) {
        return HeldRows.of(jdbc, caseId)
                       .part("auditTrail", "SELECT * FROM audit.entry WHERE case_id = ? "
                                           + "ORDER BY recorded_at, event_identifier")
                       .rows();
    }

    /**
     * Recomputes the chain, holding it to {@code checkpoint} (an earlier one an outsider holds), or to the latest
     * stored checkpoint when that is null.
     */
    public VerificationView verify(AuditVerifier.Checkpoint checkpoint) throws SQLException {
        AuditVerifier.Checkpoint against = checkpoint != null ? checkpoint : checkpoints.latest()
                .map(c -> new AuditVerifier.Checkpoint(c.position(), HexFormat.of().parseHex(c.headHash())))
                .orElse(null);
        try (Connection connection = unlimitedConnection()) {
            var result = verifier.verify(connection, against, clock.instant());
            return new VerificationView(result.verified(), result.events(), result.headHash(), result.firstBreak(),
                    against == null ? null : new CheckpointCheck(against.position(), result.checkpointMatches()),
                    result.unlinked(), result.took().toMillis());
        }
    }

    /** Verification reads the whole store in one transaction: it runs outside the request session limits. */
    private Connection unlimitedConnection() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }
}
