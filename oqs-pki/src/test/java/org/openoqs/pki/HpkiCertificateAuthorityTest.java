package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HpkiCertificateAuthorityTest {

    @TempDir
    Path dir;

    @Test
    void issuesDoctorSignatureCertificatesWithRoleNameAndNonRepudiation() {
        HpkiCertificateAuthority ca = HpkiCertificateAuthority.initOrLoad(dir, "Test HPKI CA", Clock.systemUTC());
        IssuedCredential doctor = ca.issueSignatureCertificate("試験　一郎", HealthcareRole.MEDICAL_DOCTOR);

        assertThat(HpkiCertificates.roleOf(doctor.certificate())).contains(HealthcareRole.MEDICAL_DOCTOR);
        assertThat(HpkiCertificates.holderName(doctor.certificate())).contains("試験　一郎");
        assertThat(doctor.certificate().getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(doctor.certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(doctor.certificate().getIssuerX500Principal()).isEqualTo(ca.caCertificate().getSubjectX500Principal());
        assertThat(HpkiCertificates.roleOf(ca.issueSignatureCertificate("薬局　花子", HealthcareRole.PHARMACIST)
                .certificate())).contains(HealthcareRole.PHARMACIST);
    }

    @Test
    void reloadingKeepsTheSameCaAndRevocationsReachTheCrlFile() {
        HpkiCertificateAuthority first = HpkiCertificateAuthority.initOrLoad(dir, "Test HPKI CA", Clock.systemUTC());
        IssuedCredential doctor = first.issueSignatureCertificate("試験　一郎", HealthcareRole.MEDICAL_DOCTOR);
        first.revoke(doctor.certificate().getSerialNumber());

        HpkiCertificateAuthority again = HpkiCertificateAuthority.initOrLoad(dir, "ignored", Clock.systemUTC());
        assertThat(again.caCertificate()).isEqualTo(first.caCertificate());
        X509CRL fromFile = HpkiCertificateAuthority.readCrl(dir.resolve(HpkiCertificateAuthority.CRL_FILE),
                again.caCertificate());
        assertThat(fromFile).isNotNull();
        assertThat(fromFile.getRevokedCertificate(doctor.certificate().getSerialNumber())).isNotNull();
        assertThat(again.currentCrl().getRevokedCertificate(doctor.certificate().getSerialNumber())).isNotNull();
    }

    @Test
    void aCrlSignedByAnotherCaIsNotRead(@TempDir Path other) {
        HpkiCertificateAuthority ca = HpkiCertificateAuthority.initOrLoad(dir, "Test HPKI CA", Clock.systemUTC());
        HpkiCertificateAuthority stranger = HpkiCertificateAuthority.initOrLoad(other, "Other", Clock.systemUTC());
        assertThat(HpkiCertificateAuthority.readCrl(other.resolve(HpkiCertificateAuthority.CRL_FILE),
                ca.caCertificate())).isNull();
        assertThat(HpkiCertificateAuthority.readCrl(other.resolve(HpkiCertificateAuthority.CRL_FILE),
                stranger.caCertificate())).isNotNull();
    }
}
