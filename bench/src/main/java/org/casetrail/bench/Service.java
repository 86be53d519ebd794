package org.casetrail.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The standalone service as a separate process against the benchmark's PostgreSQL, signed in with bearer tokens
 * (the production path) signed by a key the benchmark makes.
 */
final class Service implements AutoCloseable {

    final String base;
    private final Process process;
    private final KeyPair keys;
    final Path log;

    private Service(String base, Process process, KeyPair keys, Path log) {
        this.base = base;
        this.process = process;
        this.keys = keys;
        this.log = log;
    }

    /** The service's maximum heap. */
    static final String HEAP = System.getProperty("bench.heap", "384m");

    /**
     * The production start's young generation and initial heap (README, Run), with the default heap only: the young
     * generation fixed and the old one started at 192 MB, about twice what a node keeps, so that a node is resident
     * for that rather than for its whole heap, and still has the whole heap for the largest work.
     */
    private static final List<String> SIZES = List.of("-Xms320m", "-Xmn128m");

    /**
     * The service's JVM options: the heap, and -Dbench.jvm="<options>" added for the service's JVM alone (a collector,
     * say), so that what is tried on the service does not also change the load generator. Named in the report.
     */
    static final List<String> JVM = jvmOptions();

    private static List<String> jvmOptions() {
        List<String> more = List.of(System.getProperty("bench.jvm", "").trim().split("\\s+"))
                                .stream().filter(option -> !option.isEmpty()).toList();
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError"));
        if (System.getProperty("bench.heap") == null
            && more.stream().noneMatch(option -> option.startsWith("-Xms") || option.startsWith("-Xmn"))) {
            options.addAll(SIZES);
        }
        // The collector the README's production start names, unless another is asked for (the JVM refuses two).
        if (more.stream().noneMatch(option -> option.matches("-XX:\\+Use\\w+GC"))) {
            options.add("-XX:+UseSerialGC");
        }
        options.addAll(more);
        return List.copyOf(options);
    }

    static Service start(Path jar, String jdbcUrl, String user, int port, Path work) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path publicKey = work.resolve("bench-jwt.pub");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Path log = work.resolve("service.log");
        // The heap a production node is given (README): bounded, and an exhausted heap ends the process so that it
        // is restarted rather than left with dead threads. -Dbench.heap=<size> to measure another.
        List<String> command = new java.util.ArrayList<>(List.of("java"));
        command.addAll(JVM);
        String recording = System.getProperty("bench.jfr");
        if (recording != null) {
            // -Dbench.jfr=<file>: a Java Flight Recording of the service, to see where its CPU goes.
            command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user,
                "--spring.datasource.password=", "--casetrail.security.mode=jwt",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
                "--casetrail.data-dir=" + work, "--server.tomcat.threads.max=64",
                "--spring.datasource.hikari.maximum-pool-size=20"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Service service = new Service("http://127.0.0.1:" + port, process, keys, log);
        service.awaitReady(Duration.ofSeconds(90));
        return service;
    }

    long pid() {
        return process.pid();
    }

    /** Clock ticks a second, as /proc counts CPU time in them. */
    private static final long TICKS = ticksPerSecond();

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 && out.matches("\\d+") ? Long.parseLong(out) : 100;
        } catch (IOException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** CPU time the service process has used so far (user and system, all its threads), from /proc, in seconds. */
    double cpuSeconds() throws IOException {
        return (double) ticks(Files.readString(Path.of("/proc/" + pid() + "/stat"))) / TICKS;
    }

    /**
     * CPU time the service's JIT compiler threads have used so far, from /proc, in seconds. A compiler thread the
     * JVM has since stopped takes its time with it, so this can only undercount the compiler.
     */
    double compilerCpuSeconds() throws IOException {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid() + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.matches("C[12] CompilerThre.*")) {
                        total += ticks(stat);
                    }
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended while the tasks were listed
                }
            }
        }
        return (double) total / TICKS;
    }

    /** User and system CPU ticks from a /proc stat line. */
    private static long ticks(String stat) {
        // The command name is in parentheses and may hold spaces: the fields counted from after it.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Resident memory of the service process, from /proc. */
    long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    String token(String user, String role) throws Exception {
        var claims = new JWTClaimsSet.Builder().subject(user).claim("preferred_username", user)
                .claim("roles", List.of(role)).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(7200))).build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private void awaitReady(Duration limit) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped; see " + log);
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The service did not become ready; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
