package org.casetrail.query.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.messaging.Ids;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.platform.web.Params;
import org.casetrail.query.audit.Checkpoints.CheckpointView;
import org.casetrail.query.projection.Sql;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.zaxxer.hikari.HikariDataSource;

/** api.md "Audit": the trail of every event and read, its verification and its signed checkpoints. */
@RestController
@Validated
class AuditController {

    record EntryView(String eventId, Instant at, String actor, String role, String clientAddress, String requestId,
                     String command, String eventType, String recordId, String caseId, String summary) {
    }

    record EntryPageView(List<EntryView> items, int page, int size) {
    }

    record CheckpointCheck(long position, boolean matches) {
    }

    record VerificationView(boolean verified, long events, String headHash, AuditVerifier.Break firstBreak,
                            CheckpointCheck checkpoint, long unlinked, long tookMillis) {
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Checkpoints checkpoints;
    private final AuditVerifier verifier;
    private final Clock clock;

    AuditController(JdbcTemplate jdbc, DataSource dataSource, Checkpoints checkpoints, Clock clock,
                    CasetrailProperties properties) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.verifier = new AuditVerifier(properties.events().gapTimeout());
    }

    @GetMapping("/api/audit")
    @PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER')")
    EntryPageView entries(@RequestParam(required = false) String caseId,
                          @RequestParam(required = false) String actor,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "200") @Min(1) @Max(5000) int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (caseId != null) {
            where.append(" AND case_id = ?");
            args.add(Sql.uuid(Ids.field("caseId", caseId)));
        }
        if (actor != null) {
            where.append(" AND actor = ?");
            args.add(actor);
        }
        if (from != null) {
            where.append(" AND recorded_at >= ?");
            args.add(Sql.utc(Params.instant("from", from)));
        }
        if (to != null) {
            where.append(" AND recorded_at < ?");
            args.add(Sql.utc(Params.instant("to", to)));
        }
        args.add(size);
        args.add((long) page * size);
        List<EntryView> items = jdbc.query("SELECT * FROM audit.entry" + where
                        + " ORDER BY recorded_at, event_identifier LIMIT ? OFFSET ?",
                (rs, n) -> new EntryView(rs.getString("event_identifier"),
                        Sql.instant(rs.getObject("recorded_at", OffsetDateTime.class)), rs.getString("actor"),
                        rs.getString("actor_role"), rs.getString("client_address"), rs.getString("request_id"),
                        rs.getString("command"), rs.getString("event_type"), rs.getString("record_id"),
                        rs.getString("case_id"), rs.getString("summary")),
                args.toArray());
        return new EntryPageView(items, page, size);
    }

    /**
     * Recomputes the chain. With {@code position} and {@code hash} (an earlier checkpoint an outsider holds) it
     * also proves the chain still passes through it; without, it holds the chain to the latest stored checkpoint.
     */
    @GetMapping("/api/audit/verify")
    @PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER')")
    VerificationView verify(@RequestParam(required = false) @Min(1) Long position,
                            @RequestParam(required = false) String hash) throws SQLException {
        AuditVerifier.Checkpoint checkpoint = null;
        if (position != null || hash != null) {
            if (position == null || hash == null) {
                throw new InvalidFields(position == null ? "position" : "hash", "is needed with the other");
            }
            try {
                checkpoint = new AuditVerifier.Checkpoint(position, HexFormat.of().parseHex(hash.trim()));
            } catch (IllegalArgumentException e) {
                throw new InvalidFields("hash", "must be the checkpoint's head hash in hex");
            }
        } else {
            checkpoint = checkpoints.latest()
                    .map(c -> new AuditVerifier.Checkpoint(c.position(), HexFormat.of().parseHex(c.headHash())))
                    .orElse(null);
        }
        try (Connection connection = unlimitedConnection()) {
            var result = verifier.verify(connection, checkpoint, clock.instant());
            return new VerificationView(result.verified(), result.events(), result.headHash(), result.firstBreak(),
                    checkpoint == null ? null : new CheckpointCheck(checkpoint.position(), result.checkpointMatches()),
                    result.unlinked(), result.took().toMillis());
        }
    }

    @GetMapping("/api/audit/checkpoints/latest")
    CheckpointView latestCheckpoint() {
        return checkpoints.latest().orElseThrow(() -> new NotFound("checkpoint", "latest"));
    }

    @PostMapping("/api/audit/checkpoints")
    ResponseEntity<CheckpointView> checkpoint() {
        return checkpoints.create()
                .map(view -> ResponseEntity.status(HttpStatus.CREATED).body(view))
                .orElseThrow(() -> new NotFound("audit chain head", "(the chain is empty)"));
    }

    /** Verification reads the whole store in one transaction: it runs outside the request session limits. */
    private Connection unlimitedConnection() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }
}
