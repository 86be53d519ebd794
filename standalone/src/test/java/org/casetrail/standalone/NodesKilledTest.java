package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Three nodes, each its own JVM, on one PostgreSQL (the external server), written to and read from all at once;
 * one is killed (SIGKILL) mid-load, then the one that owns the audit chain. Each projection is split in three
 * segments, which the nodes share one each before the kills and the survivor takes all of afterwards. Afterwards:
 * every acknowledged write is in the event store exactly once; the audit chain covers every event and verifies; the projections the survivor
 * kept equal a rebuild of them from the events (so no event was skipped); and how long the chain took to move to
 * another node and the projections to catch up. Skipped where no external PostgreSQL answers.
 */
class NodesKilledTest {

    private static final String DATABASE = "casetrail_nodes_" + UUID.randomUUID().toString().replace("-", "");
    private static final Duration LOAD = Duration.ofSeconds(24);
    /** Each projection split in three: one segment for each node, while all three live. */
    private static final int SEGMENTS = 3;
    private static final List<String> SPLIT = List.of("projections");
    private static double spreadSeconds;
    private static SingleConnectionDataSource connection;

    private static Path work;
    private static final List<Node> nodes = new ArrayList<>();

    /** One node: its JVM and its port. */
    private record Node(String name, Process process, int port) {

        Api as(String user) {
            return Api.at(port).as(user);
        }

        boolean alive() {
            return process.isAlive();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        ExternalDatabases.createOrSkip(DATABASE);
        work = Files.createTempDirectory("casetrail-nodes");
        // The first node makes the schema and the signing key; the others then start together.
        nodes.add(node("node-1"));
        awaitReady(nodes.get(0));
        nodes.add(node("node-2"));
        nodes.add(node("node-3"));
        awaitReady(nodes.get(1));
        awaitReady(nodes.get(2));
        long started = System.nanoTime();
        // The first node claimed every segment; the two that joined take their shares from it.
        connection = new SingleConnectionDataSource(ExternalPostgresTest.SERVER + DATABASE,
                                                    ExternalPostgresTest.USER, "", true);
        JdbcTemplate db = new JdbcTemplate(connection);
        Map<String, Map<String, Long>> owned = HttpTestSupport.eventually(() -> segmentsOwned(db),
                NodesKilledTest::spreadEvenly, Duration.ofSeconds(60));
        spreadSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(spreadEvenly(owned)).as("each node owns one segment of each split projection: " + owned).isTrue();
    }

    /** Each processor's segments, counted by the node (pid) owning them; null for an unclaimed segment. */
    private static Map<String, Map<String, Long>> segmentsOwned(JdbcTemplate db) {
        Map<String, Map<String, Long>> owned = new LinkedHashMap<>();
        db.query("SELECT processor_name, split_part(owner, '@', 1) AS pid, count(*) AS n FROM token_entry "
                 + "GROUP BY 1, 2 ORDER BY 1, 2", rs -> {
            owned.computeIfAbsent(rs.getString("processor_name"), p -> new LinkedHashMap<>())
                 .put(String.valueOf(rs.getString("pid")), rs.getLong("n"));
        });
        return owned;
    }

