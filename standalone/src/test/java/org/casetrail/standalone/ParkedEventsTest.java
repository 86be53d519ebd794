package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.casetrail.events.caserecord.PlanRecordedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An event a projection cannot handle stops nothing else and is never passed over: it is parked at once, readiness
 * goes DOWN naming it (and a metric counts it), every other record goes on being projected, later events of the
 * same record wait behind it, and once the cause is fixed an operator has the parked events handled again.
 * The failing handler here is a test's own, joined to the projections, broken until the test fixes it.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(ParkedEventsTest.Breakable.class)
class ParkedEventsTest extends HttpTestSupport {

    @TestConfiguration
    static class Breakable {

        static volatile boolean broken = true;

        @Bean
        BreakableProjection breakableProjection() {
            return new BreakableProjection();
        }
    }

    @ProcessingGroup("projections")
    static class BreakableProjection {

        @EventHandler
        void on(PlanRecordedEvent event) {
            if (Breakable.broken && event.title().startsWith("Poison")) {
                throw new IllegalStateException("cannot handle " + event.title());
            }
        }
    }

    @Test
    void anUnhandleableEventIsParkedShownAndHandledAgainAfterAFix() {
        String poisoned = openCase();
        String plan = "{\"kind\": \"CARE_PLAN\", \"title\": \"%s\", \"date\": \"2026-11-20\"}";
        assertThat(alex().post("/api/cases/" + poisoned + "/plans", plan.formatted("Poison plan")).status())
                .isEqualTo(201);

        var health = eventually(() -> as("morgan").get("/actuator/health"),
                r -> r.json().findPath("projections").has("parked"), Duration.ofSeconds(10)).json();
        assertThat(as("morgan").get("/actuator/health/readiness").status()).as("DOWN at once").isEqualTo(503);
        var parked = health.findPath("projections").path("parked");
        assertThat(parked.path("eventType").asText()).isEqualTo("PlanRecordedEvent");
        assertThat(parked.path("recordId").asText()).isEqualTo(poisoned);
        assertThat(parked.path("cause").asText()).contains("cannot handle Poison plan");
        assertThat(alex().get("/actuator/prometheus").body())
                .containsPattern("casetrail_projection_parked_events\\{processor=\"projections\"} 1");

        String other = openCase();
        assertThat(alex().post("/api/cases/" + other + "/plans", plan.formatted("Ordinary")).status()).isEqualTo(201);
        assertThat(alex().get("/api/cases/" + other + "?minVersion=2").status())
                .as("every other record goes on").isEqualTo(200);
        assertThat(alex().post("/api/cases/" + poisoned + "/plans", plan.formatted("Later")).status()).isEqualTo(201);
        eventually(() -> as("morgan").get("/actuator/projections").json().path("parked").path("projections")
                                     .path("events").asLong(), n -> n == 2, Duration.ofSeconds(10));
        assertThat(as("morgan").get("/actuator/projections").json().path("parked").path("projections").path("events")
                               .asLong()).as("the later event of that case waits behind").isEqualTo(2);

        Breakable.broken = false;
        var retried = as("morgan").post("/actuator/projections/parked", "");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("stillParked").asLong()).isZero();
        assertThat(as("morgan").get("/actuator/health/readiness").status()).isEqualTo(200);
        var after = alex().get("/api/cases/" + poisoned + "?minVersion=3");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("plans").findValuesAsText("title")).containsExactly("Poison plan", "Later");
    }

    /**
     * A failure the processor cannot park (the database refuses the projection's write, which spoils the batch's
     * transaction, the parking included) stops that processor on the batch and retries it: readiness is DOWN at once naming the event,
     * a metric counts it, and once the cause is gone the processor gets past it and readiness is UP again.
     */
    @Test
    void aBatchThatCannotBeWrittenIsShownAtOnceAndRetriedUntilItIs() {
        jdbc.execute("""
                CREATE FUNCTION projections.refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.title = 'Boom' THEN RAISE EXCEPTION 'the database refuses this plan'; END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER refuse_boom BEFORE INSERT ON projections.case_plan "
                     + "FOR EACH ROW EXECUTE FUNCTION projections.refuse_boom()");
        try {
            String caseId = openCase();
            // Projected first, so the batch that fails holds the plan alone.
            assertThat(alex().get("/api/cases/" + caseId + "?minVersion=1").status()).isEqualTo(200);
            assertThat(alex().post("/api/cases/" + caseId + "/plans",
                    "{\"kind\": \"CARE_PLAN\", \"title\": \"Boom\", \"date\": \"2026-11-20\"}").status())
                    .isEqualTo(201);
            var health = eventually(() -> as("morgan").get("/actuator/health"),
                    r -> r.json().findPath("projections").has("failed"), Duration.ofSeconds(10)).json();
            var failed = health.findPath("projections").path("failed");
            assertThat(failed.path("eventType").asText()).isEqualTo("PlanRecordedEvent");
            assertThat(failed.path("cause").asText()).isNotBlank();
            assertThat(as("morgan").get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(alex().get("/actuator/prometheus").body())
                    .containsPattern("casetrail_projection_failures_total\\{processor=\"projections\"} [1-9]");
        } finally {
            jdbc.execute("DROP TRIGGER refuse_boom ON projections.case_plan");
            jdbc.execute("DROP FUNCTION projections.refuse_boom()");
        }
        var ready = eventually(() -> as("morgan").get("/actuator/health/readiness"), r -> r.status() == 200,
                               Duration.ofSeconds(20));
        assertThat(ready.status()).as("past the batch once the cause is gone: " + as("morgan").get("/actuator/health")
                                                                                           .body()).isEqualTo(200);
    }
}
