package org.casetrail.audit.archive;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.casetrail.audit.verify.AuditVerifier.Break;
import org.casetrail.audit.verify.CheckpointSigner;

/**
 * Verifies an {@link Archive} with no database: each entry against the manifest's digest, the chain recomputed over
 * the archived events (every link, every position, every event accounted for), and every checkpoint against the
 * chain and, given the service's public key, its signature. Reports the first break, as the live verifier does.
 */
public final class ArchiveVerify {

    /** The result; {@code signaturesChecked} says whether a public key was there to check them with. */
    public record Result(boolean verified, long events, long chained, long unlinked, int checkpoints,
                         boolean signaturesChecked, String headHash, Break firstBreak) {
    }

    private record Stored(long position, byte[] headHash, Instant at, byte[] signature) {
    }

    private ArchiveVerify() {
    }

    /**
     * @param key           the service's published key; when null, the key in the manifest (if any) is used, which
     *                      only shows the archive is self-consistent
     * @param pendingWindow an unlinked event the chain passed less than this before the export is pending
     */
    public static Result verify(Path file, PublicKey key, Duration pendingWindow) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Properties manifest = new Properties();
            try (InputStream in = open(zip, Archive.MANIFEST)) {
                manifest.load(in);
            }
            if (!Archive.FORMAT.equals(manifest.getProperty("format"))) {
                return broken(new Break(0, null, "not a Casetrail archive of format " + Archive.FORMAT));
            }
            for (String entry : List.of(Archive.EVENTS, Archive.CHAIN, Archive.CHECKPOINTS)) {
                String digest = digest(zip, entry);
                if (!digest.equals(manifest.getProperty(entry + ".sha256"))) {
                    return broken(new Break(0, null, "changed: " + entry + " does not match the manifest's digest"));
                }
            }
            PublicKey signer = key != null ? key : manifest.getProperty("publicKey") == null ? null
                    : CheckpointSigner.publicKeyFromPem(manifest.getProperty("publicKey"));
            List<Stored> checkpoints = checkpoints(zip);
            Map<Long, byte[]> wanted = new HashMap<>();
            checkpoints.forEach(c -> wanted.put(c.position(), null));
            Instant exportedAt = Instant.parse(manifest.getProperty("exportedAt"));

