package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.casetrail.audit.verify.CheckpointSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query nodes that share the signing key's directory and start together make one key between them: every node signs
 * checkpoints every other node (and an auditor) verifies. Tried with threads of one process and with processes.
 */
class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void threadsStartingTogetherShareOneKey() throws Exception {
        Path key = dir.resolve("keys").resolve("audit-signing-key.pem");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> made = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            made.add(pool.submit(() -> {
                go.await();
                return CheckpointSigner.loadOrCreate(key).publicKeyPem();
            }));
        }
        go.countDown();
        Set<String> keys = new HashSet<>();
        for (Future<String> one : made) {
            keys.add(one.get());
        }
        pool.shutdown();
        assertThat(keys).hasSize(1);
        assertThat(keys).containsExactly(CheckpointSigner.loadOrCreate(key).publicKeyPem());
        assertThat(Files.exists(Path.of(key + ".pub"))).isTrue();
    }

    @Test
    void processesStartingTogetherShareOneKey() throws Exception {
        Path key = dir.resolve("shared").resolve("audit-signing-key.pem");
        List<Process> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
                                         MakeKey.class.getName(), key.toString())
                              .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        Set<String> keys = new HashSet<>();
        for (Process node : nodes) {
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor()).as(out).isZero();
            keys.add(out);
        }
        assertThat(keys).as("one public key between them").hasSize(1);
        assertThat(keys.iterator().next()).contains("BEGIN PUBLIC KEY");
    }

    /** One node's start, as far as the key goes: prints the public key it would sign with. */
    public static final class MakeKey {

        public static void main(String[] args) {
            System.out.print(CheckpointSigner.loadOrCreate(Path.of(args[0])).publicKeyPem());
        }
    }
}
