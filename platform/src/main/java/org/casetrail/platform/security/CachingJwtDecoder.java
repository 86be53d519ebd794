package org.casetrail.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers a verified bearer token until it expires (at most the TTL), so a client sending the same token on
 * every request costs one signature check per token rather than one per request: under load the RSA check and
 * the token's decoding were the service's largest single use of CPU (profiled). Tokens are keyed by an HMAC under
 * a random per-process key, never kept as they came; a failed check is never remembered.
 */
class CachingJwtDecoder implements JwtDecoder {

    private static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder delegate;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Jwt decode(String token) {
        String cacheKey = mac(token);
        Instant now = clock.instant();
        Entry hit = verified.get(cacheKey);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.jwt();
        }
        Jwt jwt = delegate.decode(token);
        Instant until = now.plus(ttl);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(cacheKey, new Entry(jwt, until));
        return jwt;
    }

    private String mac(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private record Entry(Jwt jwt, Instant until) {
    }
}
