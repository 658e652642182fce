package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeSigningCertificateTest {
    @TempDir
    Path tmp;

    @Test
    void hasCodeSigningUsageAndItsKeySigns() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        IssuedCredential credential = ca.issueCodeSigningCertificate("openoqs release");
        X509Certificate cert = credential.certificate();

        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.3");
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=openoqs release,O=openoqs,C=JP");
        assertThat(FacilityCertificates.institutionCodeOf(cert)).isEmpty();
        Pki.validate(cert, ca.caCertificate());

        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(credential.privateKey());
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(cert);
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
    }
}
