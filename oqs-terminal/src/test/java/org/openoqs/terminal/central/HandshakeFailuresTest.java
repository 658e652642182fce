package org.openoqs.terminal.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** A refused handshake is permanent; one the network cut short is an outage. */
class HandshakeFailuresTest {

    @Test
    void aFatalAlertFromThePeerIsARefusal() {
        assertThat(HandshakeFailures.isRefusal(new SSLHandshakeException("Received fatal alert: bad_certificate")))
                .isTrue();
        assertThat(HandshakeFailures.isRefusal(new SSLHandshakeException("Received fatal alert: certificate_unknown")))
                .isTrue();
    }

    @Test
    void anUntrustedServerCertificateIsARefusal() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateException("unable to find valid certification path"));

        assertThat(HandshakeFailures.isRefusal(untrusted)).isTrue();
    }

    @Test
    void aConnectionClosedDuringTheHandshakeIsNotARefusal() {
        SSLHandshakeException cut = new SSLHandshakeException("Remote host terminated the handshake");
        cut.initCause(new EOFException("SSL peer shut down incorrectly"));

        assertThat(HandshakeFailures.isRefusal(cut)).isFalse();
    }
}
