package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker remembers a certificate whose CA signature it verified, but everything that can change is judged on
 * every request: a certificate accepted many times is refused on the first request after its revocation or expiry,
 * and a certificate of another CA under the same CA name never rides on a remembered one.
 */
class RepeatedCheckTest {

    @TempDir
    Path tmp;

    @Test
    void aRememberedCertificateIsStillRefusedOnceRevokedOrExpired() {
        CertificateAuthority ca = Pki.ca(tmp);
        CertificateChecker checker = CertificateChecker.forAuthority(ca);
        X509Certificate cert = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME).certificate();
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            assertThat(checker.check(new X509Certificate[] {cert}, now).status()).isEqualTo(CheckStatus.OK);
        }

        assertThat(checker.check(new X509Certificate[] {cert}, now.plus(Duration.ofDays(5000))).status())
                .isEqualTo(CheckStatus.EXPIRED);

        ca.revoke(cert.getSerialNumber(), "keyCompromise");
        assertThat(checker.check(new X509Certificate[] {cert}, now).status()).isEqualTo(CheckStatus.REVOKED);
    }

    @Test
    void aCertificateOfAnotherCaWithTheSameCaNameIsNotTakenForARememberedOne() {
        CertificateAuthority ca = Pki.ca(tmp);
        CertificateChecker checker = CertificateChecker.forAuthority(ca);
        X509Certificate genuine = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME).certificate();
        assertThat(checker.check(new X509Certificate[] {genuine}, Instant.now()).ok()).isTrue();
        CertificateAuthority impostor = CertificateAuthority.initOrLoad(tmp.resolve("impostor"), "openoqs Test CA");
        X509Certificate forged = impostor.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME)
                .certificate();

        assertThat(forged.getIssuerX500Principal()).isEqualTo(genuine.getIssuerX500Principal());
        assertThat(checker.check(new X509Certificate[] {forged}, Instant.now()).status())
                .isEqualTo(CheckStatus.NOT_ISSUED_BY_CA);
    }
}
