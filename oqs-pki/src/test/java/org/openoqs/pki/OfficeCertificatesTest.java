package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issuing office's certificate: what marks it, and that neither a facility nor a look-alike passes for it. */
class OfficeCertificatesTest {

    private static final String CODE = "990019"; // synthetic: prefecture 99 does not exist

    @TempDir
    Path tmp;

    @Test
    void issuedOfficeCertificateNamesItsOfficeAndIsNoFacility() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        X509Certificate cert = ca.issueOfficeCertificate(CODE, "オープン市, 交付窓口").certificate();

        assertThat(OfficeCertificates.officeOf(cert)).contains(
                new OfficeCertificates.IssuingOffice(CODE, "オープン市, 交付窓口"));
        assertThat(OfficeCertificates.officeOf(cert).orElseThrow().commonName()).isEqualTo("OFFICE-990019");
        assertThat(FacilityCertificates.institutionCodeOf(cert)).isEmpty();
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        // a client certificate of our CA like any other: the per-request check and PKIX accept it
        assertThat(CertificateChecker.forAuthority(ca).check(new X509Certificate[] {cert}).ok()).isTrue();
        Pki.validate(cert, ca.caCertificate());
        IssuedCertificateRecord record = ca.issued().get(ca.issued().size() - 1);
        assertThat(record.kind()).isEqualTo(CertificateKind.ISSUING_OFFICE);
        assertThat(record.institutionCode()).isEmpty();
    }

    @Test
    void facilityAndServerCertificatesAreNoOffice() {
        CertificateAuthority ca = Pki.ca(tmp);
        assertThat(OfficeCertificates.officeOf(ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME)
                .certificate())).isEmpty();
        assertThat(OfficeCertificates.officeOf(ca.issueServerCertificate("localhost").certificate())).isEmpty();
    }

    @Test
    void theOfficeSubjectWithoutThePolicyIsNoOffice() throws Exception {
        assertThat(OfficeCertificates.officeOf(signed(CertificateKind.FACILITY, OfficeCertificates.subject(CODE, "窓口"))))
                .as("subject only").isEmpty();
    }

    @Test
    void thePolicyWithAnotherSubjectIsNoOffice() throws Exception {
        for (String dn : new String[] {
                "C=JP, O=窓口, OU=Issuing Office, CN=OFFICE-990018", // check digit
                "C=JP, O=窓口, OU=Issuing Office, CN=OFFICE-９９００１９", // full-width digits
                "C=JP, O=窓口, CN=OFFICE-990019", // no OU
                "C=JP, O=窓口, OU=Facility, CN=OFFICE-990019",
                "C=JP, O=窓口, OU=Issuing Office, CN=0113810014", // a facility's CN
                "C=JP, O=窓口, OU=Issuing Office, CN=OFFICE-990019, CN=OFFICE-131016"}) {
            assertThat(OfficeCertificates.officeOf(signed(CertificateKind.ISSUING_OFFICE, new X500Name(dn))))
                    .as(dn).isEmpty();
        }
        assertThat(OfficeCertificates.officeOf(signed(CertificateKind.ISSUING_OFFICE,
                new X500Name("C=JP, O=窓口, OU=Issuing Office, CN=OFFICE-990019")))).isPresent();
    }

    @Test
    void localGovernmentCodeCarriesItsCheckDigit() {
        assertThat(OfficeCertificates.isLocalGovernmentCode("131016")).as("千代田区").isTrue();
        assertThat(OfficeCertificates.isLocalGovernmentCode("011002")).as("札幌市").isTrue();
        assertThat(OfficeCertificates.isLocalGovernmentCode(CODE)).isTrue();
        for (String bad : new String[] {"131017", "13101", "1310160", "１３１０１６", "", null}) {
            assertThat(OfficeCertificates.isLocalGovernmentCode(bad)).as(bad).isFalse();
        }
        CertificateAuthority ca = Pki.ca(tmp);
        assertThatThrownBy(() -> ca.issueOfficeCertificate("131017", "窓口"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ca.issueOfficeCertificate(CODE, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A certificate from a throwaway CA, so a test can write any subject with or without the office policy. */
    private static X509Certificate signed(CertificateKind kind, X500Name subject) throws Exception {
        KeyPair caKeys = X509Signing.newKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate caCert = X509Signing.selfSignedCa(caKeys, new X500Name("CN=throwaway CA"), BigInteger.ONE,
                now.minusSeconds(60), now.plusSeconds(3600));
        return X509Signing.endEntity(new CaKey(caKeys.getPrivate(), caCert), BigInteger.TWO, subject,
                X509Signing.newKeyPair().getPublic(), now.minusSeconds(60), now.plusSeconds(3600), kind, null);
    }
}
