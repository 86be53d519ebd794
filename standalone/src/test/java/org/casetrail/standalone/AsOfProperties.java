package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * For any sequence of valid edits to a contact, reading it as of any instant gives exactly the state it had after
 * the last event recorded at or before that instant (and 404 before its first).
 */
class AsOfProperties {

    static ConfigurableApplicationContext service;
    static Api alex;

    @BeforeContainer
    static void start() {
        service = new SpringApplicationBuilder(CasetrailApplication.class).run("--server.port=0");
        alex = Api.at(((WebServerApplicationContext) service).getWebServer().getPort()).as("alex");
    }

    @AfterContainer
    static void stop() {
        service.close();
    }

    record Step(String method, String path, String body) {
    }

    /** Draft edits, then perhaps signing and what a signed note takes, then the instants to read it at. */
    record Script(List<Step> draftEdits, boolean finalise, List<Step> afterwards, List<Double> probes) {
    }

    @Property(tries = 15)
    void asOfReproducesTheStateAfterTheLastEventAtOrBeforeIt(@ForAll("scripts") Script script) {
        String caseId = alex.post("/api/cases", HttpTestSupport.JO.formatted(UUID.randomUUID())).text("caseId");
        var drafted = alex.post("/api/cases/" + caseId + "/contacts", HttpTestSupport.COMPLETE_DRAFT);
        String path = "/api/contacts/" + drafted.text("contactId");

        List<Step> steps = new ArrayList<>(script.draftEdits());
        if (script.finalise()) {
            steps.add(new Step("POST", "/finalise", ""));
            steps.addAll(script.afterwards());
        }
        List<JsonNode> states = new ArrayList<>();
        states.add(read(path, 1));
        for (Step step : steps) {
            var response = "PUT".equals(step.method()) ? alex.put(path + step.path(), step.body())
                                                       : alex.post(path + step.path(), step.body());
            assertThat(response.status()).as(step + " -> " + response).isIn(200, 201);
            states.add(read(path, response.json().path("version").asLong()));
        }

        Instant first = recordedAt(states.get(0));
        Instant last = recordedAt(states.get(states.size() - 1));
        long span = Math.max(1, Duration.between(first, last).toNanos() / 1000);
        for (double probe : script.probes()) {
            Instant at = first.plusNanos((long) (probe * span) * 1000);
            JsonNode expected = null;
            for (JsonNode state : states) {
                if (!recordedAt(state).isAfter(at)) {
                    expected = state;
                }
            }
            var asOf = alex.get(path + "?asOf=" + at);
            if (expected == null) {
                assertThat(asOf.status()).as("before the draft, at " + at).isEqualTo(404);
            } else {
                assertThat(asOf.status()).isEqualTo(200);
                assertThat(asOf.json()).as("as of " + at).isEqualTo(expected);
            }
        }
    }

    private static JsonNode read(String path, long version) {
        var response = alex.get(path + "?minVersion=" + version);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static Instant recordedAt(JsonNode state) {
        return Instant.parse(state.path("versionRecordedAt").asText());
    }

    @Provide
    Arbitrary<Script> scripts() {
        Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
        Arbitrary<Integer> minutes = Arbitraries.integers().between(1, 180);
        Arbitrary<Step> attendees = words.list().ofMinSize(1).ofMaxSize(3).map(names -> new Step("PUT", "/attendees",
                names.stream().map(n -> "{\"name\": \"" + n + "\", \"role\": \"OTHER\"}").toList().toString()));
        Arbitrary<Step> setting = Arbitraries.of("HOME", "SCHOOL", "OFFICE", "PHONE")
                .flatMap(type -> words.map(place -> new Step("PUT", "/setting",
                        "{\"type\": \"" + type + "\", \"location\": \"" + place + "\"}")));
        Arbitrary<Step> timing = minutes.map(m -> new Step("PUT", "/timing", timingBody(m)));
        Arbitrary<Step> purpose = words.map(text -> new Step("PUT", "/purpose", "{\"text\": \"" + text + "\"}"));
        Arbitrary<Step> description = words.map(text -> new Step("PUT", "/description", "{\"text\": \"" + text + "\"}"));
        Arbitrary<Step> addendum = words.map(text -> new Step("POST", "/addenda",
                "{\"text\": \"" + text + "\", \"reason\": \"later\"}"));
        Arbitrary<Step> correctTiming = minutes.map(m -> new Step("POST", "/corrections",
                "{\"section\": \"TIMING\", \"value\": " + timingBody(m) + ", \"reason\": \"wrong end\"}"));
        Arbitrary<Step> correctDescription = words.map(text -> new Step("POST", "/corrections",
                "{\"section\": \"DESCRIPTION\", \"value\": {\"text\": \"" + text + "\"}, \"reason\": \"typo\"}"));

        Arbitrary<List<Step>> draftEdits = Arbitraries.oneOf(attendees, setting, timing, purpose, description)
                                                      .list().ofMaxSize(6);
        Arbitrary<List<Step>> afterwards = Arbitraries.oneOf(addendum, correctTiming, correctDescription)
                                                      .list().ofMaxSize(4);
        Arbitrary<List<Double>> probes = Arbitraries.doubles().between(-0.2, 1.2).list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(draftEdits, Arbitraries.of(true, false), afterwards, probes).as(Script::new);
    }

    private static String timingBody(int minutes) {
        Instant start = Instant.parse("2026-11-20T10:00:00Z");
        return "{\"startedAt\": \"" + start + "\", \"endedAt\": \"" + start.plusSeconds(60L * minutes) + "\"}";
    }
}
