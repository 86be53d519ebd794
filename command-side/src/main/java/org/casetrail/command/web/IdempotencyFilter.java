package org.casetrail.command.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.db.ConcurrentWrites;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.Problems;
import org.casetrail.platform.web.RequestRules;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A POST carrying {@code Idempotency-Key} is carried out once per user and key: a repeat gets the first response
 * again, with {@code Idempotent-Replayed: true}, and stores nothing new.
 * <p>
 * The command and the record of its response commit in one transaction, so a crash cannot leave one without
 * the other. Two copies racing each other both run, but the second's insert of the key waits for the first and
 * then finds it taken: the second rolls back its events and answers with the first's response. Only successful
 * responses are kept, so a request refused for bad input can be corrected and sent again with the same key.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Problems problems;
    private final double retentionSeconds;

    IdempotencyFilter(JdbcTemplate jdbc, TransactionTemplate transactions, Problems problems,
                      CasetrailProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.problems = problems;
        this.retentionSeconds = properties.idempotency().retention().toMillis() / 1000.0;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var user = CurrentUser.find();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problems.write(response, Problems.invalid(HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters",
                    List.of(new Problems.FieldError(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters"))),
                    Map.of());
            return;
        }
        String actor = user.get().username();
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestRules.BodyTooLarge e) {
            problems.write(response, RequestRules.tooLarge(), Map.of());
            return;
        }
        String fingerprint = fingerprint(request, body);

        StoredResponse earlier = find(actor, key);
        if (earlier != null) {
            replay(earlier, fingerprint, response);
            return;
        }
        // The command runs in this transaction with the record of its answer, so a repeat can never store it
        // twice. A command that lost a race with another writer to the same record stored nothing, and its
        // transaction is spoiled: it is sent again in a fresh one, as a request without a key would be.
        Map<String, String> headersBefore = new java.util.LinkedHashMap<>();
        response.getHeaderNames().forEach(name -> headersBefore.put(name, response.getHeader(name)));
        for (int attempt = 1; ; attempt++) {
            var cachedResponse = new ContentCachingResponseWrapper(response);
            request.removeAttribute(ConcurrentWrites.LOST_RACE);
            StoredResponse winner = transactions.execute(tx -> runOnce(
                    new CachedBodyRequest(request, body), cachedResponse, chain, tx, actor, key, fingerprint));
            if (winner != null) {
                cachedResponse.resetBuffer();
                replay(winner, fingerprint, response);
                return;
            }
            if (request.getAttribute(ConcurrentWrites.LOST_RACE) == null || attempt == MAX_ATTEMPTS) {
                cachedResponse.copyBodyToResponse();
                return;
            }
            response.reset();
            headersBefore.forEach(response::setHeader);
            pause(attempt);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5L * attempt, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private StoredResponse runOnce(HttpServletRequest request, ContentCachingResponseWrapper response,
                                   FilterChain chain, TransactionStatus tx, String actor, String key,
                                   String fingerprint) {
        // Copies of one key wait here for each other; the first to finish is replayed to the rest.
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(? || ' ' || ?, 0))", actor, key);
        StoredResponse earlier = find(actor, key);
        if (earlier != null) {
            return earlier;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            tx.setRollbackOnly();
            throw new IllegalStateException(e);
        }
        if (response.getStatus() >= 300) {
            tx.setRollbackOnly();
            return null;
        }
        // An expired answer to this key may still be here, not yet cleaned up: this one takes its place.
        int inserted = jdbc.update("""
                INSERT INTO command_side.idempotency_record
                    (actor, idempotency_key, fingerprint, status, content_type, location, etag, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (actor, idempotency_key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,
                    status = EXCLUDED.status, content_type = EXCLUDED.content_type, location = EXCLUDED.location,
                    etag = EXCLUDED.etag, body = EXCLUDED.body, created_at = EXCLUDED.created_at
                WHERE idempotency_record.created_at <= now() - make_interval(secs => ?)""",
                actor, key, fingerprint, response.getStatus(), response.getContentType(),
                response.getHeader("Location"), response.getHeader("ETag"), response.getContentAsByteArray(),
                retentionSeconds);
        if (inserted == 0) {
            tx.setRollbackOnly();
            return find(actor, key);
        }
        return null;
    }

    private void replay(StoredResponse earlier, String fingerprint, HttpServletResponse response) throws IOException {
        if (!earlier.fingerprint().equals(fingerprint)) {
            problems.write(response, Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used for a different request"), Map.of());
            return;
        }
        response.setStatus(earlier.status());
        response.setHeader(REPLAYED, "true");
        if (earlier.contentType() != null) {
            response.setContentType(earlier.contentType());
        }
        if (earlier.location() != null) {
            response.setHeader("Location", earlier.location());
        }
        if (earlier.etag() != null) {
            response.setHeader("ETag", earlier.etag());
        }
        response.getOutputStream().write(earlier.body());
    }

    /** The first answer to this key, unless it is older than the retention (then the key is free again). */
    private StoredResponse find(String actor, String key) {
        return jdbc.query("""
                SELECT fingerprint, status, content_type, location, etag, body
                FROM command_side.idempotency_record
                WHERE actor = ? AND idempotency_key = ? AND created_at > now() - make_interval(secs => ?)""",
                rs -> rs.next() ? new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3),
                                                     rs.getString(4), rs.getString(5), rs.getBytes(6)) : null,
                actor, key, retentionSeconds);
    }

    /** Deletes answers older than the retention, a bounded batch at a time so no transaction runs long. */
    @Scheduled(fixedDelayString = "${casetrail.idempotency.cleanup-interval:1h}", initialDelay = 60_000)
    int forgetExpired() {
        int deleted = 0;
        int batch;
        do {
            batch = jdbc.update("""
                    DELETE FROM command_side.idempotency_record WHERE ctid IN (
                        SELECT ctid FROM command_side.idempotency_record
                        WHERE created_at <= now() - make_interval(secs => ?) LIMIT 1000)""", retentionSeconds);
            deleted += batch;
        } while (batch == 1000);
        return deleted;
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + ' ' + request.getRequestURI() + '\n').getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredResponse(String fingerprint, int status, String contentType, String location, String etag,
                                  byte[] body) {
    }

    /** The body was read once to fingerprint it; the controller reads this copy. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
