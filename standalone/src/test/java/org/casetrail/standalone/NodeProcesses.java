package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** What the tests that run the service as separate processes share: ports, and waiting until a node is ready. */
final class NodeProcesses {

    private NodeProcesses() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits (at most three minutes) until the node on {@code port} is ready; fails if its process stops first. */
    static void awaitReady(String name, Process process, int port, Path logs) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        HttpClient client = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(name + " stopped; see " + logs).isTrue();
            try {
                var response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become ready; see " + logs);
    }
}
