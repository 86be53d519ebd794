package org.casetrail.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.casetrail.platform.CasetrailProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The local accounts in force, configured or demo: who may sign in with a password (HTTP Basic on the API, the
 * sign-in page in a browser), and the people a form may name, such as an action's assignee.
 */
public record LocalAccounts(List<CasetrailProperties.User> users) {

    public LocalAccounts {
        users = List.copyOf(users);
    }

    /** The user names, in the order configured. */
    public List<String> usernames() {
        return users.stream().map(CasetrailProperties.User::username).toList();
    }

    /** Checks a user name and password against these accounts, one password hash per check. */
    public AuthenticationProvider passwordCheck() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<UserDetails> details = new ArrayList<>();
        for (CasetrailProperties.User user : users) {
            Role role = Role.valueOf(user.role().trim().toUpperCase());
            String password = user.password().startsWith("{") ? user.password() : encoder.encode(user.password());
            details.add(User.withUsername(user.username()).password(password).authorities(role.authority()).build());
        }
        var dao = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(details));
        dao.setPasswordEncoder(encoder);
        return dao;
    }

    /** As {@link #passwordCheck()}, remembering a verified credential for {@code ttl} (for HTTP Basic). */
    AuthenticationProvider cachedPasswordCheck(Duration ttl, Clock clock) {
        return new CachingAuthenticationProvider(passwordCheck(), ttl, clock);
    }
}
