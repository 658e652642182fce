package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FacilityCertificateTest {
    @TempDir
    Path tmp;

    @Test
    void carriesInstitutionCodeAsCnAndClientAuthAndValidatesUnderTheCa() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        IssuedCredential credential = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        X509Certificate cert = credential.certificate();

        assertThat(cert.getSubjectX500Principal().getName())
                .isEqualTo("CN=" + Pki.INSTITUTION_CODE + ",O=" + Pki.FACILITY_NAME + ",C=JP");
        assertThat(FacilityCertificates.institutionCodeOf(cert)).contains(Pki.INSTITUTION_CODE);
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(credential.chain()).containsExactly(cert, ca.caCertificate());
        Pki.validate(cert, ca.caCertificate());
    }

    @Test
    void defaultValidityIsThreeYears() {
        X509Certificate cert = Pki.ca(tmp).issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME)
                .certificate();

        assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
                .isEqualTo(CertificateAuthority.DEFAULT_FACILITY_VALIDITY);
    }

    @Test
    void validityIsCappedAtTheCaExpiry() {
        CertificateAuthority ca = Pki.ca(tmp);
        X509Certificate cert = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME,
                Duration.ofDays(365 * 30)).certificate();

        assertThat(cert.getNotAfter()).isEqualTo(ca.caCertificate().getNotAfter());
    }

    @Test
    void isRecordedInTheIndexAndFoundAsLatestForItsCode() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        IssuedCredential older = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        ca.issueFacilityCertificate("2712345670", "別の医院");
        IssuedCredential newer = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);

        assertThat(ca.issued()).hasSize(3);
        IssuedCertificateRecord latest = ca.latestFor(Pki.INSTITUTION_CODE).orElseThrow();
        assertThat(latest.serial()).isEqualTo(newer.certificate().getSerialNumber()).isGreaterThan(
                older.certificate().getSerialNumber());
        assertThat(latest.kind()).isEqualTo(CertificateKind.FACILITY);
        assertThat(latest.revoked()).isFalse();
        assertThat(latest.notAfter()).isEqualTo(newer.certificate().getNotAfter().toInstant());
        assertThat(ca.latestFor("9999999999")).isEmpty();
        assertThat(Pki.ca(tmp).latestFor(Pki.INSTITUTION_CODE)).contains(latest);
        assertThat(Pki.parsePem(Files.readString(ca.directory().resolve(CertificateAuthority.ISSUED_DIR)
                .resolve(Serials.format(latest.serial()) + ".pem")))).isEqualTo(newer.certificate());
    }

    @Test
    void rejectsAnythingButTenAsciiDigits() {
        CertificateAuthority ca = Pki.ca(tmp);

        for (String bad : new String[] {"131234567", "13123456789", "131234567X", "１３１２３４５６７８", ""}) {
            assertThatThrownBy(() -> ca.issueFacilityCertificate(bad, Pki.FACILITY_NAME))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ca.issued()).isEmpty();
    }
}
