package org.openoqs.server.emergency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openoqs.server.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Secrets the service must read back (the TOTP secrets), stored encrypted: AES-256-GCM under a key derived from the
 * audit chain key file ({@code AuditChainKey.derive}), which lives outside the database and is shared by every
 * instance. A stolen database or backup therefore holds no usable secret. The owner (institution code and account
 * ID) is the associated data, so a sealed value copied to another account's row does not open.
 */
@Component
public class SealedSecrets {

    private static final String PURPOSE = "totp-secret-v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public SealedSecrets(AuditLog audit) {
        this.audit = audit;
    }

    /** Base64 of nonce + ciphertext + tag. */
    public String seal(byte[] secret, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, owner, secret);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce)
                .put(sealed).array());
    }

    /** @throws IllegalStateException when the value was changed, belongs to another owner or another key */
    public byte[] open(String sealed, String owner) {
        byte[] all = Base64.getDecoder().decode(sealed);
        byte[] nonce = java.util.Arrays.copyOfRange(all, 0, NONCE_BYTES);
        return run(Cipher.DECRYPT_MODE, nonce, owner, java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length));
    }

    private byte[] run(int mode, byte[] nonce, String owner, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(audit.key().derive(PURPOSE), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed secret cannot be opened (changed, another owner or another key)", e);
        }
    }
}
