package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCertificateTest {
    private static final int DNS = 2;
    private static final int IP = 7;

    @TempDir
    Path tmp;

    @Test
    void subjectAltNamesHoldDnsNamesAndIpAddresses() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        X509Certificate cert = ca.issueServerCertificate("localhost", "127.0.0.1", "oqs.example.jp", "::1")
                .certificate();

        assertThat(cert.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(DNS, "localhost"), List.of(IP, "127.0.0.1"), List.of(DNS, "oqs.example.jp"),
                List.of(IP, "0:0:0:0:0:0:0:1"));
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=localhost,O=openoqs,C=JP");
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(ca.issued()).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo(CertificateKind.SERVER));
        Pki.validate(cert, ca.caCertificate());
    }

    @Test
    void rejectsNamesThatAreNeitherHostNamesNorIps() {
        CertificateAuthority ca = Pki.ca(tmp);

        assertThatThrownBy(ca::issueServerCertificate).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ca.issueServerCertificate("local host"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ca.issueServerCertificate("https://localhost"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
