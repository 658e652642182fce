package org.openoqs.server.eps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.eps.EpsFixture.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.pki.HealthcareRole;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.facility.EPrescriptionUse;

/** A prescription whose signature fails is refused with EPSD1001E and every reason in VerifyResultList. */
class PrescriptionSignatureRefusalTest {

    static final EpsFixture eps = new EpsFixture();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    static EpsFixture.Facility clinic;

    @BeforeAll
    static void setUp() {
        clinic = eps.facility('1', EPrescriptionUse.ELECTRONIC_ONLY);
    }

    private static List<String> reasons(XmlNode result) {
        return result.path("VerifyResultList").orElseThrow().children("FailureReasons").stream()
                .map(r -> r.text("MessageCode").orElseThrow()).toList();
    }

    @Test
    void aPharmacistsCertificateWithAnotherNameFailsForBothReasons() {
        IssuedCredential pharmacist = eps.hpki().issueSignatureCertificate("薬局　花子", HealthcareRole.PHARMACIST);
        XmlNode result = eps.call(clinic, EpsOperation.REGISTER, EpsFixture.register(
                EpsFixture.signed(pharmacist, EpsFixture.document(clinic.code(), "3001", TODAY)),
                PrescriptionIssueSelect.ELECTRONIC));
        assertThat(text(result, "ProcessingResultStatus")).isEqualTo("2");
        assertThat(text(result, "ProcessingResultCode")).isEqualTo("EPSD1001E");
        assertThat(text(result, "VerifyResultList", "Status")).isEqualTo("2");
        assertThat(reasons(result)).containsExactly("EPSD1105E", "EPSD1111E");
        assertThat(result.path("VerifyResultList", "FailureReasons", "MessageKey").orElseThrow().text())
                .isEqualTo("SIGNER_NOT_PRESCRIBER");
        assertThat(text(result, "PrescriptionId")).as("nothing registered").isNull();
    }

    @Test
    void anExpiredDoctorCertificateAndAFacilityCertificateAreRefused() {
        Instant now = Instant.now();
        IssuedCredential expired = eps.hpki().issueSignatureCertificate(EpsFixture.DOCTOR, HealthcareRole.MEDICAL_DOCTOR,
                now.minusSeconds(86_400 * 30), now.minusSeconds(86_400));
        assertThat(reasons(eps.call(clinic, EpsOperation.REGISTER, EpsFixture.register(
                EpsFixture.signed(expired, EpsFixture.document(clinic.code(), "3002", TODAY)),
                PrescriptionIssueSelect.ELECTRONIC)))).containsExactly("EPSD1106E");

        IssuedCredential tls = eps.shared.pki().issueFacility(clinic.code());
        assertThat(reasons(eps.call(clinic, EpsOperation.REGISTER, EpsFixture.register(
                EpsFixture.signed(tls, EpsFixture.document(clinic.code(), "3003", TODAY)),
                PrescriptionIssueSelect.ELECTRONIC)))).containsExactly("EPSD1104E", "EPSD1110E", "EPSD1105E", "EPSD1111E");
    }

    @Test
    void aRevokedDoctorCertificateIsRefused() {
        IssuedCredential revoked = eps.doctor();
        eps.hpki().revoke(revoked.certificate().getSerialNumber());
        assertThat(reasons(eps.call(clinic, EpsOperation.REGISTER, EpsFixture.register(
                EpsFixture.signed(revoked, EpsFixture.document(clinic.code(), "3004", TODAY)),
                PrescriptionIssueSelect.ELECTRONIC)))).containsExactly("EPSD1108E");
    }
}
