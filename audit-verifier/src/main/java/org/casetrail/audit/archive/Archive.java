package org.casetrail.audit.archive;

/**
 * The archive format, version 1: a ZIP file of four entries, each streamed, so a store of any size fits.
 * <ul>
 * <li>{@code events.bin}: every row of the event table in position order, each as its global index (8 bytes)
 * and the audit chain's canonical form of the row (a 4-byte length, then the bytes).</li>
 * <li>{@code chain.bin}: every row of the audit chain in position order: position, global index, the event's id
 * (length and UTF-8), its 32-byte hash, and when it was linked (epoch microseconds).</li>
 * <li>{@code checkpoints.bin}: every signed checkpoint: position, 32-byte head hash, signing time (length and
 * UTF-8 ISO-8601), signature (length and bytes).</li>
 * <li>{@code manifest.properties}: the format, when and what was exported, the counts, the chain's head, the
 * SHA-256 of each entry above and, when given at export, the service's checkpoint public key (PEM).</li>
 * </ul>
 * The manifest's own SHA-256 is printed by the export, to be kept apart from the archive.
 */
public final class Archive {

    public static final String FORMAT = "casetrail-archive-1";
    public static final String EVENTS = "events.bin";
    public static final String CHAIN = "chain.bin";
    public static final String CHECKPOINTS = "checkpoints.bin";
    public static final String MANIFEST = "manifest.properties";

    private Archive() {
    }

    /** A length-prefixed record; a length beyond any record the export writes means the archive is damaged. */
    static byte[] bytes(java.io.DataInputStream in) throws java.io.IOException {
        int length = in.readInt();
        if (length < 0 || length > 64 * 1024 * 1024) {
            throw new java.io.IOException("a record of " + length + " bytes: the archive is damaged");
        }
        return in.readNBytes(length);
    }
}
