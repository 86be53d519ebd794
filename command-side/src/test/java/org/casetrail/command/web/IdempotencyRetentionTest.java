package org.casetrail.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;

import org.casetrail.command.CommandSideApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An Idempotency-Key is remembered for the retention (24 hours by default), then forgotten and deleted. Its cases
 * stay in its own database: the context is closed after it.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyRetentionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotencyFilter filter;

    @Test
    void anAnswerIsReplayedWithinTheRetentionAndForgottenAfterIt() throws Exception {
        String key = "open-" + UUID.randomUUID();
        var first = open(key, "Jo");
        assertThat(first.statusCode()).isEqualTo(201);
        var repeat = open(key, "Jo");
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(open(key, "Someone else").statusCode()).as("same key, other body").isEqualTo(422);

        jdbc.update("UPDATE command_side.idempotency_record SET created_at = now() - interval '25 hours' "
                    + "WHERE idempotency_key = ?", key);
        var afterRetention = open(key, "Someone else");
        assertThat(afterRetention.statusCode()).as("the key is free again").isEqualTo(201);
        assertThat(afterRetention.headers().firstValue("Idempotent-Replayed")).isEmpty();

        String old = "old-" + UUID.randomUUID();
        assertThat(open(old, "Jo").statusCode()).isEqualTo(201);
        jdbc.update("UPDATE command_side.idempotency_record SET created_at = now() - interval '25 hours' "
                    + "WHERE idempotency_key = ?", old);
        assertThat(filter.forgetExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command_side.idempotency_record WHERE idempotency_key IN (?, ?)",
                                       Long.class, key, old)).as("the fresh answer stays, the old one goes").isOne();
    }

    private HttpResponse<String> open(String key, String name) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alex:casetrail".getBytes()))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"serviceUser": {"name": "%s"}, "planType": "EARLY_HELP", "allocatedWorker": "alex"}"""
                        .formatted(name)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
