package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two service instances on one PostgreSQL, writing to one contact by turns: a write on one node is seen by the
 * other at once, a correct {@code If-Match} from the other node is never a wrong 409, no update is lost, and a
 * version really out of date is a 409 on either node, with or without an {@code Idempotency-Key}. (Any cache of aggregates a node may keep must keep this
 * true.) Runs against the external server (as {@link ExternalPostgresTest}), and is skipped where none answers.
 */
class TwoNodesWritesTest {

    static final String DATABASE = "casetrail_nodes_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void createDatabase() {
        ExternalDatabases.createOrSkip(DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        ExternalDatabases.dropIfMade(DATABASE);
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(CasetrailApplication.class).run(
                "--spring.datasource.url=" + ExternalPostgresTest.SERVER + DATABASE,
                "--spring.datasource.username=" + ExternalPostgresTest.USER, "--spring.datasource.password=",
                "--server.port=0");
    }

    private static Api alex(ConfigurableApplicationContext node) {
        return Api.at(((WebServerApplicationContext) node).getWebServer().getPort()).as("alex");
    }

    private static long edit(Api node, String contactId, String text, String ifMatch, int status) {
        var request = ifMatch == null ? node : node.header("If-Match", "\"" + ifMatch + "\"");
        var response = request.put("/api/contacts/" + contactId + "/description", "{\"text\": \"" + text + "\"}");
        assertThat(response.status()).as(text + ": " + response).isEqualTo(status);
        return status == 200 ? response.json().path("version").asLong() : -1;
    }

    @Test
    void writesByTurnsOnTwoNodesLoseNothingAndAnswerNoWrong409() {
        try (var first = node(); var second = node()) {
            Api a = alex(first);
            Api b = alex(second);
            String caseId = a.post("/api/cases", HttpTestSupport.JO.formatted("nodes")).text("caseId");
            String contactId = a.post("/api/cases/" + caseId + "/contacts", """
                    {"attendees": [{"name": "Jo", "role": "SERVICE_USER"}], "setting": {"type": "OFFICE"},
                     "startedAt": "2026-11-20T10:00:00Z", "endedAt": "2026-11-20T11:00:00Z",
                     "purpose": {"text": "Review"}}""").text("contactId");

            assertThat(edit(b, contactId, "B, version 2", "1", 200)).isEqualTo(2);
            // A last saw version 1; the If-Match names B's version 2: it is decided on version 2, not refused.
            assertThat(edit(a, contactId, "A, version 3", "2", 200)).isEqualTo(3);
            assertThat(edit(b, contactId, "B, version 4", "3", 200)).isEqualTo(4);
            // Without If-Match, A's command is decided on the stored state, whatever A last saw.
            assertThat(edit(a, contactId, "A, version 5", null, 200)).isEqualTo(5);
            // A version really out of date is still a 409, on either node.
            edit(b, contactId, "B, stale", "2", 409);
            edit(a, contactId, "A, stale", "4", 409);
            assertThat(edit(b, contactId, "B, version 6", null, 200)).isEqualTo(6);
            assertThat(edit(a, contactId, "A, version 7", "6", 200)).isEqualTo(7);
            // So too inside an idempotent request, whose command runs in the transaction that stores its answer:
            // B last wrote version 6, and its key's request is sent again on the stored version 7.
            Api keyed = b.header("Idempotency-Key", UUID.randomUUID().toString()).header("If-Match", "\"7\"");
            var signed = keyed.post("/api/contacts/" + contactId + "/finalise", "");
            assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
            assertThat(signed.json().path("version").asLong()).isEqualTo(8);
            var repeat = keyed.post("/api/contacts/" + contactId + "/finalise", "");
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeat.json().path("version").asLong()).isEqualTo(8);

            JsonNode history = HttpTestSupport.eventually(
                    () -> b.get("/api/contacts/" + contactId + "/history").json().path("versions"),
                    versions -> versions.size() == 8, Duration.ofSeconds(15));
            assertThat(history.findValuesAsText("version")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
            JsonNode signedContact = a.get("/api/contacts/" + contactId + "?minVersion=8").json();
            assertThat(signedContact.path("description").asText()).isEqualTo("A, version 7");
            assertThat(signedContact.path("status").asText()).isEqualTo("FINALISED");
        }
    }
}
