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

/** The operator's certificate: what marks it, and that no facility, office or look-alike passes for it. */
class OperatorCertificatesTest {

    @TempDir
    Path tmp;

    @Test
    void issuedOperatorCertificateNamesItsOperatorAndIsNoFacilityNorOffice() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        X509Certificate cert = ca.issueOperatorCertificate("ops-001").certificate();

        assertThat(OperatorCertificates.operatorOf(cert)).contains(new OperatorCertificates.Operator("ops-001"));
        assertThat(OperatorCertificates.operatorOf(cert).orElseThrow().commonName()).isEqualTo("OPERATOR-ops-001");
        assertThat(FacilityCertificates.institutionCodeOf(cert)).isEmpty();
        assertThat(OfficeCertificates.officeOf(cert)).isEmpty();
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(CertificateChecker.forAuthority(ca).check(new X509Certificate[] {cert}).ok()).isTrue();
        Pki.validate(cert, ca.caCertificate());
        assertThat(ca.issued().get(ca.issued().size() - 1).kind()).isEqualTo(CertificateKind.OPERATOR);
    }

    @Test
    void facilityOfficeAndServerCertificatesAreNoOperator() {
        CertificateAuthority ca = Pki.ca(tmp);
        assertThat(OperatorCertificates.operatorOf(ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME)
                .certificate())).isEmpty();
        assertThat(OperatorCertificates.operatorOf(ca.issueOfficeCertificate("990019", "窓口").certificate())).isEmpty();
        assertThat(OperatorCertificates.operatorOf(ca.issueServerCertificate("localhost").certificate())).isEmpty();
    }

    @Test
    void theOperatorSubjectWithoutItsPolicyIsNoOperator() throws Exception {
        X500Name subject = OperatorCertificates.subject("ops-001");
        assertThat(OperatorCertificates.operatorOf(signed(CertificateKind.FACILITY, subject))).isEmpty();
        assertThat(OperatorCertificates.operatorOf(signed(CertificateKind.ISSUING_OFFICE, subject)))
                .as("the office's policy is not the operator's").isEmpty();
        assertThat(OperatorCertificates.operatorOf(signed(CertificateKind.OPERATOR, subject))).isPresent();
    }

    @Test
    void thePolicyWithAnotherSubjectIsNoOperator() throws Exception {
        for (String dn : new String[] {
                "C=JP, O=openoqs operator, CN=OPERATOR-ops", // no OU
                "C=JP, O=openoqs operator, OU=Issuing Office, CN=OPERATOR-ops",
                "C=JP, O=openoqs operator, OU=Central Service Operator, CN=OFFICE-990019",
                "C=JP, O=openoqs operator, OU=Central Service Operator, CN=0113810014",
                "C=JP, O=openoqs operator, OU=Central Service Operator, CN=OPERATOR-",
                "C=JP, O=openoqs operator, OU=Central Service Operator, CN=OPERATOR-運用者",
                "C=JP, O=openoqs operator, OU=Central Service Operator, CN=OPERATOR-a, CN=OPERATOR-b"}) {
            assertThat(OperatorCertificates.operatorOf(signed(CertificateKind.OPERATOR, new X500Name(dn)))).as(dn).isEmpty();
        }
    }

    @Test
    void operatorNamesAreShortAscii() {
        CertificateAuthority ca = Pki.ca(tmp);
        for (String bad : new String[] {"", " ", "運用者", "a b", "x".repeat(33), null}) {
            assertThat(OperatorCertificates.isOperatorName(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> ca.issueOperatorCertificate("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    private static X509Certificate signed(CertificateKind kind, X500Name subject) throws Exception {
        KeyPair caKeys = X509Signing.newKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate caCert = X509Signing.selfSignedCa(caKeys, new X500Name("CN=throwaway CA"), BigInteger.ONE,
                now.minusSeconds(60), now.plusSeconds(3600));
        return X509Signing.endEntity(new CaKey(caKeys.getPrivate(), caCert), BigInteger.TWO, subject,
                X509Signing.newKeyPair().getPublic(), now.minusSeconds(60), now.plusSeconds(3600), kind, null);
    }
}
