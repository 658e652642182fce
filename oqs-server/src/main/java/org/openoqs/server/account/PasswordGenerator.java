package org.openoqs.server.account;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Issues random passwords that satisfy {@link PasswordPolicy}: 16 characters with every character class, from an
 * alphabet without look-alikes (0/O, 1/l/I) because people copy them from the screen.
 */
@Component
public class PasswordGenerator {

    static final int LENGTH = 16;
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#$%&*+-=?@_";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        char[] out = new char[LENGTH];
        out[0] = pick(UPPER);
        out[1] = pick(LOWER);
        out[2] = pick(DIGITS);
        out[3] = pick(SYMBOLS);
        for (int i = 4; i < LENGTH; i++) {
            out[i] = pick(ALL);
        }
        for (int i = LENGTH - 1; i > 0; i--) { // Fisher–Yates, so the classes are not in fixed places
            int j = random.nextInt(i + 1);
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return new String(out);
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
