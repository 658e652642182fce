package org.openoqs.core.otp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time passwords: HOTP (RFC 4226: HMAC over the 8-byte counter, dynamic truncation, modulo 10^digits) and TOTP
 * (RFC 6238: the counter is the number of 30-second steps since the Unix epoch). The second factor of the
 * 救急時医療情報閲覧 accounts uses HmacSHA1, 6 digits, 30 seconds — the parameters every authenticator app takes
 * from an {@code otpauth://totp/} URI without further options.
 */
public final class Totp {

    public static final String HMAC_SHA1 = "HmacSHA1";
    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** 160 bits, the HMAC-SHA1 block-friendly size RFC 4226 recommends. */
    public static final int SECRET_BYTES = 20;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** RFC 4226 §5.3: the {@code digits}-digit HOTP value of {@code counter}, zero-padded. */
    public static String hotp(byte[] key, long counter, int digits, String algorithm) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits must be 1..8");
        }
        byte[] hash = hmac(key, ByteBuffer.allocate(Long.BYTES).putLong(counter).array(), algorithm);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String value = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - value.length()) + value;
    }

    /** RFC 6238 §4.2: the time step {@code floor(unixSeconds / 30)} (T0 = 0). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit HmacSHA1 code of a step. */
    public static String code(byte[] key, long step) {
        return hotp(key, step, DIGITS, HMAC_SHA1);
    }

    /**
     * The step within {@code current ± window} whose code is {@code typed}, compared in constant time (a timing
     * difference must not tell how many digits were right). Empty when none matches or the input is not 6 digits.
     */
    public static OptionalLong matchingStep(byte[] key, String typed, long current, int window) {
        if (typed == null || !typed.matches("[0-9]{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] wanted = typed.getBytes(StandardCharsets.US_ASCII);
        long found = Long.MIN_VALUE;
        for (long step = current - window; step <= current + window; step++) {
            boolean same = MessageDigest.isEqual(code(key, step).getBytes(StandardCharsets.US_ASCII), wanted);
            if (same && found == Long.MIN_VALUE) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /**
     * The key URI authenticator apps read ({@code otpauth://totp/<issuer>:<account>?secret=…&issuer=…}); label and
     * issuer percent-encoded (UTF-8), the secret in base32 without padding.
     */
    public static String otpauthUri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] hmac(byte[] key, byte[] message, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
