package org.casetrail.platform.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user, as Spring Security authenticated them. This, never a name in a request body, is who every
 * event records as having acted.
 *
 * @param username the user name
 * @param role     the user's strongest role
 */
public record CurrentUser(String username, Role role) {

    private static final Role[] PRECEDENCE = {Role.MANAGER, Role.PRACTITIONER, Role.AUDITOR};

    public static Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return Optional.empty();
        }
        var held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        Role role = null;
        // A user holding several roles acts with the one that may do most.
        for (Role candidate : PRECEDENCE) {
            if (role == null && held.contains(candidate.authority())) {
                role = candidate;
            }
        }
        return role == null ? Optional.empty() : Optional.of(new CurrentUser(auth.getName(), role));
    }

    public static CurrentUser require() {
        return find().orElseThrow(() -> new IllegalStateException("No signed-in user with a Casetrail role"));
    }
}
