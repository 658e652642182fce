package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renewal from a terminal's PKCS#10 request: new key, same identity, old certificate left valid (overlap). */
class FacilityCertificateRenewalTest {
    @TempDir
    Path tmp;

    CertificateAuthority ca;
    IssuedCredential current;
    FacilityCertificateRenewal renewal;

    @BeforeEach
    void issueCurrent() {
        ca = Pki.ca(tmp);
        current = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        renewal = new FacilityCertificateRenewal(ca);
    }

    @Test
    void newCertificateHasTheNewKeySameSubjectAndOldOneStaysValid() throws Exception {
        KeyPair fresh = CertificateSigningRequests.newKeyPair();
        byte[] csr = CertificateSigningRequests.facilityRequest(fresh, Pki.INSTITUTION_CODE, "名前は無視される");

        X509Certificate renewed = renewal.renew(csr, current.certificate());

        assertThat(renewed.getPublicKey()).isEqualTo(fresh.getPublic());
        assertThat(renewed.getSubjectX500Principal()).isEqualTo(current.certificate().getSubjectX500Principal());
        assertThat(renewed.getSerialNumber()).isNotEqualTo(current.certificate().getSerialNumber());
        assertThat(renewed.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        Pki.validate(renewed, ca.caCertificate());
        CertificateChecker checker = CertificateChecker.forAuthority(ca);
        Instant now = Instant.now();
        assertThat(checker.check(new X509Certificate[] {current.certificate()}, now).ok()).as("old").isTrue();
        assertThat(checker.check(new X509Certificate[] {renewed}, now).ok()).as("new").isTrue();
        assertThat(renewed.getNotAfter().toInstant())
                .isAfter(current.certificate().getNotAfter().toInstant().minus(1, ChronoUnit.DAYS));
    }

    @Test
    void requestForAnotherInstitutionIsRefused() {
        byte[] csr = CertificateSigningRequests.facilityRequest(CertificateSigningRequests.newKeyPair(),
                "0113810014", Pki.FACILITY_NAME);

        assertThatThrownBy(() -> renewal.renew(csr, current.certificate()))
                .isInstanceOf(RenewalRefusedException.class)
                .hasMessageContaining("0113810014").hasMessageContaining("一致しません");
    }

    @Test
    void requestWithTheCurrentKeyIsRefused() throws Exception {
        KeyPair same = new KeyPair(current.certificate().getPublicKey(), current.privateKey());
        byte[] csr = CertificateSigningRequests.facilityRequest(same, Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);

        assertThatThrownBy(() -> renewal.renew(csr, current.certificate()))
                .isInstanceOf(RenewalRefusedException.class).hasMessageContaining("新しい鍵");
    }

    @Test
    void revokedCertificateCannotRenewItself() {
        ca.revoke(current.certificate().getSerialNumber(), "keyCompromise");
        byte[] csr = CertificateSigningRequests.facilityRequest(CertificateSigningRequests.newKeyPair(),
                Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);

        assertThatThrownBy(() -> renewal.renew(csr, current.certificate()))
                .isInstanceOf(RenewalRefusedException.class).hasMessageContaining("失効");
    }

    @Test
    void serverCertificateIsNoFacilityToRenew() {
        IssuedCredential server = ca.issueServerCertificate("localhost");
        byte[] csr = CertificateSigningRequests.facilityRequest(CertificateSigningRequests.newKeyPair(),
                Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);

        assertThatThrownBy(() -> renewal.renew(csr, server.certificate()))
                .isInstanceOf(RenewalRefusedException.class).hasMessageContaining("医療機関等の証明書ではありません");
    }
}
