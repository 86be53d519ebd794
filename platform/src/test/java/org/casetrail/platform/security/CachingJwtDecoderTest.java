package org.casetrail.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A bearer token is verified once until it expires (or the TTL ends), and a bad one is never remembered. */
class CachingJwtDecoderTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final Instant start = Instant.parse("2026-11-25T09:00:00Z");
    private final SettableClock clock = new SettableClock(start);

    private final JwtDecoder countingDelegate = token -> {
        checks.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("kim")
                  .issuedAt(start).expiresAt(start.plus(Duration.ofMinutes(2))).build();
    };

    private final CachingJwtDecoder decoder = new CachingJwtDecoder(countingDelegate, Duration.ofMinutes(5), clock);

    @Test
    void aRepeatedTokenIsCheckedOnce() {
        for (int i = 0; i < 50; i++) {
            assertThat(decoder.decode("good.token").getSubject()).isEqualTo("kim");
        }
        assertThat(checks).hasValue(1);
    }

    @Test
    void aBadTokenIsCheckedEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> decoder.decode("forged.token")).isInstanceOf(BadJwtException.class);
        }
        assertThat(checks).hasValue(3);
    }

    @Test
    void nothingIsRememberedPastTheTokensExpiry() {
        decoder.decode("good.token");
        clock.set(start.plus(Duration.ofMinutes(3)));
        decoder.decode("good.token");
        assertThat(checks).as("expired after 2 minutes, before the 5-minute TTL").hasValue(2);
    }
}
