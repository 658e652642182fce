package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate in front of every registered prescription: the doctor's CMS signature and HPKI-style certificate. */
class PrescriptionSignatureTest {

    static final byte[] DOCUMENT = "<PrescriptionDocument><Dose>3</Dose></PrescriptionDocument>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static HpkiCertificateAuthority ca;
    static PrescriptionSignatureVerifier verifier;
    static IssuedCredential doctor;

    @BeforeAll
    static void setUp() {
        ca = HpkiCertificateAuthority.initOrLoad(dir.resolve("hpki"), "Test HPKI CA", Clock.systemUTC());
        verifier = new PrescriptionSignatureVerifier(ca.caCertificate(), ca::currentCrl);
        doctor = ca.issueSignatureCertificate("試験　一郎", HealthcareRole.MEDICAL_DOCTOR);
    }

    @Test
    void aDoctorsSignatureIsValidAndCarriesTheDocument() {
        PrescriptionSignatureCheck check = verifier.verify(PrescriptionSigner.of(doctor).sign(DOCUMENT), Instant.now());
        assertThat(check.valid()).isTrue();
        assertThat(check.failures()).isEmpty();
        assertThat(check.content()).hasValueSatisfying(c -> assertThat(c).isEqualTo(DOCUMENT));
        assertThat(check.signId()).isEqualTo("Test HPKI CA:" + doctor.certificate().getSerialNumber().toString(16));
    }

    @Test
    void aDentistMaySignToo() {
        IssuedCredential dentist = ca.issueSignatureCertificate("歯科　次郎", HealthcareRole.DENTIST);
        assertThat(verifier.verify(PrescriptionSigner.of(dentist).sign(DOCUMENT), Instant.now()).valid()).isTrue();
    }

    @Test
    void changedContentIsReportedAsTampered() {
        byte[] signed = PrescriptionSigner.of(doctor).sign(DOCUMENT);
        byte[] tampered = replaceOnce(signed, "<Dose>3<", "<Dose>9<");
        PrescriptionSignatureCheck check = verifier.verify(tampered, Instant.now());
        assertThat(check.readable()).isTrue();
        assertThat(check.failures()).containsExactly(PrescriptionSignatureFailure.CONTENT_TAMPERED);
    }

    @Test
    void aPharmacistCannotSignAPrescription() {
        IssuedCredential pharmacist = ca.issueSignatureCertificate("薬局　花子", HealthcareRole.PHARMACIST);
        assertThat(verifier.verify(PrescriptionSigner.of(pharmacist).sign(DOCUMENT), Instant.now()).failures())
                .containsExactly(PrescriptionSignatureFailure.SIGNER_NOT_PRESCRIBER);
    }

    @Test
    void expiredAndNotYetValidCertificatesAreRefused() {
        Instant now = Instant.now();
        IssuedCredential old = ca.issueSignatureCertificate("試験　古", HealthcareRole.MEDICAL_DOCTOR,
                now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));
        IssuedCredential future = ca.issueSignatureCertificate("試験　新", HealthcareRole.MEDICAL_DOCTOR,
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(400)));
        assertThat(verifier.verify(PrescriptionSigner.of(old).sign(DOCUMENT), now).failures())
                .containsExactly(PrescriptionSignatureFailure.SIGNER_EXPIRED);
        assertThat(verifier.verify(PrescriptionSigner.of(future).sign(DOCUMENT), now).failures())
                .containsExactly(PrescriptionSignatureFailure.SIGNER_NOT_YET_VALID);
    }

    @Test
    void aRevokedCertificateIsRefusedAndAMissingCrlFailsClosed() {
        IssuedCredential revoked = ca.issueSignatureCertificate("試験　失効", HealthcareRole.MEDICAL_DOCTOR);
        ca.revoke(revoked.certificate().getSerialNumber());
        byte[] signed = PrescriptionSigner.of(revoked).sign(DOCUMENT);
        assertThat(verifier.verify(signed, Instant.now()).failures())
                .containsExactly(PrescriptionSignatureFailure.SIGNER_REVOKED);

        PrescriptionSignatureVerifier noCrl = new PrescriptionSignatureVerifier(ca.caCertificate(), () -> null);
        assertThat(noCrl.verify(PrescriptionSigner.of(doctor).sign(DOCUMENT), Instant.now()).failures())
                .containsExactly(PrescriptionSignatureFailure.REVOCATION_UNKNOWN);
    }

    @Test
    void aFacilityTlsCertificateFailsEveryHpkiRuleAtOnce() {
        CertificateAuthority facilityCa = CertificateAuthority.initOrLoad(dir.resolve("facility-ca"), "Facility CA");
        IssuedCredential facility = facilityCa.issueFacilityCertificate("0113810014", "テスト診療所");
        assertThat(verifier.verify(PrescriptionSigner.of(facility).sign(DOCUMENT), Instant.now()).failures())
                .containsExactly(PrescriptionSignatureFailure.SIGNER_UNTRUSTED,
                        PrescriptionSignatureFailure.NOT_FOR_SIGNING, PrescriptionSignatureFailure.SIGNER_NOT_PRESCRIBER);
    }

    @Test
    void aDoctorOfAnotherHpkiCaIsUntrusted() {
        HpkiCertificateAuthority other = HpkiCertificateAuthority.initOrLoad(dir.resolve("other"), "Other HPKI",
                Clock.systemUTC());
        IssuedCredential stranger = other.issueSignatureCertificate("試験　一郎", HealthcareRole.MEDICAL_DOCTOR);
        assertThat(verifier.verify(PrescriptionSigner.of(stranger).sign(DOCUMENT), Instant.now()).failures())
                .containsExactly(PrescriptionSignatureFailure.SIGNER_UNTRUSTED);
    }

    @Test
    void bytesThatAreNoSignedDataAreUnreadable() {
        assertThat(verifier.verify(DOCUMENT, Instant.now()).readable()).isFalse();
        assertThat(verifier.verify(new byte[0], Instant.now()).readable()).isFalse();
        assertThat(verifier.verify(new byte[] {0x30, (byte) 0x82, 0x7f}, Instant.now()).readable()).isFalse();
    }

    private static byte[] replaceOnce(byte[] haystack, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                byte[] out = haystack.clone();
                byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
                System.arraycopy(replacement, 0, out, i, replacement.length);
                return out;
            }
        }
        throw new AssertionError("content not found in the SignedData");
    }
}
