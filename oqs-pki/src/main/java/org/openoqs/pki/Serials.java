package org.openoqs.pki;

import java.math.BigInteger;
import java.util.Locale;

/** Serial numbers are written as upper-case hex everywhere, as openssl and keytool print them. */
final class Serials {
    private Serials() {
    }

    static String format(BigInteger serial) {
        return serial.toString(16).toUpperCase(Locale.ROOT);
    }

    static BigInteger parse(String hex) {
        return new BigInteger(hex.trim(), 16);
    }
}
