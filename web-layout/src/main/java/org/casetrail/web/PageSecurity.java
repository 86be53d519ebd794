package org.casetrail.web;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.security.LocalAccounts;
import org.casetrail.platform.security.Role;
import org.casetrail.platform.security.TokenUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may see which page and post which form. Pages sign in with a form against the local accounts, or, in
 * {@code jwt} mode, with OpenID Connect against the council's identity provider (the API keeps Basic and bearer
 * tokens), and keep the sign-in in a session in PostgreSQL; every form carries a CSRF token; scripts and styles
 * come from the service alone (Content-Security-Policy, no inline script). The role rules mirror the API's
 * matrix: a page does not offer what a role may not do, and a forced URL is refused here too.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final String[] ALL_ROLES = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);
    private static final String MANAGER = Role.MANAGER.name();
    private static final String AUDITOR = Role.AUDITOR.name();

    @Bean
    @Order(1)
    SecurityFilterChain pageFilterChain(HttpSecurity http, CasetrailProperties properties, LocalAccounts accounts,
                                        PageErrorResolver errors,
                                        ObjectProvider<ClientRegistrationRepository> identityProviders,
                                        ObjectProvider<JwtDecoder> tokens) throws Exception {
        http.securityMatcher(Pages::isPage);
        var security = properties.security();
        if (security.jwt()) {
            // Councils sign in with their own identity provider (OpenID Connect); a tool may send the same bearer
            // tokens the API takes. There are no local passwords in this mode.
            if (identityProviders.getIfAvailable() != null) {
                http.oauth2Login(login -> login.loginPage("/sign-in").failureUrl("/sign-in?error")
                                               .successHandler(afterSignIn())
                                               .userInfoEndpoint(user -> user.oidcUserService(
                                                       oidcUsers(security.nameClaim(), security.rolesClaim()))));
            }
            http.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(tokens.getObject()).jwtAuthenticationConverter(
                    TokenUsers.converter(security.nameClaim(), security.rolesClaim()))));
        } else {
            http.authenticationManager(new ProviderManager(accounts.passwordCheck()))
                .formLogin(form -> form.loginPage("/sign-in").failureUrl("/sign-in?error")
                                       .successHandler(afterSignIn()).permitAll());
        }
        http.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out")
                                    .deleteCookies(WebSessions.COOKIE))
            .addFilterBefore(new KeptForms(), CsrfFilter.class)
            .exceptionHandling(e -> e.accessDeniedHandler(denied(errors))
                                     .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
            .headers(headers -> headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny()))
            .authorizeHttpRequests(auth -> auth
                    .requestMatchers("/sign-in", "/casetrail/**", "/webjars/**", "/favicon.ico", "/error",
                                     "/error-page").permitAll()
                    .requestMatchers(HttpMethod.GET, "/audit", "/audit/**", "/cases/*/bundle",
                                     "/cases/*/subject-access").hasAnyRole(MANAGER, AUDITOR)
                    .requestMatchers(HttpMethod.GET, "/compliance", "/compliance/**").hasAnyRole(MANAGER, AUDITOR)
                    .requestMatchers(HttpMethod.POST, "/audit/verify").hasAnyRole(MANAGER, AUDITOR)
                    .requestMatchers(HttpMethod.POST, "/guidance/*/answer").hasRole(MANAGER)
                    .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(ALL_ROLES)
                    .requestMatchers(HttpMethod.HEAD, "/**").hasAnyRole(ALL_ROLES)
                    .requestMatchers(HttpMethod.POST, "/sign-out").authenticated()
                    // An auditor changes nothing.
                    .anyRequest().hasAnyRole(Role.PRACTITIONER.name(), MANAGER));
        return http.build();
    }

    /**
     * The identity provider's ID token to a signed-in user: named and given roles by the same claims as a bearer
     * token on the API. A token that names nobody signs nobody in.
     */
    private static OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(String nameClaim, String rolesClaim) {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            String claim = TokenUsers.nameClaim(user.getClaims(), nameClaim);
            if (claim == null) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token"),
                        "The identity provider named no user (claim " + nameClaim + " or sub)");
            }
            return new DefaultOidcUser(TokenUsers.roles(user.getClaims().get(rolesClaim)), user.getIdToken(),
                                       user.getUserInfo(), claim);
        };
    }

    static boolean isSignInOrOut(HttpServletRequest request) {
        String path = Pages.path(request);
        return path.equals("/sign-in") || path.equals("/sign-out");
    }

    /** Back to a form kept from before the sign-in, else to the page asked for, else to My work. */
    private static AuthenticationSuccessHandler afterSignIn() {
        var savedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
        savedRequest.setDefaultTargetUrl("/");
        return new AuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException, ServletException {
                var session = request.getSession(false);
                Object kept = session == null ? null : session.getAttribute(Forms.KEPT_PATH);
                if (kept instanceof String path) {
                    response.setStatus(HttpStatus.SEE_OTHER.value());
                    response.setHeader("Location", request.getContextPath() + path);
                    return;
                }
                savedRequest.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /**
     * A form from a page left open too long (its CSRF token is no longer the session's) goes back to its page with
     * what was typed; any other refusal is the 403 page.
     */
    private static AccessDeniedHandler denied(PageErrorResolver errors) {
        return (request, response, e) -> {
            if (e instanceof CsrfException && "POST".equals(request.getMethod()) && !isSignInOrOut(request)) {
                Forms.keep(request, "This page had been open a long time, so your changes were not saved. "
                                    + "We kept what you typed: check it and save again.");
                response.setStatus(HttpStatus.SEE_OTHER.value());
                response.setHeader("Location", request.getContextPath() + Pages.path(request));
                return;
            }
            errors.render(request, response, HttpStatus.FORBIDDEN, null);
        };
    }
}
