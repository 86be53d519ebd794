package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The API reference the service publishes at /v3/api-docs: every operation under /api has a summary, says what
 * it answers on success, and lists the refusals it can give with their problem codes.
 */
class ApiReferenceTest extends HttpTestSupport {

    private static final Set<String> METHODS = Set.of("get", "post", "put");

    @Test
    void everyOperationIsDescribedWithItsResponses() {
        var response = alex().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode doc = response.json();
        assertThat(doc.path("info").path("title").asText()).isEqualTo("Casetrail");
        assertThat(doc.path("info").path("description").asText()).contains("problem+json", "If-Match");
        List<String> undescribed = new ArrayList<>();
        int operations = 0;
        for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) doc.path("paths")::fields) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var operation : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                JsonNode body = operation.getValue();
                JsonNode responses = body.path("responses");
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                if (body.path("summary").asText().isBlank()) {
                    undescribed.add(name + ": no summary");
                }
                if (!responses.has("200") && !responses.has("201")) {
                    undescribed.add(name + ": no success response");
                }
                for (String status : List.of("400", "401", "403")) {
                    if (!responses.path(status).path("description").asText().contains(status.equals("401") ? "signed"
                            : "`")) {
                        undescribed.add(name + ": no " + status + " with its code");
                    }
                }
                if (path.getKey().contains("{") && !responses.has("404")) {
                    undescribed.add(name + ": no 404 for an unknown id");
                }
            }
        }
        assertThat(operations).isGreaterThan(45);
        assertThat(undescribed).isEmpty();
        JsonNode draft = doc.path("paths").path("/api/cases/{caseId}/contacts").path("post").path("responses");
        assertThat(draft.path("422").path("description").asText()).contains("`CASE_CLOSED`", "`PLAN_NOT_IN_CASE`");
        JsonNode edit = doc.path("paths").path("/api/contacts/{contactId}/attendees").path("put").path("responses");
        assertThat(edit.path("409").path("description").asText()).contains("`STALE_VERSION`");
        JsonNode read = doc.path("paths").path("/api/contacts/{contactId}").path("get");
        assertThat(read.path("responses").path("503").path("description").asText()).contains("`PROJECTION_BEHIND`");
        assertThat(read.path("parameters").findValuesAsText("name")).contains("asOf", "minVersion");
        assertThat(read.path("parameters").findValuesAsText("description")).allMatch(d -> !d.isBlank());
        JsonNode open = doc.path("paths").path("/api/cases").path("post").path("parameters");
        assertThat(open.findValuesAsText("name")).contains("Idempotency-Key");
    }
}
