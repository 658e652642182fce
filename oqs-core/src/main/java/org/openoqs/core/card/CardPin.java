package org.openoqs.core.card;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The PIN verifier a card keeps for its 利用者証明用電子証明書: a salted PBKDF2 hash, never the PIN itself, so the
 * simulator's state files do not reveal PINs. Comparison is constant-time.
 *
 * @param salt  base64 salt
 * @param hash  base64 PBKDF2-HMAC-SHA256 of the PIN
 */
public record CardPin(String salt, String hash) {

    /** Digits of a PIN (seed chapter 12: 利用者証明用電子証明書の暗証番号（4桁の数字）). */
    public static final int LENGTH = 4;
    // A 4-digit PIN has 10,000 values; the retry counter, not the KDF, is what protects it. The KDF only keeps
    // the state file from being a lookup table at a glance, so a modest iteration count keeps confirmations fast.
    private static final int ITERATIONS = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    public CardPin {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
    }

    /** True for exactly four ASCII digits. */
    public static boolean isWellFormed(String pin) {
        if (pin == null || pin.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < pin.length(); i++) {
            char c = pin.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A verifier for a new PIN. */
    public static CardPin of(String pin) {
        if (!isWellFormed(pin)) {
            throw new IllegalArgumentException("a card PIN is four ASCII digits");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new CardPin(Base64.getEncoder().encodeToString(salt), Base64.getEncoder().encodeToString(derive(pin, salt)));
    }

    /** Whether {@code candidate} is the PIN; a malformed candidate never matches. */
    public boolean matches(String candidate) {
        if (!isWellFormed(candidate)) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(hash);
        byte[] actual = derive(candidate, Base64.getDecoder().decode(salt));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String pin, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "CardPin[verifier]"; // never print the hash
    }
}
