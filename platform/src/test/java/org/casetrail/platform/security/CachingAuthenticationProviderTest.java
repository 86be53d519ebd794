package org.casetrail.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** Basic sign-in costs one password hash per user and TTL, not one per request, and never caches a failure. */
class CachingAuthenticationProviderTest {

    private final AtomicInteger hashes = new AtomicInteger();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T09:00:00Z"));

    private final AuthenticationProvider countingDelegate = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            hashes.incrementAndGet();
            if (!"casetrail".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
                    AuthorityUtils.createAuthorityList("ROLE_PRACTITIONER"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(countingDelegate,
            Duration.ofMinutes(5), clock);

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aRepeatedCredentialIsVerifiedOnce() {
        for (int i = 0; i < 100; i++) {
            assertThat(provider.authenticate(login("alex", "casetrail")).getName()).isEqualTo("alex");
        }
        assertThat(hashes).hasValue(1);
    }

    @Test
    void aDifferentPasswordIsVerifiedAgainAndFailuresAreNeverCached() {
        provider.authenticate(login("alex", "casetrail"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("alex", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(hashes).hasValue(4);
    }

    @Test
    void theCacheForgetsAfterItsTtl() {
        provider.authenticate(login("alex", "casetrail"));
        clock.set(clock.instant().plus(Duration.ofMinutes(6)));
        provider.authenticate(login("alex", "casetrail"));
        assertThat(hashes).hasValue(2);
    }

    @Test
    void usersAreKeptApart() {
        provider.authenticate(login("alex", "casetrail"));
        assertThat(provider.authenticate(login("morgan", "casetrail")).getName()).isEqualTo("morgan");
        assertThat(hashes).hasValue(2);
    }
}
