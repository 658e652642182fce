package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateCheckerTest {
    @TempDir
    Path tmp;

    private CertificateAuthority ca;
    private CertificateChecker checker;
    private final Instant now = Instant.now();

    @BeforeEach
    void setUp() {
        ca = Pki.ca(tmp);
        checker = CertificateChecker.forAuthority(ca);
    }

    @Test
    void freshFacilityCertificateIsOk() {
        CheckResult result = checker.check(chainOf(facility()), now);

        assertThat(result.ok()).isTrue();
        assertThat(result.status()).isEqualTo(CheckStatus.OK);
        assertThat(result.message()).isEqualTo("クライアント証明書は有効です");
    }

    @Test
    void missingCertificate() {
        assertThat(checker.check(null, now).status()).isEqualTo(CheckStatus.NO_CERTIFICATE);
        assertThat(checker.check(new X509Certificate[0], now).status()).isEqualTo(CheckStatus.NO_CERTIFICATE);
    }

    @Test
    void certificateFromAnotherCaIsNotIssuedByCa() {
        X509Certificate foreign = CertificateAuthority.initOrLoad(tmp.resolve("other"), "openoqs Test CA")
                .issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME).certificate();

        CheckResult result = checker.check(chainOf(foreign), now);

        assertThat(result.status()).isEqualTo(CheckStatus.NOT_ISSUED_BY_CA);
        assertThat(result.ok()).isFalse();
        assertThat(result.message()).isEqualTo("クライアント証明書が認証局により発行されたものではありません");
    }

    @Test
    void certificateWhoseWindowEndedIsExpired() {
        X509Certificate expired = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME,
                now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35))).certificate();

        CheckResult result = checker.check(chainOf(expired), now);

        assertThat(result.status()).isEqualTo(CheckStatus.EXPIRED);
        assertThat(result.message()).isEqualTo("クライアント証明書の有効期限が切れています");
    }

    @Test
    void certificateWhoseWindowStartsLaterIsNotYetValid() {
        X509Certificate future = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME,
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).certificate();

        assertThat(checker.check(chainOf(future), now).status()).isEqualTo(CheckStatus.NOT_YET_VALID);
    }

    @Test
    void revokedCertificateIsRejectedOnTheNextRequest() {
        X509Certificate cert = facility();
        assertThat(checker.check(chainOf(cert), now).ok()).isTrue();

        ca.revoke(cert.getSerialNumber(), "keyCompromise");
        CheckResult result = checker.check(chainOf(cert), now);

        assertThat(result.status()).isEqualTo(CheckStatus.REVOKED);
        assertThat(result.message()).isEqualTo("クライアント証明書が失効しています");
    }

    @Test
    void serverAndCaCertificatesAreNotClientCertificates() {
        X509Certificate server = ca.issueServerCertificate("localhost").certificate();
        X509Certificate codeSigning = ca.issueCodeSigningCertificate("release").certificate();

        assertThat(checker.check(chainOf(server), now).status()).isEqualTo(CheckStatus.NOT_A_CLIENT_CERTIFICATE);
        assertThat(checker.check(chainOf(codeSigning), now).status())
                .isEqualTo(CheckStatus.NOT_A_CLIENT_CERTIFICATE);
        assertThat(checker.check(chainOf(ca.caCertificate()), now).status())
                .isEqualTo(CheckStatus.NOT_A_CLIENT_CERTIFICATE);
    }

    @Test
    void missingForeignOrStaleCrlFailsClosed() {
        X509Certificate cert = facility();
        X509CRL foreignCrl = CertificateAuthority.initOrLoad(tmp.resolve("other"), "openoqs Test CA").currentCrl();

        assertThat(new CertificateChecker(ca.caCertificate(), () -> null).check(chainOf(cert), now).status())
                .isEqualTo(CheckStatus.CRL_UNAVAILABLE);
        assertThat(new CertificateChecker(ca.caCertificate(), () -> foreignCrl).check(chainOf(cert), now).status())
                .isEqualTo(CheckStatus.CRL_UNAVAILABLE);
        X509CRL crl = ca.currentCrl();
        Instant afterNextUpdate = crl.getNextUpdate().toInstant().plusSeconds(1);
        assertThat(new CertificateChecker(ca.caCertificate(), () -> crl).check(chainOf(cert), afterNextUpdate)
                .status()).isEqualTo(CheckStatus.CRL_UNAVAILABLE);
    }

    @Test
    void everyStatusHasAJapaneseMessage() {
        for (CheckStatus status : CheckStatus.values()) {
            assertThat(CheckResult.of(status).message()).isNotBlank().matches(".*[\\p{IsHan}\\p{IsHiragana}].*");
        }
    }

    private X509Certificate facility() {
        return ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME).certificate();
    }

    private X509Certificate[] chainOf(X509Certificate leaf) {
        return new X509Certificate[] {leaf, ca.caCertificate()};
    }
}
