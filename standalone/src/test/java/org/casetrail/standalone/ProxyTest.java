package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The production shape as a new user would run it: the two side jars, two of each, on one PostgreSQL behind
 * Debian's nginx with {@code docker/proxy.conf} itself (only the upstream addresses and the port put in), and the
 * README's flow through the proxy: a case, its plan, a contact written, signed and read back, the chronology, the
 * audit trail and its verification; then a browser signed in on one node, moving between nodes on every request.
 * Skipped, saying so, where nginx or the external PostgreSQL is missing (CI installs nginx).
 */
class ProxyTest {

    private static final String DATABASE = "casetrail_proxy_" + UUID.randomUUID().toString().replace("-", "");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static Path work;
    private static final List<Process> processes = new ArrayList<>();
    private static int proxyPort;

    @BeforeAll
    static void start() throws Exception {
        Path nginx = Stream.of("/usr/sbin/nginx", "/usr/bin/nginx").map(Path::of).filter(Files::isExecutable)
                           .findFirst().orElse(null);
        Assumptions.assumeTrue(nginx != null,
                "The proxy test needs Debian's nginx (apt-get install nginx): skipped here, run in CI");
        ExternalDatabases.createOrSkip(DATABASE);
        work = Files.createTempDirectory("casetrail-proxy");
        work.toFile().setWritable(true, false);
        Path commandJar = jar("command-side");
        Path queryJar = jar("query-side");
        int[] command = {NodeProcesses.freePort(), NodeProcesses.freePort()};
        int[] query = {NodeProcesses.freePort(), NodeProcesses.freePort()};
        // The first query node makes the checkpoint signing key the others share; then the rest start together.
        Process first = node(queryJar, query[0], "query-1");
        NodeProcesses.awaitReady("query-1", first, query[0], work);
        List<Process> rest = List.of(node(queryJar, query[1], "query-2"), node(commandJar, command[0], "command-1"),
                                     node(commandJar, command[1], "command-2"));
        NodeProcesses.awaitReady("query-2", rest.get(0), query[1], work);
        NodeProcesses.awaitReady("command-1", rest.get(1), command[0], work);
        NodeProcesses.awaitReady("command-2", rest.get(2), command[1], work);

        proxyPort = NodeProcesses.freePort();
        String site = Files.readString(Path.of("..", "docker", "proxy.conf"))
                .replace("server command-side:8080;", "server 127.0.0.1:" + command[0] + ";\n    server 127.0.0.1:"
                                                      + command[1] + ";")
                .replace("server query-side:8080;", "server 127.0.0.1:" + query[0] + ";\n    server 127.0.0.1:"
                                                    + query[1] + ";")
                .replace("listen 8080;", "listen 127.0.0.1:" + proxyPort + ";");
        assertThat(site).as("the upstreams and port put in").contains("127.0.0.1:" + command[1])
                        .contains("127.0.0.1:" + query[1]).contains("listen 127.0.0.1:" + proxyPort);
        Files.writeString(work.resolve("site.conf"), site);
        Files.writeString(work.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log;
                events { worker_connections 256; }
                http {
                    access_log %1$s/nginx-access.log;
                    client_body_temp_path %1$s/client-body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/site.conf;
                }
                """.formatted(work));
        Process proxy = new ProcessBuilder(nginx.toString(), "-p", work.toString(), "-c",
                                           work.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        processes.add(proxy);
        HttpTestSupport.eventually(() -> reachable(proxyPort), up -> up, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        ExternalDatabases.dropIfMade(DATABASE);
    }

    private static Api as(String user) {
        return Api.at(proxyPort).as(user);
    }

    @Test
    void theReadmeFlowWorksThroughTheProxy() {
        String caseId = as("alex").post("/api/cases", HttpTestSupport.JO.formatted("proxy")).text("caseId");
        assertThat(caseId).matches("[0-9a-f-]{36}");
        var plan = as("alex").header("If-Match", "\"1\"").post("/api/cases/" + caseId + "/plans",
                                                              HttpTestSupport.CARE_PLAN);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        JsonNode read = as("alex").get("/api/cases/" + caseId + "?minVersion=2").json();
        assertThat(read.path("plans").size()).as("a write through one node, read through another").isEqualTo(1);

        var drafted = as("alex").post("/api/cases/" + caseId + "/contacts", HttpTestSupport.COMPLETE_DRAFT);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String contactId = drafted.text("contactId");
        var edited = as("alex").put("/api/contacts/" + contactId + "/description",
                                    "{\"text\": \"Jo showed me her room and talked about school.\"}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        var signed = as("alex").post("/api/contacts/" + contactId + "/finalise", "");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        long version = signed.json().path("version").asLong();
        JsonNode contact = as("alex").get("/api/contacts/" + contactId + "?minVersion=" + version).json();
        assertThat(contact.path("status").asText()).isEqualTo("FINALISED");
        assertThat(contact.path("description").asText()).startsWith("Jo showed me her room");

        JsonNode chronology = HttpTestSupport.eventually(
                () -> as("morgan").get("/api/cases/" + caseId + "/chronology").json(),
                c -> c.path("entries").size() >= 2, Duration.ofSeconds(20));
        assertThat(chronology.path("entries").size()).isGreaterThanOrEqualTo(2);

        // The audit trail is the query side's, asked with a query string as the README does (once a 301 here).
        var trail = as("avery").get("/api/audit?caseId=" + caseId);
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        JsonNode items = HttpTestSupport.eventually(
                () -> as("avery").get("/api/audit?caseId=" + caseId).json().path("items"),
                found -> found.findValuesAsText("eventType").contains("ContactFinalisedEvent"), Duration.ofSeconds(20));
        assertThat(items.findValuesAsText("eventType")).contains("CaseOpenedEvent", "PlanRecordedEvent",
                "ContactDraftedEvent", "DescriptionChangedEvent", "ContactFinalisedEvent", "RecordViewedEvent");
        var verified = as("avery").get("/api/audit/verify");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("verified").asBoolean()).as(verified.toString()).isTrue();
    }

    @Test
    void aBrowserSignedInOnOneNodeStaysSignedInOnEveryNode() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                                       .followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrf(page(browser, "/sign-in").body());
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(proxy("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alex&password=casetrail&_csrf="
                                                          + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as("signed in, sent on").isEqualTo(302);
        assertThat(onward(signedIn)).as("sent on through the proxy, not past it").isEqualTo("/");
        // Reads go to either query node in turn: each must know the session.
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> home = page(browser, "/");
            assertThat(home.statusCode()).as("My work, request " + i).isEqualTo(200);
            assertThat(home.body()).contains("<h1 class=\"govuk-heading-l\">My work</h1>");
        }
        // A form posted through the proxy goes to a command node, with the session and token from a query node.
        String caseId = as("alex").post("/api/cases", HttpTestSupport.JO.formatted("proxy-page")).text("caseId");
        assertThat(as("alex").get("/api/cases/" + caseId + "?minVersion=1").status()).isEqualTo(200);
        String form = page(browser, "/cases/" + caseId + "/plans-new").body();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
        assertThat(version.find()).as("the plan form's version").isTrue();
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(proxy("/cases/" + caseId + "/plans-new"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf(form),
                        StandardCharsets.UTF_8) + "&version=" + version.group(1) + "&kind=CARE_PLAN&title=Safety+plan"
                        + "&date-day=1&date-month=11&date-year=2026&summary=&visit-frequency="))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(onward(posted)).as("on to the page that shows it").startsWith("/cases/" + caseId)
                                  .doesNotEndWith("/plans-new");
        JsonNode read = as("alex").get("/api/cases/" + caseId + "?minVersion=2").json();
        assertThat(read.path("plans").get(0).path("title").asText()).isEqualTo("Safety plan");
    }

    private static HttpResponse<String> page(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(proxy(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where a redirect sends the browser, as a path, when it stays on the proxy's address (else all of it). */
    private static String onward(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        String proxy = "http://localhost:" + proxyPort;
        return location.startsWith(proxy) ? location.substring(proxy.length())
                : location.startsWith("/") ? location : location;
    }

    private static URI proxy(String path) {
        return URI.create("http://localhost:" + proxyPort + path);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static Path jar(String module) throws IOException {
        Path target = Path.of("..", module, "target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("No " + module + " jar in " + target
                                                                     + ": package it first (./mvnw -B verify does)"));
        }
    }

    private static Process node(Path jar, int port, String name) throws IOException {
        Path data = Files.createDirectories(work.resolve(name));
        Process process = new ProcessBuilder("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m",
                "-jar", jar.toString(), "--server.port=" + port,
                "--spring.datasource.url=" + ExternalPostgresTest.SERVER + DATABASE,
                "--spring.datasource.username=" + ExternalPostgresTest.USER, "--spring.datasource.password=",
                "--casetrail.data-dir=" + data, "--casetrail.audit.signing-key=" + work.resolve("audit-key.pem"),
                "--server.forward-headers-strategy=native")
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    private static boolean reachable(int port) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
