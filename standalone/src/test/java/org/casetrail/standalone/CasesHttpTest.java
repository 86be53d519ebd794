package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Cases through HTTP on the standalone service and its embedded PostgreSQL. */
class CasesHttpTest extends HttpTestSupport {

    @Test
    void opensACaseAndReadsItBack() {
        var opened = alex().post("/api/cases", JO.formatted("open-read"));
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().path("version").asLong()).isEqualTo(1);
        assertThat(opened.header("ETag")).isEqualTo("\"1\"");
        String caseId = opened.text("caseId");
        assertThat(opened.header("Location")).isEqualTo("/api/cases/" + caseId);

        var read = alex().get("/api/cases/" + caseId + "?minVersion=1");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        JsonNode view = read.json();
        assertThat(view.path("caseId").asText()).isEqualTo(caseId);
        assertThat(view.path("serviceUser").path("name").asText()).isEqualTo("Jo Bloggs");
        assertThat(view.path("serviceUser").path("dateOfBirth").asText()).isEqualTo("2015-03-02");
        assertThat(view.path("serviceUser").path("reference").asText()).isEqualTo("R-open-read");
        assertThat(view.path("planType").asText()).isEqualTo("CHILD_IN_NEED");
        assertThat(view.path("allocatedWorker").asText()).isEqualTo("alex");
        assertThat(view.path("status").asText()).isEqualTo("OPEN");
        assertThat(view.path("openedBy").asText()).isEqualTo("alex");
        assertThat(view.path("counts").path("plans").asInt()).isZero();

