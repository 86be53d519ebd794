package org.casetrail.platform.security;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Who may call what. Locally, accounts from configuration over HTTP Basic; in production, OAuth2 bearer JWTs with
 * roles from a configurable claim ({@code casetrail.security.mode=jwt}). Reads need any role; writes need
 * PRACTITIONER or MANAGER, so an AUDITOR can change nothing. Finer rules sit on the endpoints themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String DEMO_PASSWORD = "casetrail";

    @Bean
    LocalAccounts accounts(CasetrailProperties properties) {
        return new LocalAccounts(configuredOrDemo(properties));
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, CasetrailProperties properties, LocalAccounts accounts,
                                    Problems problems, ObjectProvider<JwtDecoder> jwtDecoder)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> problems.write(response,
                Problems.problem(HttpStatus.UNAUTHORIZED, "Sign in to use Casetrail"),
                Map.of("WWW-Authenticate", properties.security().jwt() ? "Bearer" : "Basic realm=\"casetrail\""));
        AccessDeniedHandler denied = (request, response, e) -> problems.write(response,
                Problems.problem(HttpStatus.FORBIDDEN, "FORBIDDEN_FOR_ROLE", "Your role may not do this"), Map.of());

        http.csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
            .authorizeHttpRequests(auth -> auth
                    .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                    .requestMatchers("/error").permitAll()
                    // The role matrix (README): decided here, before any request body is read.
                    .requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit/verify")
                            .hasAnyRole(Role.MANAGER.name(), Role.AUDITOR.name())
                    .requestMatchers(HttpMethod.POST, "/api/guidance-requests/*/response").hasRole(Role.MANAGER.name())
                    .requestMatchers(HttpMethod.POST, "/api/cases/*/close", "/api/cases/*/reopen")
                            .hasRole(Role.MANAGER.name())
                    .requestMatchers(HttpMethod.GET, "/api/cases/*/bundle", "/api/cases/*/subject-access")
                            .hasAnyRole(Role.MANAGER.name(), Role.AUDITOR.name())
                    // Signed in is not enough: a user (a token) with no Casetrail role reads nothing at all.
                    .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(ALL_ROLES)
                    .requestMatchers(HttpMethod.HEAD, "/**").hasAnyRole(ALL_ROLES)
                    // Signing the audit chain's head changes no record: auditors may ask for it.
                    .requestMatchers(HttpMethod.POST, "/api/audit/checkpoints")
                            .hasAnyRole(Role.MANAGER.name(), Role.AUDITOR.name())
                    .requestMatchers("/api/**").hasAnyRole(Role.PRACTITIONER.name(), Role.MANAGER.name())
                    // Rebuilding projections changes no record but empties read tables for a while.
                    .requestMatchers(HttpMethod.POST, "/actuator/projections", "/actuator/projections/**")
                            .hasRole(Role.MANAGER.name())
                    .anyRequest().hasAnyRole(ALL_ROLES));
        if (properties.security().jwt()) {
            var security = properties.security();
            http.oauth2ResourceServer(rs -> rs
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(denied)
                    .jwt(jwt -> jwt.decoder(new CachingJwtDecoder(jwtDecoder.getObject(), security.authCacheTtl(),
                                                                  Clock.systemUTC()))
                                   .jwtAuthenticationConverter(TokenUsers.converter(security.nameClaim(),
                                                                                    security.rolesClaim()))));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .authenticationManager(new ProviderManager(accounts.cachedPasswordCheck(
                        properties.security().authCacheTtl(), Clock.systemUTC())));
        }
        return http.build();
    }

    /**
     * Security rules match request paths by pattern, as MVC's own mappings do, rather than by asking MVC which
     * handler a request will reach: that asking needs a handler lookup for every request ahead of the dispatcher's
     * own, which {@link SecurityWithoutHandlerLookup} then leaves out.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Spring Security observes its own filter chain, each sign-in and each access decision (Micrometer timers and
     * trace spans) when observations are on, wrapping every filter of every request for it: nothing here reads them,
     * and the service's own request metrics (Spring's {@code http.server.requests}) time the whole request anyway.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    static BeanFactoryPostProcessor securityWithoutHandlerLookup() {
        return new SecurityWithoutHandlerLookup();
    }

    /** Spring Security's strict firewall, its header rule checked without a regex ({@link HeaderText}). */
    @Bean
    HttpFirewall httpFirewall() {
        return HeaderText.firewall();
    }

    /** A path the firewall refuses (e.g. with "//" or an encoded slash) is bad input like any other. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems) {
        return (request, response, e) -> problems.write(response, Problems.problem(HttpStatus.BAD_REQUEST,
                "MALFORMED_REQUEST", "The request path is not acceptable"), Map.of());
    }

    @Bean
    UserZones userZones(CasetrailProperties properties, LocalAccounts accounts) {
        Map<String, ZoneId> zones = new HashMap<>();
        for (CasetrailProperties.User user : accounts.users()) {
            if (user.timeZone() != null && !user.timeZone().isBlank()) {
                zones.put(user.username(), ZoneId.of(user.timeZone()));
            }
        }
        return new UserZones(zones, properties.timeZone());
    }

    /** The configured accounts, or the three demo accounts when none are configured. */
    private static List<CasetrailProperties.User> configuredOrDemo(CasetrailProperties properties) {
        if (!properties.security().users().isEmpty()) {
            return properties.security().users();
        }
        if (!properties.security().jwt()) {
            log.warn("No accounts configured (casetrail.security.users): using the demo accounts alex (PRACTITIONER),"
                     + " morgan (MANAGER) and avery (AUDITOR) with the password '{}'. Never use them for real records.",
                     DEMO_PASSWORD);
        }
        return List.of(new CasetrailProperties.User("alex", DEMO_PASSWORD, Role.PRACTITIONER.name(), null),
                       new CasetrailProperties.User("morgan", DEMO_PASSWORD, Role.MANAGER.name(), null),
                       new CasetrailProperties.User("avery", DEMO_PASSWORD, Role.AUDITOR.name(), null));
    }

    private static final String[] ALL_ROLES = java.util.Arrays.stream(Role.values()).map(Role::name)
                                                              .toArray(String[]::new);
}
