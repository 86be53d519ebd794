package org.casetrail.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.casetrail.audit.verify.CheckpointSigner;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Signs the chain's head, periodically when it has grown and on demand, and publishes the latest signature. */
@Component
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    /** A signed checkpoint as published: what an outsider needs to check it and hold the store to it. */
    public record CheckpointView(long position, String headHash, Instant at, String signature, String publicKey) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CheckpointSigner signer;

    Checkpoints(JdbcTemplate jdbc, Clock clock, CasetrailProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        String configured = properties.audit().signingKey();
        this.signer = CheckpointSigner.loadOrCreate(configured.isBlank()
                ? Path.of(properties.dataDir(), "audit-signing-key.pem") : Path.of(configured));
    }

    /** Signs the chain's current head; empty when the chain has nothing yet. */
    public Optional<CheckpointView> create() {
        List<Object[]> head = jdbc.query("SELECT position, hash FROM audit.chain ORDER BY position DESC LIMIT 1",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)});
        if (head.isEmpty()) {
            return Optional.empty();
        }
        long position = (Long) head.get(0)[0];
        byte[] hash = (byte[]) head.get(0)[1];
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] signature = signer.sign(position, hash, at);
        // Two requests in the same millisecond sign the same statement (Ed25519 signatures are deterministic):
        // the second finds it there.
        jdbc.update("""
                INSERT INTO audit.checkpoint (position, head_hash, at, signature) VALUES (?, ?, ?, ?)
                ON CONFLICT (position, at) DO NOTHING""", position, hash, Sql.utc(at), signature);
        log.info("Audit checkpoint signed at position {}", position);
        return Optional.of(view(position, hash, at, signature));
    }

    /**
     * The latest checkpoint that carries this service's signature. A row that does not (written into the table
     * behind the service's back) is never published; verification reports it as a break.
     */
    public Optional<CheckpointView> latest() {
        return jdbc.query("SELECT position, head_hash, at, signature FROM audit.checkpoint "
                          + "ORDER BY position DESC, at DESC LIMIT 100",
                (rs, n) -> new Stored(rs.getLong("position"), rs.getBytes("head_hash"),
                                      Sql.instant(rs.getObject("at", OffsetDateTime.class)), rs.getBytes("signature")))
                   .stream()
                   .filter(c -> CheckpointSigner.verify(signer.publicKey(), c.position(), c.hash(), c.at(), c.signature()))
                   .map(c -> view(c.position(), c.hash(), c.at(), c.signature()))
                   .findFirst();
    }

    private record Stored(long position, byte[] hash, Instant at, byte[] signature) {
    }

    @Scheduled(fixedDelayString = "${casetrail.audit.checkpoint-interval:15m}",
               initialDelayString = "${casetrail.audit.checkpoint-interval:15m}")
    void periodically() {
        Long head = jdbc.queryForObject("SELECT max(position) FROM audit.chain", Long.class);
        long signed = latest().map(CheckpointView::position).orElse(0L);
        if (head != null && head > signed) {
            create();
        }
    }

    public CheckpointSigner signer() {
        return signer;
    }

    private CheckpointView view(long position, byte[] hash, Instant at, byte[] signature) {
        return new CheckpointView(position, HexFormat.of().formatHex(hash), at,
                                  Base64.getEncoder().encodeToString(signature), signer.publicKeyPem());
    }
}
