package org.openoqs.pki;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Minimal RFC 7468 PEM encoding; the JDK's CertificateFactory reads these blocks back directly. */
final class Pem {
    private static final Base64.Encoder ENCODER =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
