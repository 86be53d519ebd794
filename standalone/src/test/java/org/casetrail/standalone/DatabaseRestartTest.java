package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database stopped under load and started again (a PostgreSQL server of the test's own, used as an external
 * one, on the same port and data): readiness goes DOWN within seconds, writes meanwhile are refused as 503 (never
 * another 5xx), the nodes take writes again and are ready again on their own, and no acknowledged write is lost or
 * doubled.
 */
class DatabaseRestartTest {

    @Test
    void nodesRideOutADatabaseRestart() throws Exception {
        Path data = Files.createTempDirectory("casetrail-restart");
        int port = NodeProcesses.freePort();
        EmbeddedPostgres postgres = server(data, port);
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        ConfigurableApplicationContext first = null;
        ConfigurableApplicationContext second = null;
        try {
            first = node(url);
            second = node(url);
            List<Api> apis = List.of(alex(first), alex(second));
            String caseId = apis.get(0).post("/api/cases", HttpTestSupport.JO.formatted("restart")).text("caseId");
            ConcurrentLinkedQueue<AcknowledgedWrite> acknowledged = new ConcurrentLinkedQueue<>();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(2);
            List<Future<?>> load = List.of(
                    clients.submit(() -> write(apis.get(0), caseId, running, acknowledged, statuses)),
                    clients.submit(() -> write(apis.get(1), caseId, running, acknowledged, statuses)));
            Thread.sleep(3_000);

            postgres.close();
            double downSeconds = 0;
            for (Api api : apis) {
                long asked = System.nanoTime();
                assertThat(HttpTestSupport.eventually(() -> api.get("/actuator/health/readiness").status(),
                                                      s -> s == 503, Duration.ofSeconds(30)))
                        .as("readiness DOWN while the database is away").isEqualTo(503);
                downSeconds = Math.max(downSeconds, (System.nanoTime() - asked) / 1e9);
            }
            // A connection is waited for 5 s at most: a probe or two, not a long hang.
            assertThat(downSeconds).as("readiness DOWN within seconds").isLessThan(15);
            Thread.sleep(5_000);
            postgres = server(data, port);
            long restarted = System.nanoTime();
            // Writes are taken again on both nodes without a restart of either.
            int before = acknowledged.size();
            assertThat(HttpTestSupport.eventually(acknowledged::size, n -> n > before + 20, Duration.ofSeconds(60)))
                    .as("writes acknowledged again after the database came back").isGreaterThan(before + 20);
            // Both nodes ready again on their own (a processor's error is judged only where the node holds one of
            // its segments: Axon keeps the last one on a node holding none).
            for (Api api : apis) {
                var ready = HttpTestSupport.eventually(() -> api.get("/actuator/health/readiness"),
                                                       r -> r.status() == 200, Duration.ofSeconds(30));
                assertThat(ready.status()).as("readiness UP again: " + api.as("morgan").get("/actuator/health")
                                                                           .body()).isEqualTo(200);
            }
            double upSeconds = (System.nanoTime() - restarted) / 1e9;
            running.set(false);
            for (Future<?> client : load) {
                client.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();

            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true));
            long stillThere = acknowledged.stream().filter(w -> w.timesStored(db) == 1).count();
            assertThat(stillThere).as("acknowledged writes found exactly once").isEqualTo(acknowledged.size());
            Map<Integer, Integer> seen = new TreeMap<>(statuses);
            assertThat(seen.keySet().stream().filter(s -> s >= 500 && s != 503))
                    .as("no 5xx but 503 while the database was away: " + seen).isEmpty();
            System.out.printf("Database restart: %d acknowledged writes, all found once; statuses %s; readiness DOWN "
                              + "within %.1f s of asking; UP on both %.1f s after the start%n", acknowledged.size(),
                              seen, downSeconds, upSeconds);
        } finally {
            // The server is stopped whatever happened, or it outlives the test.
            if (second != null) {
                second.close();
            }
            if (first != null) {
                first.close();
            }
            postgres.close();
        }
    }

    private static Void write(Api api, String caseId, AtomicBoolean running,
                              ConcurrentLinkedQueue<AcknowledgedWrite> acked,
                              Map<Integer, Integer> statuses) {
        String contactId = null;
        while (running.get()) {
            String text = "restart " + UUID.randomUUID();
            try {
                Api.Response response = contactId == null
                        ? api.post("/api/cases/" + caseId + "/contacts", """
                                {"setting": {"type": "OFFICE"}, "startedAt": "2026-11-20T10:00:00Z",
                                 "description": "%s"}""".formatted(text))
                        : api.put("/api/contacts/" + contactId + "/description", "{\"text\": \"" + text + "\"}");
                statuses.merge(response.status(), 1, Integer::sum);
                if (response.status() == 201) {
                    contactId = response.text("contactId");
                    acked.add(new AcknowledgedWrite(contactId, 1, text));
                } else if (response.status() == 200) {
                    acked.add(new AcknowledgedWrite(contactId, response.json().path("version").asLong(), text));
                } else {
                    HttpTestSupport.sleep(100);
                }
            } catch (IllegalStateException e) {
                statuses.merge(-1, 1, Integer::sum);
                HttpTestSupport.sleep(100);
            }
        }
        return null;
    }

    private static EmbeddedPostgres server(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                               .setRegisterShutdownHook(false).start();
    }

    private static ConfigurableApplicationContext node(String url) {
        return new SpringApplicationBuilder(CasetrailApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--server.port=0");
    }

    private static Api alex(ConfigurableApplicationContext node) {
        return Api.at(((WebServerApplicationContext) node).getWebServer().getPort()).as("alex");
    }
}
