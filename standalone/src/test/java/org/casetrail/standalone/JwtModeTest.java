package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Production sign-in: OAuth2 bearer JWTs, the user named by a claim, roles from a configurable claim. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "casetrail.security.mode=jwt",
        "casetrail.security.roles-claim=casetrail_roles"})
class JwtModeTest {

    static final KeyPair KEYS = keys();

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("casetrail-jwt", ".pub");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @LocalServerPort
    int port;

    @Test
    void aBearerTokenSignsTheUserInAndTheirNameIsRecorded() throws Exception {
        var api = Api.at(port).header("Authorization", "Bearer " + token("kim.social.worker", List.of("PRACTITIONER")));
        var opened = api.post("/api/cases", HttpTestSupport.JO.formatted("jwt"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        var view = api.get("/api/cases/" + opened.text("caseId") + "?minVersion=1");
        assertThat(view.json().path("openedBy").asText()).isEqualTo("kim.social.worker");
    }

    @Test
    void rolesComeFromTheConfiguredClaim() throws Exception {
        var auditor = Api.at(port).header("Authorization", "Bearer " + token("ari", List.of("AUDITOR")));
        assertThat(auditor.get("/api/cases").status()).isEqualTo(200);
        assertThat(auditor.post("/api/cases", HttpTestSupport.JO.formatted("jwt-auditor")).status()).isEqualTo(403);
        var noRole = Api.at(port).header("Authorization", "Bearer " + token("nobody", List.of()));
        assertThat(noRole.post("/api/cases", HttpTestSupport.JO.formatted("jwt-none")).status()).isEqualTo(403);
    }

    /** A token with no Casetrail role reaches nothing but health; one that names nobody signs nobody in. */
    @Test
    void noRoleIs403EverywhereButHealthAndNoNameIs401() throws Exception {
        var noRole = Api.at(port).header("Authorization", "Bearer " + token("nobody", List.of("VISITOR")));
        for (String path : List.of("/api/cases", "/api/actions", "/actuator/prometheus", "/v3/api-docs",
                                   "/actuator/projections", "/api/compliance/visits")) {
            var response = noRole.get(path);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
        assertThat(noRole.get("/actuator/health").status()).isEqualTo(200);

        var nameless = Api.at(port).header("Authorization", "Bearer " + token(null, null, List.of("MANAGER"), KEYS));
        assertThat(nameless.get("/api/cases").status()).isEqualTo(401);
        var blankName = Api.at(port).header("Authorization", "Bearer " + token("", null, List.of("MANAGER"), KEYS));
        assertThat(blankName.get("/api/cases").status()).isEqualTo(401);
        var bySub = Api.at(port).header("Authorization", "Bearer " + token("  ", "sub-kim", List.of("PRACTITIONER"), KEYS));
        var opened = bySub.post("/api/cases", HttpTestSupport.JO.formatted("jwt-sub"));
        assertThat(opened.status()).isEqualTo(201);
        assertThat(bySub.get("/api/cases/" + opened.text("caseId") + "?minVersion=1").json().path("openedBy").asText())
                .as("a blank name falls back to sub").isEqualTo("sub-kim");
    }

    @Test
    void basicCredentialsAndBadTokensAreRefused() throws Exception {
        assertThat(Api.at(port).as("alex").get("/api/cases").status()).isEqualTo(401);
        var response = Api.at(port).header("Authorization", "Bearer not.a.token").get("/api/cases");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        KeyPair other = keys();
        var forged = Api.at(port).header("Authorization", "Bearer " + token("kim", List.of("MANAGER"), other));
        assertThat(forged.get("/api/cases").status()).isEqualTo(401);
    }

    static String token(String user, List<String> roles) throws JOSEException {
        return token(user, roles, KEYS);
    }

    static String token(String user, List<String> roles, KeyPair keys) throws JOSEException {
        return token(user, "sub-" + user, roles, keys);
    }

    /** A token naming the user by {@code preferred_username} and {@code sub}, either left out when null. */
    static String token(String user, String subject, List<String> roles, KeyPair keys) throws JOSEException {
        var claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("preferred_username", user)
                .claim("casetrail_roles", roles)
                .issueTime(java.util.Date.from(Instant.now()))
                .expirationTime(java.util.Date.from(Instant.now().plusSeconds(600)))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    static KeyPair keys() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
