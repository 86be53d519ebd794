package org.casetrail.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.casetrail.platform.web.InputRules;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a token from the identity provider names, and with which Casetrail roles: the same rules for a bearer token
 * on the API and for the ID token of a browser's OpenID Connect sign-in. The user is named by the configured claim,
 * falling back to {@code sub}; roles come from the configured claim, a list or a string of names.
 */
public final class TokenUsers {

    private TokenUsers() {
    }

    /** The Casetrail roles a claim's value names; names it does not know are ignored. */
    public static Collection<GrantedAuthority> roles(Object claim) {
        Collection<?> names = claim instanceof Collection<?> list ? list
                : claim instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        for (Object role : names) {
            String name = role.toString().trim().toUpperCase();
            for (Role known : Role.values()) {
                if (known.name().equals(name)) {
                    authorities.add(new SimpleGrantedAuthority(known.authority()));
                }
            }
        }
        return authorities;
    }

    /** The claim that names the user: {@code nameClaim} when it holds a usable name, else {@code sub}, else null. */
    public static String nameClaim(Map<String, Object> claims, String nameClaim) {
        if (usable(claims.get(nameClaim)) != null) {
            return nameClaim;
        }
        return usable(claims.get("sub")) != null ? "sub" : null;
    }

    /**
     * Bearer tokens to signed-in users; a token that names no usable user (none, or one with control characters)
     * signs nobody in (401).
     */
    public static Converter<Jwt, AbstractAuthenticationToken> converter(String nameClaim, String rolesClaim) {
        return jwt -> {
            String claim = nameClaim(jwt.getClaims(), nameClaim);
            if (claim == null) {
                throw new InvalidBearerTokenException("The token names no user (claim " + nameClaim + " or sub)");
            }
            return new JwtAuthenticationToken(jwt, roles(jwt.getClaims().get(rolesClaim)),
                                              usable(jwt.getClaims().get(claim)));
        };
    }

    private static String usable(Object name) {
        String text = name == null ? null : InputRules.textOrNull(name.toString());
        return text == null || text.isBlank() || text.length() > 255 ? null : text.trim();
    }
}
