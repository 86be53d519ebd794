package org.casetrail.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casetrail.query.audit.AuditVerifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One command that measures Casetrail on this machine against PostgreSQL's own limit and writes a report:
 * <pre>
 * ./mvnw -B -DskipTests package &amp;&amp; java -jar bench/target/casetrail-bench.jar [--quick]
 * </pre>
 * It needs a PostgreSQL server (default {@code jdbc:postgresql://127.0.0.1:5432/} as {@code postgres}, set with
 * {@code --postgres URL --user NAME}) and {@code pgbench}. It makes its own databases, named casetrail_bench_*.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int CLIENTS = 16;
    private static final String PAD = "x".repeat(600);

    private final boolean quick;
    private final String server;
    private final String user;
    private final Path work;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Bench(boolean quick, String server, String user, Path work) {
        this.quick = quick;
        this.server = server;
        this.user = user;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        String server = option(args, "--postgres", "jdbc:postgresql://127.0.0.1:5432/");
        String user = option(args, "--user", "postgres");
        Path work = Files.createDirectories(Path.of("bench", "target", "run"));
        new Bench(quick, server, user, work).run();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private Duration phase() {
        return quick ? Duration.ofSeconds(15) : Duration.ofSeconds(60);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        report.put("mode", quick ? "quick" : "full");
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                + System.getProperty("os.version")));
        report.put("postgres", scalar("postgres", "SELECT version()"));
        report.put("settings", Map.of("clients", CLIENTS, "phaseSeconds", phase().toSeconds(),
                "synchronous_commit", scalar("postgres", "SHOW synchronous_commit"),
                "fsync", scalar("postgres", "SHOW fsync")));
        progress("baseline: pgbench, one ~1 KB event row per transaction, " + CLIENTS + " clients");
        double baseline = baseline();
        report.put("baselineTps", baseline);

        recreate("casetrail_bench");
        progress("starting the service (JWT sign-in) against casetrail_bench");
        try (Service service = Service.start(Path.of("standalone", "target", "casetrail.jar"),
                                             server + "casetrail_bench", user, 18950, work)) {
            AtomicLong peakRss = new AtomicLong();
            Thread sampler = sampleMemory(service, peakRss);
            String practitioner = "Bearer " + service.token("bench-worker", "PRACTITIONER");
            progress("commands: draft-contact and edit at " + CLIENTS + " clients for " + phase().toSeconds() + " s");
            Map<String, Object> peak = commands(service, practitioner, 0);
            report.put("commands", peak);
            double peakRate = (double) peak.get("perSecond");
            report.put("commandsToBaseline", round(peakRate / baseline));
            progress("commands at half of peak (" + Math.round(peakRate / 2) + "/s)");
            report.put("commandsHalfLoad", commands(service, practitioner, peakRate / 2));
            progress("projection lag: signed contacts until visible in the chronology");
            report.put("projectionLag", lag(service, practitioner));
            sampler.interrupt();
            report.put("serviceRssMbPeak", peakRss.get() / 1024);
        }
        progress("audit: verifying a chain of " + (quick ? "100,000" : "1,000,000") + " stored events");
        report.put("auditVerification", verification(quick ? 100_000 : 1_000_000));
        report.put("notMeasuredYet", List.of("replay of 1,000,000 events", "reads at scale (5,000-entry chronology, "
                + "50-version contact, outstanding actions) with 1,000,000 events"));
        report.put("tookSeconds", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        write();
    }

    private void progress(String step) {
        System.out.println("[" + Instant.now() + "] " + step);
    }

    // Baseline

    private double baseline() throws Exception {
        String database = "casetrail_bench_baseline";
        recreate(database);
        try (Connection c = connect(database)) {
            c.createStatement().execute("""
                    CREATE TABLE domain_event_entry (global_index BIGSERIAL PRIMARY KEY,
                        aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255),
                        event_identifier VARCHAR(255) NOT NULL UNIQUE, meta_data BYTEA, payload BYTEA NOT NULL,
                        payload_revision VARCHAR(255), payload_type VARCHAR(255) NOT NULL,
                        time_stamp VARCHAR(255) NOT NULL, UNIQUE (aggregate_identifier, sequence_number))""");
        }
        Path script = work.resolve("insert-event.sql");
        Files.writeString(script, """
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                    payload, payload_type, time_stamp)
                VALUES (gen_random_uuid()::text, 0, 'Contact', gen_random_uuid()::text,
                    convert_to('{"actor":"bench","actorRole":"PRACTITIONER","clientAddress":"127.0.0.1"}', 'UTF8'),
                    convert_to(repeat('x', 900), 'UTF8'), 'org.casetrail.events.contact.ContactDraftedEvent',
                    now()::text);
                """);
        Matcher host = Pattern.compile("//([^:/]+)(?::(\\d+))?/").matcher(server);
        if (!host.find()) {
            throw new IllegalArgumentException("Cannot read host from " + server);
        }
        Process pgbench = new ProcessBuilder("pgbench", "-n", "-c", String.valueOf(CLIENTS), "-j", "2", "-T",
                String.valueOf(phase().toSeconds()), "-f", script.toString(), "-h", host.group(1), "-p",
                host.group(2) == null ? "5432" : host.group(2), "-U", user, database)
                .redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgbench.waitFor();
        Files.writeString(work.resolve("pgbench.txt"), output);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench gave no tps:\n" + output);
        }
        return round(Double.parseDouble(tps.group(1)));
    }

    // Commands

    private Map<String, Object> commands(Service service, String token, double targetPerSecond) throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            cases.add(post(service, token, "/api/cases", """
                    {"serviceUser": {"name": "Bench %d"}, "planType": "CHILD_IN_NEED", "allocatedWorker": "bench-worker"}"""
                    .formatted(i)).path("caseId").asText());
        }
        Stats latency = new Stats();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + phase().toNanos();
        long gapNanos = targetPerSecond > 0 ? (long) (1e9 * CLIENTS / targetPerSecond) : 0;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (String caseId : cases) {
            clients.add(pool.submit(() -> {
                long next = System.nanoTime();
                while (System.nanoTime() < end) {
                    try {
                        long t = System.nanoTime();
                        String contactId = post(service, token, "/api/cases/" + caseId + "/contacts",
                                "{\"setting\": {\"type\": \"HOME\"}, \"startedAt\": \"" + Instant.now().minusSeconds(3600)
                                + "\", \"description\": \"" + PAD + "\"}").path("contactId").asText();
                        latency.add(System.nanoTime() - t);
                        pace(next += gapNanos);
                        t = System.nanoTime();
                        send(service, token, "PUT", "/api/contacts/" + contactId + "/description",
                             "{\"text\": \"Edited " + PAD + "\"}");
                        latency.add(System.nanoTime() - t);
                        pace(next += gapNanos);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", latency.count());
        result.put("errors", errors.get());
        result.put("perSecond", round(latency.count() / seconds));
        result.put("p50Ms", round(latency.percentileMillis(50)));
        result.put("p99Ms", round(latency.percentileMillis(99)));
        return result;
    }

    private static void pace(long until) throws InterruptedException {
        long wait = until - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    // Projection lag

    private Map<String, Object> lag(Service service, String token) throws Exception {
        String caseId = post(service, token, "/api/cases", """
                {"serviceUser": {"name": "Lag"}, "planType": "OTHER", "allocatedWorker": "bench-worker"}""")
                .path("caseId").asText();
        Stats lag = new Stats();
        int samples = quick ? 40 : 200;
        for (int i = 0; i < samples; i++) {
            String contactId = post(service, token, "/api/cases/" + caseId + "/contacts", """
                    {"attendees": [{"name": "Jo", "role": "SERVICE_USER"}], "setting": {"type": "HOME"},
                     "startedAt": "%s", "endedAt": "%s", "purpose": {"text": "Lag %d"}, "description": "Seen."}"""
                    .formatted(Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600), i))
                    .path("contactId").asText();
            send(service, token, "POST", "/api/contacts/" + contactId + "/finalise", "");
            long committed = System.nanoTime();
            while (true) {
                JsonNode chronology = get(service, token, "/api/cases/" + caseId + "/chronology");
                if (chronology.path("entries").size() >= i + 2) {
                    lag.add(System.nanoTime() - committed);
                    break;
                }
                if (System.nanoTime() - committed > 10_000_000_000L) {
                    throw new IllegalStateException("A signed contact did not reach the chronology in 10 s");
                }
            }
        }
        return Map.of("samples", samples, "p50Ms", round(lag.percentileMillis(50)),
                      "p99Ms", round(lag.percentileMillis(99)));
    }

    private Thread sampleMemory(Service service, AtomicLong peakKb) {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peakKb.accumulateAndGet(service.residentKb(), Math::max);
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    // Audit

    /** Stores events and their chain the way the service would, then verifies it as an auditor's run does. */
    private Map<String, Object> verification(int events) throws Exception {
        String database = "casetrail_bench_audit";
        recreate(database);
        try (Connection c = connect(database)) {
            c.createStatement().execute("""
                    CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY, aggregate_identifier VARCHAR(255),
                        sequence_number BIGINT, type VARCHAR(255), event_identifier VARCHAR(255), meta_data BYTEA,
                        payload BYTEA, payload_revision VARCHAR(255), payload_type VARCHAR(255), time_stamp VARCHAR(255));
                    CREATE SCHEMA audit;
                    CREATE TABLE audit.chain (position BIGINT PRIMARY KEY, global_index BIGINT UNIQUE,
                        event_identifier VARCHAR(255), hash BYTEA)""");
            c.setAutoCommit(false);
            PreparedStatement event = c.prepareStatement("INSERT INTO domain_event_entry VALUES (?,?,?,?,?,?,?,?,?,?)");
            PreparedStatement link = c.prepareStatement("INSERT INTO audit.chain VALUES (?,?,?,?)");
            byte[] previous = new byte[32];
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] meta = "{\"actor\":\"bench\",\"actorRole\":\"PRACTITIONER\"}".getBytes(StandardCharsets.UTF_8);
            for (int i = 1; i <= events; i++) {
                String aggregate = UUID.randomUUID().toString();
                String id = UUID.randomUUID().toString();
                String time = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i).toString();
                byte[] payload = ("{\"contactId\":\"" + aggregate + "\",\"description\":\"" + PAD + PAD + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                String type = "org.casetrail.events.contact.DescriptionChangedEvent";
                Object[] values = {(long) i, aggregate, 0L, "Contact", id, meta, payload, null, type, time};
                for (int v = 0; v < values.length; v++) {
                    event.setObject(v + 1, values[v]);
                }
                event.addBatch();
                var bytes = new ByteArrayOutputStream();
                var out = new DataOutputStream(bytes);
                for (byte[] field : new byte[][] {utf8(id), utf8(aggregate), utf8("0"), utf8("Contact"), utf8(type),
                                                  null, utf8(time), payload, meta}) {
                    if (field == null) {
                        out.writeInt(-1);
                    } else {
                        out.writeInt(field.length);
                        out.write(field);
                    }
                }
                sha.update(previous);
                previous = sha.digest(bytes.toByteArray());
                link.setLong(1, i);
                link.setLong(2, i);
                link.setString(3, id);
                link.setBytes(4, previous);
                link.addBatch();
                if (i % 5_000 == 0) {
                    event.executeBatch();
                    link.executeBatch();
                    c.commit();
                }
            }
            event.executeBatch();
            link.executeBatch();
            c.commit();
            c.createStatement().execute("ANALYZE");
            c.commit();
            c.setAutoCommit(true);
            var result = new AuditVerifier(Duration.ofSeconds(60)).verify(c, null, Instant.now());
            double seconds = result.took().toMillis() / 1000.0;
            return Map.of("events", result.events(), "verified", result.verified(), "seconds", round(seconds),
                          "eventsPerSecond", round(result.events() / seconds));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // Plumbing

    private JsonNode post(Service service, String token, String path, String body) throws Exception {
        return send(service, token, "POST", path, body);
    }

    private JsonNode get(Service service, String token, String path) throws Exception {
        return send(service, token, "GET", path, null);
    }

    private JsonNode send(Service service, String token, String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.base + path)).header("Authorization", token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " "
                                            + response.body());
        }
        return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    }

    private Connection connect(String database) throws Exception {
        return DriverManager.getConnection(server + database, user, "");
    }

    private void recreate(String database) throws Exception {
        try (Connection c = connect("postgres")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE " + database);
        }
    }

    private String scalar(String database, String sql) throws Exception {
        try (Connection c = connect(database); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private void write() throws IOException {
        Path dir = Files.createDirectories(Path.of("bench", "target"));
        Files.writeString(dir.resolve("report.json"), JSON.writeValueAsString(report));
        StringBuilder md = new StringBuilder("# Casetrail benchmark (" + report.get("mode") + ")\n\n| measure | value |\n"
                                             + "|---|---|\n");
        report.forEach((key, value) -> md.append("| ").append(key).append(" | ")
                .append(value.toString().replace("|", "/")).append(" |\n"));
        Files.writeString(dir.resolve("report.md"), md.toString());
        System.out.println(md);
        System.out.println("Report: bench/target/report.md and bench/target/report.json");
    }
}
