package org.casetrail.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers a verified bearer token until it expires (at most the TTL), so a client sending the same token on
 * every request costs one signature check per token rather than one per request: under load the RSA check and
 * the token's decoding were the service's largest single use of CPU (profiled). A failed check is never
 * remembered.
 */
class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Duration ttl;
    private final VerifiedCache<Jwt> verified;

    CachingJwtDecoder(JwtDecoder delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.verified = new VerifiedCache<>(clock);
    }

    @Override
    public Jwt decode(String token) {
        var hit = verified.find(token);
        if (hit.isPresent()) {
            return hit.get();
        }
        Jwt jwt = delegate.decode(token);
        Instant until = verified.now().plus(ttl);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        verified.remember(token, jwt, until);
        return jwt;
    }
}
