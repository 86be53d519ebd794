package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Requests at the edges that once answered 500 or a container page: each now a problem+json with its status. */
class EdgeCasesHttpTest extends HttpTestSupport {

    @Test
    void jsonResponsesEndWithALineBreak() {
        String caseId = openCase();
        var read = alex().get("/api/cases/" + caseId + "?minVersion=1");
        assertThat(read.body()).startsWith("{").endsWith("}\n");
        var problem = alex().get("/api/cases/" + java.util.UUID.randomUUID());
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.body()).endsWith("}\n");
        var filtered = alex().header("Time-Zone", "Mars/Olympus").get("/api/cases/" + caseId);
        assertThat(filtered.body()).as("a problem written by a filter").endsWith("}\n");
        var list = alex().get("/api/cases");
        assertThat(list.body()).endsWith("}\n");
    }

    /** An unknown zone was once ignored, and times came back in another zone than the one asked for. */
    @Test
    void anUnknownTimeZoneIsRefusedAndAKnownOneIsUsed() {
        String caseId = openCase();
        var refused = alex().header("Time-Zone", "Mars/Olympus").get("/api/cases/" + caseId + "?minVersion=1");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("Time-Zone");
        var tokyo = alex().header("Time-Zone", "Asia/Tokyo").get("/api/cases/" + caseId + "?minVersion=1");
        assertThat(tokyo.status()).isEqualTo(200);
        assertThat(tokyo.json().path("openedAt").asText()).endsWith("+09:00");
    }

    @Test
    void errorAskedForDirectlyIsAPathThatNamesNothing() {
        var response = alex().get("/error");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutALength() throws Exception {
        String big = "{\"text\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        String caseId = openCase();
        var sized = as("morgan").post("/api/cases/" + caseId + "/close", big);
        assertThat(sized.status()).isEqualTo(413);
        assertThat(sized.header("Content-Type")).startsWith("application/problem+json");

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        for (String key : new String[] {null, "chunked-" + caseId}) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + caseId + "/close"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("morgan:casetrail".getBytes()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            var chunked = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).as("chunked, key " + key).isEqualTo(413);
            assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(alex().get("/api/cases/" + caseId + "?minVersion=1").json().path("status").asText())
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                       Long.class, caseId)).as("events stored for the case").isEqualTo(1L);
    }

    @Test
    void concurrentCheckpointsAreAllSigned() throws Exception {
        awaitChain();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit((Callable<Integer>) () -> as("morgan").post("/api/audit/checkpoints", "")
                                                                              .status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(as("avery").get("/api/audit/verify").json().path("verified").asBoolean()).isTrue();
    }

    private void awaitChain() {
        openCase();
        eventually(() -> jdbc.queryForObject("SELECT count(*) FROM audit.chain", Long.class), n -> n > 0,
                   java.time.Duration.ofSeconds(10));
    }
}