            Break first = null;
            long chained = 0;
            long events = 0;
            byte[] hash = new byte[32];
            TreeMap<Long, Instant> passed = new TreeMap<>();
            Map<Long, byte[]> waiting = new HashMap<>();
            try (DataInputStream chain = data(zip, Archive.CHAIN); DataInputStream stored = data(zip, Archive.EVENTS)) {
                long lastRead = Long.MIN_VALUE;
                boolean more = true;
                while (true) {
                    long position;
                    try {
                        position = chain.readLong();
                    } catch (EOFException end) {
                        break;
                    }
                    long globalIndex = chain.readLong();
                    String eventId = new String(Archive.bytes(chain), StandardCharsets.UTF_8);
                    byte[] linked = chain.readNBytes(32);
                    Instant linkedAt = Instant.EPOCH.plus(chain.readLong(), ChronoUnit.MICROS);
                    chained++;
                    passed.merge(globalIndex, linkedAt, (a, b) -> a.isBefore(b) ? a : b);
                    while (more && !waiting.containsKey(globalIndex) && lastRead < globalIndex) {
                        try {
                            lastRead = stored.readLong();
                        } catch (EOFException end) {
                            more = false;
                            break;
                        }
                        waiting.put(lastRead, Archive.bytes(stored));
                        events++;
                    }
                    byte[] canonical = waiting.remove(globalIndex);
                    if (first == null && position != chained) {
                        first = new Break(chained, null, "missing: the chain has no position " + chained);
                    }
                    if (first == null && canonical == null) {
                        first = new Break(position, globalIndex, "missing: the event the chain holds at global index "
                                + globalIndex + " is not in the archive");
                    }
                    if (first == null && !eventId.equals(firstField(canonical))) {
                        first = new Break(position, globalIndex, "replaced or reordered: global index " + globalIndex
                                + " holds another event than the chain linked");
                    }
                    if (first == null) {
                        byte[] recomputed = chainHash(hash, canonical);
                        if (!Arrays.equals(recomputed, linked)) {
                            first = new Break(position, globalIndex, "changed: the event at global index "
                                    + globalIndex + " no longer matches its hash");
                        }
                    }
                    hash = linked;
                    if (first == null && wanted.containsKey(position)) {
                        wanted.put(position, linked);
                    }
                }
                while (more) {
                    try {
                        lastRead = stored.readLong();
                    } catch (EOFException end) {
                        break;
                    }
                    waiting.put(lastRead, Archive.bytes(stored));
                    events++;
                }
            }
            // Events the chain never took: pending only if the chain passed their place within the window.
            for (long globalIndex : new TreeMap<>(waiting).keySet()) {
                var above = passed.higherEntry(globalIndex);
                if (first == null && above != null && above.getValue().isBefore(exportedAt.minus(pendingWindow))) {
                    first = new Break(0, globalIndex, "inserted: the event at global index " + globalIndex
                            + " is not in the chain, which passed its place at " + above.getValue());
                }
            }
            for (Stored checkpoint : checkpoints) {
                if (first != null) {
                    break;
                }
                if (signer != null && !CheckpointSigner.verify(signer, checkpoint.position(), checkpoint.headHash(),
                                                              checkpoint.at(), checkpoint.signature())) {
                    first = new Break(checkpoint.position(), null, "forged checkpoint: the one at position "
                            + checkpoint.position() + " does not carry the service's signature");
                } else if (checkpoint.position() > chained) {
                    first = new Break(chained, null, "truncated: the chain ends before the checkpoint at position "
                            + checkpoint.position());
                } else if (!Arrays.equals(wanted.get(checkpoint.position()), checkpoint.headHash())) {
                    first = new Break(checkpoint.position(), null, "the chain at position " + checkpoint.position()
                            + " no longer matches the checkpoint signed at " + checkpoint.at());
                }
            }
            return new Result(first == null, events, chained, waiting.size(), checkpoints.size(), signer != null,
                              HexFormat.of().formatHex(hash), first);
        }
    }

    private static Result broken(Break why) {
        return new Result(false, 0, 0, 0, 0, false, null, why);
    }

    private static byte[] chainHash(byte[] previous, byte[] canonical) {
        MessageDigest digest = ArchiveExport.digest();
        digest.update(previous);
        digest.update(canonical);
        return digest.digest();
    }

    /** The event id: the canonical form's first field. */
    private static String firstField(byte[] canonical) throws IOException {
        var in = new DataInputStream(new ByteArrayInputStream(canonical));
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static List<Stored> checkpoints(ZipFile zip) throws IOException {
        List<Stored> checkpoints = new java.util.ArrayList<>();
        try (DataInputStream in = data(zip, Archive.CHECKPOINTS)) {
            while (true) {
                long position;
                try {
                    position = in.readLong();
                } catch (EOFException end) {
                    return checkpoints;
                }
                byte[] head = in.readNBytes(32);
                Instant at = Instant.parse(new String(Archive.bytes(in), StandardCharsets.UTF_8));
                checkpoints.add(new Stored(position, head, at, Archive.bytes(in)));
            }
        }
    }

    private static String digest(ZipFile zip, String entry) throws IOException {
        MessageDigest digest = ArchiveExport.digest();
        try (InputStream in = new DigestInputStream(open(zip, entry), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static DataInputStream data(ZipFile zip, String entry) throws IOException {
        return new DataInputStream(new BufferedInputStream(open(zip, entry), 1 << 16));
    }

    private static InputStream open(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("The archive has no " + name);
        }
        return zip.getInputStream(entry);
    }
}
