package org.casetrail.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * What a credential was verified as, remembered until a given time, so a repeated credential costs no second
 * check. Credentials are keyed by an HMAC under a random per-process key: a heap dump shows neither them nor a
 * hash that could be attacked offline without that key. Only successes are ever put here. Caffeine bounds it,
 * evicting the least used first, and drops each entry when its time is up (on this clock, so tests can move it).
 */
final class VerifiedCache<T> {

    private static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final SecretKeySpec key;
    private final Cache<String, Entry<T>> verified;

    VerifiedCache(Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                                .maximumSize(MAX_ENTRIES)
                                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                                .expireAfter(Expiry.<String, Entry<T>>writing((credential, entry) ->
                                        maxZero(Duration.between(clock.instant(), entry.until()))))
                                .build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    Instant now() {
        return clock.instant();
    }

    Optional<T> find(String credential) {
        Entry<T> hit = verified.getIfPresent(mac(credential));
        return hit != null && hit.until().isAfter(clock.instant()) ? Optional.of(hit.value()) : Optional.empty();
    }

    void remember(String credential, T value, Instant until) {
        verified.put(mac(credential), new Entry<>(value, until));
    }

    private static Duration maxZero(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private String mac(String credential) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private record Entry<T>(T value, Instant until) {
    }
}