    private static boolean spreadEvenly(Map<String, Map<String, Long>> owned) {
        List<String> pids = nodes.stream().map(n -> String.valueOf(n.process().pid())).toList();
        return SPLIT.stream().allMatch(processor -> {
            Map<String, Long> byNode = owned.getOrDefault(processor, Map.of());
            return pids.stream().allMatch(pid -> byNode.getOrDefault(pid, 0L) == SEGMENTS / pids.size())
                   && byNode.values().stream().mapToLong(Long::longValue).sum() == SEGMENTS;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (connection != null) {
            connection.destroy();
        }
        for (Node node : nodes) {
            node.process().destroy();
        }
        for (Node node : nodes) {
            if (!node.process().waitFor(30, TimeUnit.SECONDS)) {
                node.process().destroyForcibly();
            }
        }
        ExternalDatabases.dropIfMade(DATABASE);
    }

    @Test
    void killedNodesLoseSkipAndDoubleNothing() throws Exception {
        JdbcTemplate db = new JdbcTemplate(connection);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(nodes.get(i % 3).as("alex").post("/api/cases", HttpTestSupport.JO.formatted("nodes-" + i))
                           .text("caseId"));
        }
        refusedRebuildChangesNothing(db);
        ConcurrentLinkedQueue<AcknowledgedWrite> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger readsBehind = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            int client = c;
            load.add(clients.submit(() -> drive(client, cases, running, acknowledged, requests, failed,
                                                readsBehind)));
        }

        // A third of the way in, one node dies without a word.
        Thread.sleep(LOAD.toMillis() / 3);
        Node killed = nodes.get(1);
        killed.process().destroyForcibly().waitFor();

        // Then the node that owns the audit chain (the first to have claimed it, or whichever took it over).
        Thread.sleep(LOAD.toMillis() / 3);
        long chainOwnerKilledAt = System.nanoTime();
        Node owner = chainOwner(db);
        long chainAtKill = chainLength(db);
        if (owner != null && owner.alive()) {
            owner.process().destroyForcibly().waitFor();
        }
        Node survivor = nodes.stream().filter(Node::alive).findFirst().orElseThrow();
        // The chain moves: a live node owns it and links events past where it stood.
        Node newOwner = HttpTestSupport.eventually(() -> {
            Node now = chainOwner(db);
            return now != null && now.alive() && chainLength(db) > chainAtKill ? now : null;
        }, now -> now != null, Duration.ofSeconds(60));
        double handOverSeconds = (System.nanoTime() - chainOwnerKilledAt) / 1e9;
        assertThat(newOwner).as("a live node took the audit chain over").isNotNull();

        Thread.sleep(LOAD.toMillis() / 3);
        running.set(false);
        for (Future<?> client : load) {
            client.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        long loadEnded = System.nanoTime();

        // The survivor owns every segment of every processor, each at the head, and the chain links every event.
        long head = db.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        String survivorPid = String.valueOf(survivor.process().pid());
        HttpTestSupport.eventually(() -> segmentsOwned(db).values().stream()
                .allMatch(byNode -> byNode.keySet().equals(java.util.Set.of(survivorPid))) && caughtUp(survivor, head),
                up -> up, Duration.ofSeconds(120));
        assertThat(segmentsOwned(db).get("projections")).as("the survivor owns every segment")
                                                      .containsOnlyKeys(survivorPid).containsValue((long) SEGMENTS);
        HttpTestSupport.eventually(() -> chainLength(db) >= events(db), linked -> linked, Duration.ofSeconds(60));
        double catchUpSeconds = (System.nanoTime() - loadEnded) / 1e9;

        // Exactly once: each acknowledged write is one event, with its text, at the version answered.
        Map<String, Long> found = new LinkedHashMap<>();
        for (AcknowledgedWrite write : acknowledged) {
            found.merge(write.recordId() + "@" + write.version(), write.timesStored(db), Long::sum);
        }
        assertThat(found.values().stream().filter(n -> n != 1).count())
                .as("acknowledged writes not stored exactly once").isZero();

        // The chain covers every event once and verifies.
        assertThat(chainLength(db)).isEqualTo(events(db));
        assertThat(db.queryForObject("SELECT count(DISTINCT global_index) FROM audit.chain", Long.class))
                .isEqualTo(events(db));
        JsonNode verified = survivor.as("avery").get("/api/audit/verify").json();
        assertThat(verified.path("verified").asBoolean()).as(verified.toString()).isTrue();

        // What the projections hold equals what a rebuild from the events makes: nothing was skipped or doubled.
        Map<String, List<Map<String, Object>>> kept = ProjectionTables.snapshot(db);
        var started = survivor.as("morgan").post("/actuator/projections", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode rebuild = HttpTestSupport.eventually(
                () -> survivor.as("morgan").get("/actuator/projections").json().path("rebuild"),
                r -> r.path("finished").asBoolean(), Duration.ofSeconds(120));
        assertThat(rebuild.has("failure")).as(rebuild.toString()).isFalse();
        assertThat(ProjectionTables.snapshot(db)).as("the projections kept through the kills equal a rebuild")
                                                 .isEqualTo(kept);

        System.out.printf("Nodes killed: %d writes asked, %d acknowledged, %d found once, %d failed writes (to "
                          + "the dead nodes), %d reads not answered in time (while a dead node's processors moved); "
                          + "segments spread over three nodes in %.1f s; audit chain moved in %.1f s, every segment "
                          + "on the survivor and caught up %.1f s after the load; %d events%n",
                          requests.get(), acknowledged.size(), found.size(), failed.get(), readsBehind.get(),
                          spreadSeconds, handOverSeconds, catchUpSeconds, events(db));
        assertThat(acknowledged.size()).as("the load wrote").isGreaterThan(100);
    }

    /**
     * A rebuild asked of one node while the others hold segments of the projections fails at once, naming a node
     * that holds one, and resets nothing: the rows stay and the segments stay shared.
     */
    private static void refusedRebuildChangesNothing(JdbcTemplate db) {
        Node asked = nodes.get(0);
        HttpTestSupport.eventually(() -> db.queryForObject("SELECT count(*) FROM projections.case_record", Long.class),
                                   n -> n == 6, Duration.ofSeconds(20));
        var started = asked.as("morgan").post("/actuator/projections", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode rebuild = HttpTestSupport.eventually(
                () -> asked.as("morgan").get("/actuator/projections").json().path("rebuild"),
                r -> r.path("finished").asBoolean(), Duration.ofSeconds(60));
        assertThat(rebuild.path("failure").asText()).as(rebuild.toString()).contains("is owned by");
        assertThat(db.queryForObject("SELECT count(*) FROM projections.case_record", Long.class))
                .as("nothing reset").isEqualTo(6);
        assertThat(HttpTestSupport.eventually(() -> segmentsOwned(db), NodesKilledTest::spreadEvenly,
                                              Duration.ofSeconds(30)))
                .as("the asked node's projections run again, with their share")
                .matches(NodesKilledTest::spreadEvenly);
    }

    /** One client: drafts contacts and edits them on any node, reading each write back on another. */
    private static Void drive(int client, List<String> cases, AtomicBoolean running,
                              ConcurrentLinkedQueue<AcknowledgedWrite> acknowledged, AtomicInteger requests,
                              AtomicInteger failed, AtomicInteger readsBehind) {
        Random random = new Random(client);
        String contactId = null;
        long version = 0;
        int n = 0;
        while (running.get()) {
            Node node = nodes.get(random.nextInt(nodes.size()));
            String text = "client " + client + " write " + (n++) + " " + UUID.randomUUID();
            requests.incrementAndGet();
            try {
                if (contactId == null || random.nextInt(6) == 0) {
                    var drafted = node.as("alex").post("/api/cases/" + cases.get(random.nextInt(cases.size()))
                                                       + "/contacts", """
                            {"setting": {"type": "OFFICE"}, "startedAt": "2026-11-20T10:00:00Z",
                             "description": "%s"}""".formatted(text));
                    if (drafted.status() != 201) {
                        failed.incrementAndGet();
                        continue;
                    }
                    contactId = drafted.text("contactId");
                    version = 1;
                } else {
                    var edited = node.as("alex").put("/api/contacts/" + contactId + "/description",
                                                     "{\"text\": \"" + text + "\"}");
                    if (edited.status() != 200) {
                        failed.incrementAndGet();
                        continue;
                    }
                    version = edited.json().path("version").asLong();
                }
                acknowledged.add(new AcknowledgedWrite(contactId, version, text));
            } catch (IllegalStateException refused) {
                // The node is dead: the write was never acknowledged.
                failed.incrementAndGet();
                continue;
            }
            try {
                Node reader = nodes.get(random.nextInt(nodes.size()));
                var read = reader.as("alex").get("/api/contacts/" + contactId + "?minVersion=" + version);
                if (read.status() != 200) {
                    readsBehind.incrementAndGet();
                }
            } catch (IllegalStateException deadReader) {
                // Read from a dead node: nothing to learn.
            }
        }
        return null;
    }

    /** The node whose JVM owns the audit chain's claim now (Axon writes its owner as pid@host). */
    private static Node chainOwner(JdbcTemplate db) {
        List<String> owners = db.queryForList("SELECT owner FROM token_entry WHERE processor_name = ?",
                                              String.class, "audit-chain");
        if (owners.isEmpty() || owners.get(0) == null) {
            return null;
        }
        String pid = owners.get(0).split("@")[0];
        return nodes.stream().filter(n -> String.valueOf(n.process().pid()).equals(pid)).findFirst().orElse(null);
    }

    private static long chainLength(JdbcTemplate db) {
        return db.queryForObject("SELECT count(*) FROM audit.chain", Long.class);
    }

    private static long events(JdbcTemplate db) {
        return db.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /**
     * Whether the node has claimed every processor (those a dead node held, once their claims ran out) and each has
     * reached {@code head}, as its health reports them.
     */
    private static boolean caughtUp(Node node, long head) {
        JsonNode processors = node.as("morgan").get("/actuator/health").json().path("components")
                                  .path("eventProcessors").path("details");
        if (processors.isMissingNode() || processors.isEmpty()) {
            return false;
        }
        for (JsonNode processor : processors) {
            boolean claimed = false;
            for (var segments = processor.fields(); segments.hasNext(); ) {
                var segment = segments.next();
                if (segment.getKey().startsWith("segment-")) {
                    claimed = true;
                    if (segment.getValue().path("position").asLong() < head) {
                        return false;
                    }
                }
            }
            if (!claimed) {
                return false;
            }
        }
        return true;
    }

    /** A node in its own JVM: the standalone application from this build's classes, on the external database. */
    private static Node node(String name) throws IOException {
        int port = NodeProcesses.freePort();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                                 .filter(entry -> !entry.endsWith("test-classes"))
                                 .collect(Collectors.joining(File.pathSeparator));
        Path data = Files.createDirectories(work.resolve(name));
        Process process = new ProcessBuilder("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m",
                "-cp", classPath, CasetrailApplication.class.getName(), "--server.port=" + port,
                "--spring.datasource.url=" + ExternalPostgresTest.SERVER + DATABASE,
                "--spring.datasource.username=" + ExternalPostgresTest.USER, "--spring.datasource.password=",
                "--casetrail.data-dir=" + data, "--casetrail.audit.signing-key=" + work.resolve("audit-key.pem"),
                "--casetrail.events.segments=" + SEGMENTS,
                "--logging.level.org.axonframework=WARN")
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile()).start();
        return new Node(name, process, port);
    }

    private static void awaitReady(Node node) throws Exception {
        NodeProcesses.awaitReady(node.name(), node.process(), node.port(), work);
    }
}
