package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * In {@code jwt} mode a council's staff sign in to the pages with their own identity provider (OpenID Connect):
 * here a small local issuer stands in for it, and a real browser goes through its redirects. The user is named,
 * and given roles, by the same claims as a bearer token on the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "casetrail.security.mode=jwt",
        "casetrail.security.roles-claim=casetrail_roles"})
class OpenIdSignInTest {

    private static final LocalIssuer ISSUER = new LocalIssuer();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        ISSUER.start();
        String registration = "spring.security.oauth2.client.registration.council.";
        registry.add(registration + "client-id", () -> "casetrail");
        registry.add(registration + "client-secret", () -> "not-a-secret");
        registry.add(registration + "client-name", () -> "Ashford Council");
        registry.add(registration + "scope", () -> "openid,profile");
        registry.add(registration + "provider", () -> "council");
        registry.add("spring.security.oauth2.client.provider.council.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void needsABrowser() {
        Browser.assumeInstalled();
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop();
    }

    @Test
    void staffSignInWithTheirCouncilsIdentityProvider() {
        try (Browser kim = Browser.open(port)) {
            kim.go("/cases");
            assertThat(kim.path()).isEqualTo("/sign-in");
            assertThat(kim.has("Password")).as("no local passwords in this mode").isFalse();
            kim.accessible();
            kim.press("Sign in with Ashford Council");
            assertThat(kim.path()).as("back to the page asked for").isEqualTo("/cases");
            assertThat(kim.heading()).isEqualTo("Cases");
            assertThat(kim.text()).contains("kim.worker (Practitioner)");
            kim.press("Sign out");
            assertThat(kim.text()).contains("You have signed out.");
        }
        // The reads were recorded as the identity provider's user, never a name from the request.
        Integer reads = HttpTestSupport.eventually(() -> jdbc.queryForObject(
                "SELECT count(*) FROM audit.entry WHERE actor = 'kim.worker' AND event_type LIKE '%RecordViewed%'",
                Integer.class), n -> n > 0, Duration.ofSeconds(10));
        assertThat(reads).isPositive();
    }

    @Test
    void aUserTheProviderGivesNoCasetrailRoleSeesNothing() {
        ISSUER.nextRoles = List.of();
        try (Browser nobody = Browser.open(port)) {
            nobody.go("/sign-in").press("Sign in with Ashford Council");
            assertThat(nobody.heading()).isEqualTo("You cannot do this");
        } finally {
            ISSUER.nextRoles = List.of("PRACTITIONER");
        }
    }

    /** Just enough of an OpenID Connect provider: discovery, keys, the authorization code flow. */
    static final class LocalIssuer {

        private final RSAKey key = generate();
        private final Map<String, String> nonces = new ConcurrentHashMap<>();
        private HttpServer server;
        volatile List<String> nextRoles = List.of("PRACTITIONER");

        void start() {
            if (server != null) {
                return;
            }
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/.well-known/openid-configuration", this::discovery);
            server.createContext("/jwks", x -> json(x, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/authorize", this::authorize);
            server.createContext("/token", this::token);
            server.start();
        }

        void stop() {
            if (server != null) {
                server.stop(0);
            }
        }

        String issuer() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        private void discovery(HttpExchange exchange) throws IOException {
            json(exchange, """
                    {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                     "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"],
                     "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"],
                     "scopes_supported": ["openid", "profile"],
                     "token_endpoint_auth_methods_supported": ["client_secret_basic"]}""".formatted(issuer()));
        }

        /** The user is already signed in at the council: straight back with a code. */
        private void authorize(HttpExchange exchange) throws IOException {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            String code = UUID.randomUUID().toString();
            nonces.put(code, query.getOrDefault("nonce", ""));
            String back = query.get("redirect_uri") + "?code=" + code + "&state="
                          + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Location", back);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        }

        private void token(HttpExchange exchange) throws IOException {
            Map<String, String> body;
            try (InputStream in = exchange.getRequestBody()) {
                body = form(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            String nonce = nonces.remove(body.get("code"));
            Instant now = Instant.now();
            try {
                var claims = new JWTClaimsSet.Builder().issuer(issuer()).subject("u-123").audience("casetrail")
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                        .claim("nonce", nonce).claim("preferred_username", "kim.worker")
                        .claim("casetrail_roles", nextRoles).build();
                var idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                                            claims);
                idToken.sign(new RSASSASigner(key));
                json(exchange, """
                        {"access_token": "%s", "token_type": "Bearer", "expires_in": 300, "scope": "openid profile",
                         "id_token": "%s"}""".formatted(UUID.randomUUID(), idToken.serialize()));
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IOException(e);
            }
        }

        private static void json(HttpExchange exchange, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private static Map<String, String> form(String encoded) {
            Map<String, String> values = new HashMap<>();
            for (String pair : encoded == null ? new String[0] : encoded.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                               URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return values;
        }

        private static RSAKey generate() {
            try {
                return new RSAKeyGenerator(2048).keyID("local").generate();
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
