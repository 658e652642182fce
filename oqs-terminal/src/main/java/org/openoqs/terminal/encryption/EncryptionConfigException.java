package org.openoqs.terminal.encryption;

/** {@code encrypt.conf} or {@code encrypt_face.conf} cannot be used; the message names file and line (Japanese). */
public final class EncryptionConfigException extends RuntimeException {

    public EncryptionConfigException(String message) {
        super(message);
    }

    public EncryptionConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
