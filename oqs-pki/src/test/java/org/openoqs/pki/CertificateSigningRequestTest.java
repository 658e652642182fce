package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class CertificateSigningRequestTest {

    @Test
    void requestCarriesTheInstitutionCodeAndTheNewPublicKey() {
        KeyPair keys = CertificateSigningRequests.newKeyPair();
        byte[] der = CertificateSigningRequests.facilityRequest(keys, Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);

        CertificateSigningRequests.SigningRequest read = CertificateSigningRequests.read(der);

        assertThat(FacilityCertificates.institutionCodeOf(read.subject())).contains(Pki.INSTITUTION_CODE);
        assertThat(read.publicKey().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
    }

    @Test
    void pemRoundTripGivesTheSameBytes() {
        byte[] der = CertificateSigningRequests.facilityRequest(CertificateSigningRequests.newKeyPair(),
                Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        String pem = CertificateSigningRequests.toPem(der);

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(CertificateSigningRequests.fromPem("garbage before\n" + pem)).isEqualTo(der);
    }

    @Test
    void requestWithABrokenSelfSignatureIsRefused() {
        byte[] der = CertificateSigningRequests.facilityRequest(CertificateSigningRequests.newKeyPair(),
                Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        der[der.length - 5] ^= 0x01; // inside the signature value

        assertThatThrownBy(() -> CertificateSigningRequests.read(der))
                .isInstanceOf(InvalidSigningRequestException.class)
                .hasMessageContaining("署名");
    }

    @Test
    void bytesThatAreNoRequestAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> CertificateSigningRequests.read(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}))
                .isInstanceOf(InvalidSigningRequestException.class)
                .hasMessageContaining("PKCS#10");
        assertThatThrownBy(() -> CertificateSigningRequests.read(new byte[0]))
                .hasMessageContaining("空");
        assertThatThrownBy(() -> CertificateSigningRequests.fromPem("-----BEGIN CERTIFICATE-----"))
                .isInstanceOf(InvalidSigningRequestException.class);
    }
}
