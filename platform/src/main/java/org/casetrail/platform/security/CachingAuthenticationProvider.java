package org.casetrail.platform.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers a verified Basic credential for a short time, so a client sending the same user name and password
 * on every request costs one password hash per TTL instead of one per request. Failures are never remembered,
 * so guessing stays as slow as the password encoder makes it.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final VerifiedCache<Authentication> verified;

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.verified = new VerifiedCache<>(clock);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        if (credentials == null) {
            return delegate.authenticate(authentication);
        }
        String credential = authentication.getName() + '\u0000' + credentials;
        var hit = verified.find(credential);
        if (hit.isPresent()) {
            return hit.get();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            verified.remember(credential, result, verified.now().plus(ttl));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
