package org.openoqs.core.otp;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The base32 alphabet of RFC 4648 §6 ({@code A–Z 2–7}), in which authenticator apps take a TOTP secret. Encoding
 * writes no padding (the {@code otpauth://} key form); decoding accepts padding, lower case and spaces, as people
 * type a secret from a screen.
 */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    /** Upper case, without {@code =} padding. */
    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** RFC 4648 padded form (as in its test vectors): {@link #encode} followed by {@code =} to a multiple of 8. */
    public static String encodePadded(byte[] bytes) {
        StringBuilder s = new StringBuilder(encode(bytes));
        while (s.length() % 8 != 0) {
            s.append('=');
        }
        return s.toString();
    }

    /**
     * @throws IllegalArgumentException on a character outside the alphabet
     */
    public static byte[] decode(String text) {
        String s = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < s.length(); i++) {
            int value = ALPHABET.indexOf(s.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a base32 character at " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
