package org.openoqs.terminal.encryption;

import java.util.Objects;
import org.openoqs.terminal.linkage.ProcessedResult;

/**
 * Encryption of the files written to the {@code face} folder, switched per kind by {@code encrypt_face.conf}
 * ({@code face}, {@code prescription}, {@code publicmedicalhub}). An encrypted file is named like the plain one with
 * {@code .zip} instead of {@code .xml} and holds the plain file, AES-256, password OQS_CRYPT_PASS.
 */
public final class FaceResultEncryption {

    private final EncryptionConfig config;
    private final char[] password;

    /** @param password OQS_CRYPT_PASS; may be null only when no face kind is encrypted */
    public FaceResultEncryption(EncryptionConfig config, char[] password) {
        this.config = Objects.requireNonNull(config, "config");
        boolean needed = EncryptionConfig.FACE_KINDS.stream().anyMatch(config::encryptsFace);
        if (needed && (password == null || password.length == 0)) {
            throw new IllegalArgumentException("OQS_CRYPT_PASS is required: " + config);
        }
        this.password = password == null ? null : password.clone();
    }

    /**
     * The file to publish for a face result of {@code kind}: unchanged when the kind is plain, else sealed.
     *
     * @param fileName the plain name, e.g. {@code OQSsiquc01res_face_…_20250401093000.xml}
     */
    public ProcessedResult prepare(String kind, String fileName, byte[] content) {
        if (!config.encryptsFace(kind)) {
            return new ProcessedResult(fileName, content);
        }
        int dot = fileName.lastIndexOf('.');
        String zipName = (dot < 0 ? fileName : fileName.substring(0, dot)) + ".zip";
        return new ProcessedResult(zipName, PasswordZip.seal(fileName, content, password));
    }

    public boolean encrypts(String kind) {
        return config.encryptsFace(kind);
    }
}