        var listed = alex().get("/api/cases?status=OPEN&size=500").json().path("items");
        assertThat(listed.findValuesAsText("caseId")).contains(caseId);
    }

    @Test
    void recordsPlansClosesAndReopensWithWhoAndWhy() {
        String caseId = openCase();
        var plan = alex().post("/api/cases/" + caseId + "/plans",
                "{\"kind\": \"ASSESSMENT\", \"title\": \"Initial assessment\", \"date\": \"2026-11-01\", "
                + "\"summary\": \"Home conditions improving\"}");
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        assertThat(plan.json().path("version").asLong()).isEqualTo(2);

        var morgan = Api.at(port).as("morgan");
        assertThat(morgan.post("/api/cases/" + caseId + "/close", "{\"reason\": \"Needs met\"}").status()).isEqualTo(200);
        var reopened = morgan.post("/api/cases/" + caseId + "/reopen", "{\"reason\": \"New referral\"}");
        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.json().path("version").asLong()).isEqualTo(4);

        JsonNode view = alex().get("/api/cases/" + caseId + "?minVersion=4").json();
        assertThat(view.path("status").asText()).isEqualTo("OPEN");
        assertThat(view.path("plans").get(0).path("planId").asText()).isEqualTo(plan.text("planId"));
        assertThat(view.path("plans").get(0).path("kind").asText()).isEqualTo("ASSESSMENT");
        assertThat(view.path("plans").get(0).path("recordedBy").asText()).isEqualTo("alex");
        JsonNode history = view.path("statusHistory");
        assertThat(history.findValuesAsText("status")).containsExactly("OPEN", "CLOSED", "OPEN");
        assertThat(history.get(1).path("by").asText()).isEqualTo("morgan");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("Needs met");
        assertThat(history.get(2).path("reason").asText()).isEqualTo("New referral");
    }

    @Test
    void refusesDomainRulesWith422AndACode() {
        String caseId = openCase();
        var response = as("morgan").post("/api/cases/" + caseId + "/reopen", "{\"reason\": \"x\"}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo("CASE_NOT_CLOSED");
    }

    @Test
    void staleIfMatchGets409AndStoresNothing() {
        String caseId = openCase();
        assertThat(alex().post("/api/cases/" + caseId + "/plans",
                CARE_PLAN).status()).isEqualTo(201);
        long before = events();

        var stale = as("morgan").header("If-Match", "\"1\"").post("/api/cases/" + caseId + "/close", "{\"reason\": \"x\"}");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.text("code")).isEqualTo("STALE_VERSION");
        assertThat(events()).isEqualTo(before);

        var current = as("morgan").header("If-Match", "\"2\"").post("/api/cases/" + caseId + "/close", "{\"reason\": \"x\"}");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void malformedIfMatchIs400() {
        String caseId = openCase();
        var response = as("morgan").header("If-Match", "seven").post("/api/cases/" + caseId + "/close",
                                                                     "{\"reason\": \"x\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("If-Match");
    }

    @Test
    void repeatedIdempotencyKeyStoresOnceAndReturnsTheFirstResponse() {
        var keyed = alex().header("Idempotency-Key", "open-" + UUID.randomUUID());
        long before = events();
        var first = keyed.post("/api/cases", JO.formatted("idem"));
        var second = keyed.post("/api/cases", JO.formatted("idem"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events()).isEqualTo(before + 1);

        var different = keyed.post("/api/cases", JO.formatted("something else"));
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.text("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void concurrentRepeatsOfOneKeyStoreOnce() throws Exception {
        var keyed = alex().header("Idempotency-Key", "race-" + UUID.randomUUID());
        long before = events();
        var pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Api.Response> call = () -> keyed.post("/api/cases", JO.formatted("race"));
            var results = pool.invokeAll(List.of(call, call, call, call));
            var ids = new java.util.HashSet<String>();
            for (var result : results) {
                assertThat(result.get().status()).as(result.get().toString()).isEqualTo(201);
                ids.add(result.get().text("caseId"));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void sameKeyFromAnotherUserIsTheirOwn() {
        String key = "shared-" + UUID.randomUUID();
        var first = alex().header("Idempotency-Key", key).post("/api/cases", JO.formatted("a"));
        var second = Api.at(port).as("morgan").header("Idempotency-Key", key).post("/api/cases", JO.formatted("a"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("caseId")).isNotEqualTo(first.text("caseId"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON          | {"serviceUser": {                                                                    | MALFORMED_JSON    |
            empty body              |                                                                                      | MALFORMED_REQUEST |
            array instead of object | []                                                                                   | MALFORMED_REQUEST |
            unknown plan type       | {"serviceUser": {"name": "X"}, "planType": "NOPE", "allocatedWorker": "a"}          | VALIDATION_FAILED | planType
            mistyped date of birth  | {"serviceUser": {"name": "X", "dateOfBirth": "2015-13-45"}, "planType": "OTHER", "allocatedWorker": "a"} | VALIDATION_FAILED | serviceUser.dateOfBirth
            date of birth ahead     | {"serviceUser": {"name": "X", "dateOfBirth": "2999-01-01"}, "planType": "OTHER", "allocatedWorker": "a"} | VALIDATION_FAILED | serviceUser.dateOfBirth
            missing service user    | {"planType": "OTHER", "allocatedWorker": "a"}                                         | VALIDATION_FAILED | serviceUser
            blank name              | {"serviceUser": {"name": " "}, "planType": "OTHER", "allocatedWorker": "a"}         | VALIDATION_FAILED | serviceUser.name
            missing plan type       | {"serviceUser": {"name": "X"}, "allocatedWorker": "a"}                              | VALIDATION_FAILED | planType
            service user as string  | {"serviceUser": "X", "planType": "OTHER", "allocatedWorker": "a"}                   | VALIDATION_FAILED | serviceUser
            plan type as number     | {"serviceUser": {"name": "X"}, "planType": 3, "allocatedWorker": "a"}               | VALIDATION_FAILED | planType
            """)
    void badInputIs400NamingTheFieldAndStoresNothing(String label, String body, String code, String field) {
        long before = events();
        var response = alex().post("/api/cases", body == null ? "" : body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(400);
        assertThat(response.json().path("title").asText()).isNotBlank();
        assertThat(response.json().path("detail").asText()).isNotBlank();
        assertThat(response.text("code")).isEqualTo(code);
        if (field != null) {
            assertThat(response.json().path("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void badInputOnEveryCaseWriteIs400() {
        String caseId = openCase();
        long before = events();
        assertThat(as("morgan").post("/api/cases/" + caseId + "/close", "{}").status()).isEqualTo(400);
        assertThat(as("morgan").post("/api/cases/" + caseId + "/reopen", "{\"reason\": \"\"}").status())
                .isEqualTo(400);
        assertThat(alex().post("/api/cases/" + caseId + "/close", "{\"reason\": \"Done\"}").status())
                .as("closing is a manager's decision").isEqualTo(403);
        var plan = alex().post("/api/cases/" + caseId + "/plans", "{\"kind\": \"PLAN\", \"title\": \"t\", \"date\": \"2026-01-01\"}");
        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.json().path("errors").findValuesAsText("field")).containsExactly("kind");
        var noDate = alex().post("/api/cases/" + caseId + "/plans", "{\"kind\": \"CARE_PLAN\", \"title\": \"t\"}");
        assertThat(noDate.json().path("errors").findValuesAsText("field")).containsExactly("date");
        assertThat(alex().get("/api/cases?page=-1").status()).isEqualTo(400);
        assertThat(alex().get("/api/cases?size=abc").status()).isEqualTo(400);
        assertThat(alex().get("/api/cases?status=MAYBE").status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void unknownIdsAre404() {
        String unknown = UUID.randomUUID().toString();
        assertThat(alex().get("/api/cases/" + unknown).status()).isEqualTo(404);
        assertThat(alex().get("/api/cases/not-a-uuid").status()).as("not an id: bad input").isEqualTo(400);
        var close = as("morgan").post("/api/cases/" + unknown + "/close", "{\"reason\": \"x\"}");
        assertThat(close.status()).isEqualTo(404);
        assertThat(close.header("Content-Type")).startsWith("application/problem+json");
        assertThat(alex().post("/api/cases/not-a-uuid/plans",
                "{\"kind\": \"CARE_PLAN\", \"title\": \"t\", \"date\": \"2026-01-01\"}").status())
                .as("not an id: bad input").isEqualTo(400);
    }

    @Test
    void withoutCredentialsIs401AsProblem() {
        var response = Api.at(port).get("/api/cases");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        var wrongPassword = Api.at(port).header("Authorization", "Basic YWxleDpub3Bl").get("/api/cases");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(Api.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(Api.at(port).get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void readinessCoversTheDatabaseAndEveryProjectionProcessor() {
        var readiness = as("morgan").get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.json().path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("eventProcessors").path("status").asText()).isEqualTo("UP");
        for (String processor : List.of("projections", "audit-log", "audit-chain")) {
            assertThat(components.path("eventProcessors").path("details").path(processor).path("running")
                                 .asBoolean()).as(processor).isTrue();
        }
        var metrics = alex().get("/actuator/prometheus").body();
        assertThat(metrics).contains("commandBus_successCounter_total{payloadType=\"OpenCaseCommand\"}",
                                     "commandBus_timer_seconds_count{payloadType=\"OpenCaseCommand\"}",
                                     "eventStore_successCounter_total{payloadType=\"CaseOpenedEvent\"}",
                                     "eventProcessor_latency{processorName=\"projections\"}");
        // Every request is timed by its route; Spring Security's own timers of its filters are not kept.
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/cases\"")
                           .doesNotContain("spring_security_");
    }

    @Test
    void auditorReadsButCannotWrite() {
        String caseId = openCase();
        long before = events();
        var avery = Api.at(port).as("avery");
        var refused = avery.post("/api/cases", JO.formatted("auditor"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(avery.post("/api/cases/" + caseId + "/close", "{\"reason\": \"x\"}").status()).isEqualTo(403);
        assertThat(avery.get("/api/cases/" + caseId + "?minVersion=1").status()).isEqualTo(200);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void eventsRecordTheSignedInUserNotANameFromTheBody() {
        var response = Api.at(port).as("morgan").post("/api/cases",
                "{\"serviceUser\": {\"name\": \"Sam\"}, \"planType\": \"OTHER\", \"allocatedWorker\": \"alex\","
                + " \"actor\": \"mallory\", \"recordedBy\": \"mallory\"}");
        assertThat(response.status()).isEqualTo(201);
        String metaData = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, response.text("caseId"));
        assertThat(metaData).contains("\"actor\":\"morgan\"", "\"actorRole\":\"MANAGER\"", "\"clientAddress\"",
                                      "\"requestId\":\"" + response.header("X-Correlation-Id") + "\"");
        assertThat(metaData).doesNotContain("mallory");
        var view = alex().get("/api/cases/" + response.text("caseId") + "?minVersion=1").json();
        assertThat(view.path("openedBy").asText()).isEqualTo("morgan");
    }

    @Test
    void minVersionWaitsForTheProjectionAndAnswers503WhenItNeverArrives() {
        String caseId = openCase();
        var ahead = alex().get("/api/cases/" + caseId + "?minVersion=99");
        assertThat(ahead.status()).isEqualTo(503);
        assertThat(ahead.header("Retry-After")).isEqualTo("1");
        assertThat(ahead.text("code")).isEqualTo("PROJECTION_BEHIND");
    }

    @Test
    void timesAreShownInTheRequestedZoneWithTheirOffset() {
        String caseId = openCase();
        var utc = alex().header("Time-Zone", "UTC").get("/api/cases/" + caseId + "?minVersion=1").json();
        var tokyo = alex().header("Time-Zone", "Asia/Tokyo").get("/api/cases/" + caseId).json();
        var openedUtc = java.time.OffsetDateTime.parse(utc.path("openedAt").asText());
        var openedTokyo = java.time.OffsetDateTime.parse(tokyo.path("openedAt").asText());
        assertThat(openedTokyo.getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
        assertThat(openedTokyo.toInstant()).isEqualTo(openedUtc.toInstant());
    }
}
