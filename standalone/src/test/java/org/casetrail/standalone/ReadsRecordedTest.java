package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every read of case data is in the audit trail with its case. The routes are not listed here: the test walks every
 * GET under /api that the service's own API reference declares, by GET and by HEAD, fills each id in the path (or
 * the {@code caseId} query parameter) with a record of one case, and finds each access event by the request's
 * correlation id. A new read route is covered the day it is published.
 */
class ReadsRecordedTest extends HttpTestSupport {

    @Test
    void everyReadRouteRecordsItsAccessWithTheCase() {
        String caseId = openCase();
        var drafted = alex().post("/api/cases/" + caseId + "/contacts", COMPLETE_DRAFT);
        String contactId = drafted.text("contactId");
        Map<String, String> ids = Map.of("caseId", caseId, "contactId", contactId);
        eventually(() -> alex().get("/api/contacts/" + contactId), r -> r.status() == 200, Duration.ofSeconds(10));
        eventually(() -> as("morgan").post("/api/audit/checkpoints", ""), r -> r.status() == 201,
                   Duration.ofSeconds(10));

        JsonNode paths = as("morgan").get("/v3/api-docs").json().path("paths");
        List<String> problems = new ArrayList<>();
        int reads = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            JsonNode get = path.getValue().path("get");
            if (!path.getKey().startsWith("/api/") || get.isMissingNode()) {
                continue;
            }
            String url = path.getKey();
            boolean ofCase = false;
            for (var id : ids.entrySet()) {
                if (url.contains("{" + id.getKey() + "}")) {
                    url = url.replace("{" + id.getKey() + "}", id.getValue());
                    ofCase = true;
                }
            }
            if (!ofCase && get.path("parameters").findValuesAsText("name").contains("caseId")) {
                url += "?caseId=" + caseId;
                ofCase = true;
            }
            assertThat(url).as("every id in " + path.getKey() + " is filled").doesNotContain("{");
            for (String method : List.of("GET", "HEAD")) {
                reads++;
                String correlation = "reads-" + UUID.randomUUID();
                var api = as("morgan").header("X-Correlation-Id", correlation);
                var response = method.equals("GET") ? api.get(url) : api.head(url);
                if (response.status() >= 400) {
                    problems.add(method + " " + url + " answered " + response.status());
                    continue;
                }
                List<Map<String, Object>> recorded = eventually(() -> jdbc.queryForList(
                        "SELECT case_id::text AS case_id FROM audit.entry WHERE request_id = ?", correlation),
                        rows -> !rows.isEmpty(), Duration.ofSeconds(10));
                if (recorded.isEmpty()) {
                    problems.add(method + " " + url + " left no access event");
                } else if (ofCase && !caseId.equals(recorded.get(0).get("case_id"))) {
                    problems.add(method + " " + url + " recorded case " + recorded.get(0).get("case_id"));
                }
            }
        }
        assertThat(reads).isGreaterThanOrEqualTo(30);
        assertThat(problems).isEmpty();
    }

    @Test
    void anIdNotInCanonicalFormIsRefusedAndReadsNothing() {
        String caseId = openCase();
        String dropped = caseId.replaceFirst("^0*([0-9a-f])", "$1").substring(1);
        for (String id : List.of(dropped, "+" + caseId, caseId + " ", "{" + caseId + "}", caseId.replace("-", ""))) {
            var response = alex().get("/api/cases/" + id.replace(" ", "%20").replace("{", "%7B").replace("}", "%7D")
                                      .replace("+", "%2B"));
            assertThat(response.status()).as(id).isEqualTo(400);
            assertThat(response.json().path("errors").findValuesAsText("field")).contains("caseId");
        }
    }
}
