package org.openoqs.terminal.central;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Tells a TLS handshake the other side <em>refused</em> from one the network <em>broke</em>. Only the first is a
 * certificate problem that retrying cannot heal (answered with OQSF9002); a connection closed or reset in the middle
 * of the handshake — a service restarting, a load balancer dropping connections, a flaky line — is an outage like
 * any other, and the request must be kept and retried.
 */
public final class HandshakeFailures {

    private HandshakeFailures() {
    }

    /**
     * True when the handshake failed by decision: the peer sent a fatal TLS alert (unknown CA, bad or revoked
     * certificate, no common parameters …), or this side could not validate the peer's certificate.
     */
    public static boolean isRefusal(SSLHandshakeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("Received fatal alert")) {
                return true;
            }
            if (t instanceof CertificateException || t instanceof CertPathValidatorException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
