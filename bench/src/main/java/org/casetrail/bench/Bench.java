package org.casetrail.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casetrail.audit.archive.ArchiveExport;
import org.casetrail.audit.archive.ArchiveImport;
import org.casetrail.audit.archive.ArchiveVerify;
import org.casetrail.audit.verify.AuditVerifier;

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
    private static final Path JAR = Path.of("standalone", "target", "casetrail.jar");
    private static final String PAD = "x".repeat(600);
    private static final String SCALE_DATABASE = "casetrail_bench_scale";
    private static final String PLANTED = "planted.json";

    private final boolean quick;
    private final String only;
    private final String server;
    private final String user;
    private final Path work;
    private final Map<String, Object> report = new LinkedHashMap<>();

    private Bench(boolean quick, String only, String server, String user, Path work) {
        this.quick = quick;
        this.only = only;
        this.server = server;
        this.user = user;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        // Enough kept-alive connections for every client (the default keeps five).
        System.setProperty("http.maxConnections", "64");
        // --only load (baseline, commands, lag, memory) or --only scale (replay, reads, audit): one half alone;
        // --only reads: the reads again on the store the last scale run left, without loading or rebuilding it.
        String only = option(args, "--only", "all");
        String server = option(args, "--postgres", "jdbc:postgresql://127.0.0.1:5432/");
        String user = option(args, "--user", "postgres");
        Path work = Files.createDirectories(Path.of("bench", "target", "run"));
        new Bench(quick, only, server, user, work).run();
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
        return quick ? Duration.ofSeconds(10) : Duration.ofSeconds(60);
    }

    /**
     * Commands at full load before the measured phases, not reported, until the JIT compiler has settled: a service
     * runs for weeks, so its compiler's first minutes are not what a command costs (measured: after a fixed 30 s the
     * compiler threads still took 15-45% of the service's CPU in the measured phases). Full mode: rounds of 10 s, at
     * least 30 s, until the compiler took under a tenth of the service's CPU in three rounds running, at most 180 s
     * (one round under a tenth is no sign: measured, a run that stopped on one at 50 s had its compiler take 18 s of
     * the half-load phase's 41). Quick: 5 s. Gives the seconds it took.
     */
    private long warmUp(Service service, String token) throws Exception {
        if (quick) {
            commands(service, token, 0, Duration.ofSeconds(5));
            return 5;
        }
        int settled = 0;
        for (long seconds = 10; ; seconds += 10) {
            Map<String, Object> round = commands(service, token, 0, Duration.ofSeconds(10));
            double cpu = (double) round.get("serviceCpuSeconds");
            double compiler = (double) round.get("jitCompilerCpuSeconds");
            progress("  warm-up at " + seconds + " s: the compiler took " + Math.round(100 * compiler / Math.max(cpu, 0.01))
                     + "% of the service's CPU");
            settled = compiler < cpu / 10 ? settled + 1 : 0;
            if (seconds >= 30 && settled >= 3 || seconds >= 180) {
                return seconds;
            }
        }
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        report.put("mode", (quick ? "quick" : "full") + ("all".equals(only) ? "" : ", only " + only));
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                + System.getProperty("os.version")));
        report.put("postgres", scalar("postgres", "SELECT version()"));
        report.put("settings", Map.of("clients", CLIENTS, "phaseSeconds", phase().toSeconds(),
                "synchronous_commit", scalar("postgres", "SHOW synchronous_commit"),
                "fsync", scalar("postgres", "SHOW fsync"), "serviceHeap", Service.HEAP,
                "serviceJvm", String.join(" ", Service.JVM)));
        try {
            if ("reads".equals(only)) {
                readsAgain();
            } else {
                if (!"scale".equals(only)) {
                    load();
                }
                if (!"load".equals(only)) {
                    scale(quick ? 50_000 : 1_000_000, quick ? 500 : 2_000);
                }
            }
        } catch (Exception e) {
            // What was measured before the failure is still reported, with the failure beside it.
            report.put("failed", String.valueOf(e));
            throw e;
        } finally {
            report.put("tookSeconds", Duration.ofNanos(System.nanoTime() - started).toSeconds());
            write();
        }
    }

    /** The baseline, then commands, projection lag and memory under load. */
    private void load() throws Exception {
        progress("baseline: pgbench, one ~1 KB event row per transaction, " + CLIENTS + " clients");
        double baseline = baseline();
        report.put("baselineTps", baseline);

        recreate("casetrail_bench");
        progress("starting the service (JWT sign-in) against casetrail_bench");
        try (Service service = Service.start(JAR,
                                             server + "casetrail_bench", user, 18950, work)) {
            AtomicLong peakRss = new AtomicLong();
            Thread sampler = sampleMemory(service, peakRss);
            String practitioner = "Bearer " + service.token("bench-worker", "PRACTITIONER");
            progress("commands: warming the service up until its JIT compiler settles (not reported)");
            report.put("commandWarmUpSeconds", warmUp(service, practitioner));
            progress("commands: draft-contact and edit at " + CLIENTS + " clients for " + phase().toSeconds() + " s");
            Map<String, Object> peak = commands(service, practitioner, 0, phase());
            report.put("commands", peak);
            double peakRate = (double) peak.get("perSecond");
            report.put("commandsToBaseline", round(peakRate / baseline));
            progress("commands at half of peak (" + Math.round(peakRate / 2) + "/s)");
            report.put("commandsHalfLoad", commands(service, practitioner, peakRate / 2, phase()));
            progress("projection lag: signed contacts until visible in the chronology");
            report.put("projectionLag", lag(service, practitioner));
            sampler.interrupt();
            report.put("serviceRssMbPeak", peakRss.get() / 1024);
        }
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

    private Map<String, Object> commands(Service service, String token, double targetPerSecond, Duration length)
            throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            cases.add(post(service, token, "/api/cases", """
                    {"serviceUser": {"name": "Bench %d"}, "planType": "CHILD_IN_NEED", "allocatedWorker": "bench-worker"}"""
                    .formatted(i)).path("caseId").asText());
        }
        Stats latency = new Stats();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        long gapNanos = targetPerSecond > 0 ? (long) (1e9 * CLIENTS / targetPerSecond) : 0;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        double cpuBefore = service.cpuSeconds();
        double compilingBefore = service.compilerCpuSeconds();
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
        double cpu = service.cpuSeconds() - cpuBefore;
        double compiling = service.compilerCpuSeconds() - compilingBefore;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", latency.count());
        result.put("errors", errors.get());
        result.put("perSecond", round(latency.count() / seconds));
        // The service's CPU over the phase (its projections and audit chain included) per command answered.
        result.put("serviceCpuSeconds", round(cpu));
        result.put("serviceCpuMsPerCommand", latency.count() == 0 ? 0 : round(cpu * 1000 / latency.count()));
        // Of that, the JIT compiler threads' CPU: a service that has run for weeks no longer pays it, so the CPU per
        // command less the compiler's is the steady state's figure.
        result.put("jitCompilerCpuSeconds", round(compiling));
        result.put("serviceCpuMsPerCommandWithoutJit",
                   latency.count() == 0 ? 0 : round(Math.max(0, cpu - compiling) * 1000 / latency.count()));
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
        // The case in the projections first (read your write): the chronology of a case not yet there is a 404,
        // which a fast first contact could otherwise meet.
        get(service, token, "/api/cases/" + caseId + "?minVersion=1");
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

    // At scale: replay, reads and the audit chain over a bulk-loaded store

    private void scale(int events, int cases) throws Exception {
        String database = SCALE_DATABASE;
        recreate(database);
        progress("scale: creating the schema in " + database);
        try (Service service = Service.start(JAR, server + database, user, 18951, work)) {
            // Started once so its migrations make the tables; stopped before the events are loaded.
        }
        progress("scale: loading " + events + " events across " + cases + " cases (skewed)");
        Dataset.Planted planted;
        long loadStarted = System.nanoTime();
        try (Connection c = connect(database)) {
            planted = new Dataset(events, cases, 5_000, Instant.now().minus(Duration.ofDays(1)))
                    .load(c, written -> {
                        if (written % 100_000 == 0) {
                            progress("  " + written + " events loaded");
                        }
                    });
            c.createStatement().execute("ANALYZE domain_event_entry");
        }
        // What the reads look for, kept for --only reads on this store later.
        JSON.writeValue(work.resolve(PLANTED).toFile(), planted);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("events", planted.events());
        data.put("cases", planted.cases());
        data.put("loadSeconds", round((System.nanoTime() - loadStarted) / 1e9));
        data.put("eventTypes", planted.eventTypes());
        report.put("dataset", data);

        progress("scale: starting the service; every projection and the audit chain build from the events");
        long buildStarted = System.nanoTime();
        try (Service service = Service.start(JAR, server + database, user, 18951, work)) {
            String reader = "Bearer " + service.token(planted.busiestAssignee(), "PRACTITIONER");
            String manager = "Bearer " + service.token("bench-manager", "MANAGER");
            long head = get(service, reader, "/actuator/projections").path("head").asLong();
            awaitProcessors(service, reader, head, Duration.ofHours(2));
            double buildSeconds = (System.nanoTime() - buildStarted) / 1e9;
            report.put("initialBuild", Map.of("events", head, "seconds", round(buildSeconds),
                    "eventsPerSecond", round(head / buildSeconds), "note",
                    "from service start until every processor, the audit chain included, reached the head"));

            progress("replay: resetting every projection and rebuilding it from " + head + " events");
            post(service, manager, "/actuator/projections", "");
            JsonNode rebuild;
            while (true) {
                rebuild = get(service, reader, "/actuator/projections").path("rebuild");
                if (rebuild.path("finished").asBoolean()) {
                    break;
                }
                Thread.sleep(1000);
                progress("  slowest projection at " + minPosition(rebuild.path("positions")) + " of "
                         + rebuild.path("head").asLong());
            }
            if (rebuild.has("failure")) {
                throw new IllegalStateException("The rebuild failed: " + rebuild.path("failure").asText());
            }
            report.put("replay", Map.of("events", rebuild.path("head").asLong() + 1, "projections",
                    rebuild.path("processors").size(), "seconds", round(rebuild.path("tookMillis").asLong() / 1000.0),
                    "eventsPerSecond", rebuild.path("eventsPerSecond").asLong()));

            progress("reads at scale");
            report.put("reads", reads(service, reader, planted));
        }
        progress("audit: verifying the chain the service built over " + database);
        report.put("auditVerification", verification(database));
        archive(database);
    }

    /**
     * The reads alone, on the store the last scale run built ({@value #SCALE_DATABASE}): the service started on it,
     * given time to reach the head and warmed up by one round of reads, then measured as in a full run. For trying
     * a change to a read in minutes.
     */
    private void readsAgain() throws Exception {
        Path file = work.resolve(PLANTED);
        if (!Files.exists(file)) {
            throw new IllegalStateException("No " + file + ": run --only scale once first");
        }
        Dataset.Planted planted = JSON.readValue(file.toFile(), Dataset.Planted.class);
        report.put("dataset", Map.of("events", planted.events(), "cases", planted.cases(), "note",
                "the store a previous scale run left"));
        progress("reads: starting the service on " + SCALE_DATABASE);
        try (Service service = Service.start(JAR, server + SCALE_DATABASE, user, 18951, work)) {
            String reader = "Bearer " + service.token(planted.busiestAssignee(), "PRACTITIONER");
            awaitProcessors(service, reader, get(service, reader, "/actuator/projections").path("head").asLong(),
                            Duration.ofHours(2));
            // A full run's service has replayed a million events before its reads; this one is started cold.
            progress("reads: a first round to warm the service up (not reported)");
            reads(service, reader, planted);
            progress("reads at scale");
            report.put("reads", reads(service, reader, planted));
        }
    }

    /**
     * Backup and restore at scale: the store exported to an archive, the archive verified with no database, and
     * loaded into an empty store under a running service, timed until every processor has reached its head.
     */
    private void archive(String database) throws Exception {
        Map<String, Object> archive = new LinkedHashMap<>();
        Path file = work.resolve("casetrail-bench.zip");
        progress("archive: exporting " + database);
        long started = System.nanoTime();
        ArchiveExport.Summary exported;
        try (Connection c = connect(database)) {
            exported = ArchiveExport.export(c, file, null, rows -> progress("  " + rows + " rows exported"));
        }
        double exportSeconds = (System.nanoTime() - started) / 1e9;
        archive.put("events", exported.events());
        archive.put("bytes", Files.size(file));
        archive.put("exportSeconds", round(exportSeconds));
        archive.put("exportEventsPerSecond", round(exported.events() / exportSeconds));

        progress("archive: verifying it with no database");
        started = System.nanoTime();
        var verified = ArchiveVerify.verify(file, null, Duration.ofSeconds(60));
        double verifySeconds = (System.nanoTime() - started) / 1e9;
        archive.put("verified", verified.verified());
        archive.put("verifySeconds", round(verifySeconds));
        archive.put("verifyEventsPerSecond", round(verified.events() / verifySeconds));

        String restore = "casetrail_bench_restore";
        recreate(restore);
        progress("archive: importing it into an empty store under a running service");
        try (Service service = Service.start(JAR, server + restore, user, 18952, work)) {
            String reader = "Bearer " + service.token("bench-restore", "MANAGER");
            started = System.nanoTime();
            try (Connection c = connect(restore)) {
                ArchiveImport.load(c, file, rows -> progress("  " + rows + " rows imported"));
            }
            double importSeconds = (System.nanoTime() - started) / 1e9;
            archive.put("importSeconds", round(importSeconds));
            archive.put("importEventsPerSecond", round(exported.events() / importSeconds));
            long head = get(service, reader, "/actuator/projections").path("head").asLong();
            awaitProcessors(service, reader, head, Duration.ofHours(2));
            double restoredSeconds = (System.nanoTime() - started) / 1e9;
            archive.put("restoredSeconds", round(restoredSeconds));
            archive.put("note", "restored: from the start of the import until every projection was built and the "
                                + "chain had found every event linked");
        }
        report.put("archive", archive);
    }

    private static String minPosition(JsonNode positions) {
        long least = Long.MAX_VALUE;
        for (JsonNode position : positions) {
            least = Math.min(least, position.asLong());
        }
        return least == Long.MAX_VALUE ? "-" : String.valueOf(least);
    }

    /** Waits until every event processor (the audit chain too) has reached {@code head}, showing progress. */
    private void awaitProcessors(Service service, String token, long head, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        long nextReport = 0;
        while (System.nanoTime() < deadline) {
            JsonNode processors = get(service, token, "/actuator/health").path("components")
                    .path("eventProcessors").path("details");
            long least = Long.MAX_VALUE;
            for (JsonNode processor : processors) {
                var segments = processor.fields();
                boolean any = false;
                while (segments.hasNext()) {
                    var segment = segments.next();
                    if (segment.getKey().startsWith("segment-")) {
                        least = Math.min(least, segment.getValue().path("position").asLong());
                        any = true;
                    }
                }
                if (!any) {
                    least = -1;
                }
            }
            if (processors.size() > 0 && least >= head) {
                return;
            }
            if (System.nanoTime() > nextReport) {
                progress("  slowest processor at " + least + " of " + head);
                nextReport = System.nanoTime() + 10_000_000_000L;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The processors did not reach " + head + " in " + limit);
    }

    private Map<String, Object> reads(Service service, String token, Dataset.Planted planted) throws Exception {
        Map<String, Object> reads = new LinkedHashMap<>();
        String chronology = "/api/cases/" + planted.bigCaseId() + "/chronology";
        int entries = get(service, token, chronology).path("entries").size();
        reads.put("chronologyEntries", entries);
        reads.put("chronologyFirstPage50", timed(quick ? 200 : 500, () -> {
            JsonNode page = get(service, token, chronology + "?limit=50");
            require(page.path("entries").size() == 50, "a first page of 50 entries");
        }));
        reads.put("chronologyWholeJson", timed(quick ? 10 : 30, () -> {
            require(get(service, token, chronology).path("entries").size() >= entries, "the whole chronology");
        }));
        reads.put("chronologyPdf", timed(quick ? 2 : 5, () -> {
            byte[] pdf = exchange(service, token, "GET", chronology, null, "application/pdf");
            require(pdf.length > 10_000, "a PDF");
        }));
        String contact = "/api/contacts/" + planted.fiftyVersionContactId();
        JsonNode history = get(service, token, contact + "/history").path("versions");
        reads.put("contactVersions", history.size());
        long from = Instant.parse(history.get(0).path("recordedAt").asText()).toEpochMilli();
        long span = Math.max(1, Instant.parse(history.get(history.size() - 1).path("recordedAt").asText())
                .toEpochMilli() - from);
        Random random = new Random(7);
        reads.put("contactAsOfRandomInstant", timed(quick ? 300 : 1000, () -> {
            Instant at = Instant.ofEpochMilli(from + (long) (random.nextDouble() * span));
            require(get(service, token, contact + "?asOf=" + at).path("version").asLong() > 0, "a version");
        }));
        String actions = "/api/actions?status=OUTSTANDING&assignee=" + planted.busiestAssignee();
        reads.put("outstandingActionsAssignee", planted.busiestAssignee());
        reads.put("outstandingActionsItems", get(service, token, actions).path("items").size());
        reads.put("outstandingActions", timed(quick ? 200 : 500, () -> {
            require(get(service, token, actions).path("items").size() > 0, "outstanding actions");
        }));
        // The recording-quality report over the last 30 days: a team's (the ten busiest workers', the largest team
        // the data holds), one worker's, and every worker's signed contacts at once.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String month = "/api/reports/recording-quality?from=" + today.minusDays(29) + "&to=" + today;
        JsonNode whole = get(service, token, month);
        int signed = whole.path("all").path("signed").asInt();
        require(signed > 0, "signed contacts in the last month");
        List<JsonNode> busiest = new ArrayList<>();
        whole.path("byWorker").forEach(busiest::add);
        busiest.sort(Comparator.comparingInt((JsonNode w) -> w.path("signed").asInt()).reversed());
        StringBuilder team = new StringBuilder(month);
        int teamSigned = 0;
        for (JsonNode worker : busiest.subList(0, Math.min(10, busiest.size()))) {
            team.append("&worker=").append(worker.path("key").asText());
            teamSigned += worker.path("signed").asInt();
        }
        String teamMonth = team.toString();
        int expected = teamSigned;
        reads.put("qualityReportTeamMonthContacts", teamSigned);
        reads.put("qualityReportTeamMonth", timed(quick ? 50 : 200, () -> {
            require(get(service, token, teamMonth).path("all").path("signed").asInt() == expected, "a team's month");
        }));
        String oneWorker = month + "&worker=" + busiest.get(0).path("key").asText();
        reads.put("qualityReportMonthOneWorkerContacts", busiest.get(0).path("signed").asInt());
        reads.put("qualityReportMonthOneWorker", timed(quick ? 50 : 200, () -> {
            require(get(service, token, oneWorker).has("all"), "a worker's month");
        }));
        reads.put("qualityReportMonthContacts", signed);
        reads.put("qualityReportMonthAllWorkers", timed(quick ? 10 : 30, () -> {
            require(get(service, token, month).path("all").path("signed").asInt() == signed, "the month's report");
        }));
        // The pages people use, rendered as a browser gets them (HTML), on the same store; each records its read.
        reads.put("pageMyWork", timed(quick ? 100 : 300, () -> page(service, token, "/", "My work")));
        reads.put("pageCase", timed(quick ? 100 : 300, () -> page(service, token, "/cases/" + planted.bigCaseId(),
                                                                 "Risk register")));
        reads.put("pageContact", timed(quick ? 100 : 300, () -> page(service, token,
                "/contacts/" + planted.fiftyVersionContactId(), "Contact with")));
        return reads;
    }

    private static void page(Service service, String token, String path, String expected) throws IOException {
        String html = new String(exchange(service, token, "GET", path, null, "text/html"), StandardCharsets.UTF_8);
        require(html.contains(expected), "the page " + path + " showing " + expected);
    }

    private interface Call {
        void run() throws Exception;
    }

    /** Runs a read {@code times} times after a short warm-up and gives its latency percentiles. */
    private static Map<String, Object> timed(int times, Call call) throws Exception {
        for (int i = 0; i < Math.min(5, times); i++) {
            call.run();
        }
        Stats latency = new Stats();
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            call.run();
            latency.add(System.nanoTime() - t);
        }
        return Map.of("samples", times, "p50Ms", round(latency.percentileMillis(50)),
                      "p99Ms", round(latency.percentileMillis(99)), "maxMs", round(latency.percentileMillis(100)));
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Expected " + what);
        }
    }

    // Audit

    /** Verifies the chain stored in {@code database} as an auditor's run over a copy of it does. */
    private Map<String, Object> verification(String database) throws Exception {
        try (Connection c = connect(database)) {
            var result = new AuditVerifier(Duration.ofSeconds(60), null).verify(c, null, Instant.now());
            double seconds = result.took().toMillis() / 1000.0;
            return Map.of("events", result.events(), "verified", result.verified(), "seconds", round(seconds),
                          "eventsPerSecond", round(result.events() / seconds));
        }
    }

    // Plumbing

    private JsonNode post(Service service, String token, String path, String body) throws Exception {
        return send(service, token, "POST", path, body);
    }

    private JsonNode get(Service service, String token, String path) throws Exception {
        return send(service, token, "GET", path, null);
    }

    private JsonNode send(Service service, String token, String method, String path, String body) throws Exception {
        byte[] response = exchange(service, token, method, path, body, "application/json");
        return JSON.readTree(response.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : response);
    }

    /**
     * One request on the calling thread, over a kept-alive connection (HttpURLConnection pools them). The JDK's
     * HttpClient was tried first: it hands each request between several threads, and with the service busy on the
     * same two cores those hand-offs, not the service, set the pace (only about two of sixteen clients' requests
     * were in the service at any moment).
     */
    private static byte[] exchange(Service service, String token, String method, String path, String body,
                                   String accept) throws IOException {
        var connection = (HttpURLConnection) URI.create(service.base + path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("Authorization", token);
        connection.setRequestProperty("Accept", accept);
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setFixedLengthStreamingMode(bytes.length);
            try (var out = connection.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = connection.getResponseCode();
        try (var in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            byte[] response = in == null ? new byte[0] : in.readAllBytes();
            if (status >= 300) {
                throw new IllegalStateException(method + " " + path + " -> " + status + " "
                                                + new String(response, StandardCharsets.UTF_8));
            }
            return response;
        }
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
        md.append("\n![Throughput and p99 per phase](report.svg)\n");
        Files.writeString(dir.resolve("report.md"), md.toString());
        Files.writeString(dir.resolve("report.svg"), Chart.svg(report));
        System.out.println(md);
        System.out.println("Report: bench/target/report.md, report.json and report.svg");
    }
}
