package org.casetrail.audit.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;


/**
 * The Ed25519 key checkpoints are signed with. It lives outside the database, in PEM files at
 * {@code casetrail.audit.signing-key} (private, owner-readable only) and beside it with {@code .pub} (public);
 * both are made on first start when missing.
 * <p>
 * What is signed, as UTF-8: {@code casetrail-checkpoint-v1\n<position>\n<head hash, hex>\n<at, ISO-8601 UTC>}.
 */
public final class CheckpointSigner {

    private static final System.Logger log = System.getLogger(CheckpointSigner.class.getName());
    private static final Object CREATING = new Object();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static CheckpointSigner loadOrCreate(Path privateKeyFile) {
        Path publicKeyFile = Path.of(privateKeyFile + ".pub");
        try {
            if (Files.exists(privateKeyFile) && Files.exists(publicKeyFile)) {
                // Read where it is, without a lock: a key mounted read-only (a secret) needs none.
                return load(privateKeyFile, publicKeyFile);
            }
            Files.createDirectories(privateKeyFile.toAbsolutePath().getParent());
            // Nodes sharing the key's directory may start together: one makes the pair and the others read it, so
            // every node signs with the same key (a lock on a file beside it between processes, a monitor between
            // threads of one process, which a file lock does not separate).
            synchronized (CREATING) {
                try (FileChannel channel = FileChannel.open(Path.of(privateKeyFile + ".lock"),
                                                            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock held = channel.lock()) {
                    if (Files.exists(privateKeyFile) && Files.exists(publicKeyFile)) {
                        return load(privateKeyFile, publicKeyFile);
                    }
                    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                    Files.writeString(privateKeyFile, toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                    restrict(privateKeyFile);
                    Files.writeString(publicKeyFile, toPem("PUBLIC KEY", pair.getPublic().getEncoded()));
                    log.log(System.Logger.Level.WARNING,
                            "Made a new audit signing key at {0}; keep it safe and outside the database", privateKeyFile);
                    return new CheckpointSigner(pair.getPrivate(), pair.getPublic());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the audit signing key " + privateKeyFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the audit signing key " + privateKeyFile, e);
        }
    }

    private static CheckpointSigner load(Path privateKeyFile, Path publicKeyFile)
            throws IOException, GeneralSecurityException {
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        return new CheckpointSigner(keys.generatePrivate(new PKCS8EncodedKeySpec(pem(privateKeyFile))),
                                    keys.generatePublic(new X509EncodedKeySpec(pem(publicKeyFile))));
    }

    public static byte[] message(long position, byte[] headHash, Instant at) {
        return ("casetrail-checkpoint-v1\n" + position + "\n" + HexFormat.of().formatHex(headHash) + "\n" + at)
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] sign(long position, byte[] headHash, Instant at) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message(position, headHash, at));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a checkpoint", e);
        }
    }

    public static boolean verify(PublicKey key, long position, byte[] headHash, Instant at, byte[] signed) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message(position, headHash, at));
            return signature.verify(signed);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyPem() {
        return toPem("PUBLIC KEY", publicKey.getEncoded());
    }

    public static PublicKey publicKeyFromPem(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(decode(pem)));
    }

    private static byte[] pem(Path file) throws IOException {
        return decode(Files.readString(file));
    }

    private static byte[] decode(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    }

    private static String toPem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
               + "\n-----END " + type + "-----\n";
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the operator protects the file by other means.
        }
    }
}
