package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevocationTest {
    @TempDir
    Path tmp;

    @Test
    void revokedSerialIsOnTheSignedCrlAndSurvivesReload() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        X509Certificate revoked = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME).certificate();
        X509Certificate kept = ca.issueFacilityCertificate("2712345670", "別の医院").certificate();

        ca.revoke(revoked.getSerialNumber(), "keyCompromise");

        X509CRL crl = ca.currentCrl();
        crl.verify(ca.caCertificate().getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.caCertificate().getSubjectX500Principal());
        assertThat(crl.isRevoked(revoked)).isTrue();
        assertThat(crl.isRevoked(kept)).isFalse();
        assertThat(crl.getRevokedCertificate(revoked).getRevocationReason()).hasToString("KEY_COMPROMISE");
        assertThat(Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant()))
                .isEqualTo(CertificateAuthority.CRL_VALIDITY);
        assertThat(ca.isRevoked(revoked.getSerialNumber())).isTrue();
        assertThat(ca.isRevoked(kept.getSerialNumber())).isFalse();

        CertificateAuthority reloaded = Pki.ca(tmp);
        assertThat(reloaded.isRevoked(revoked.getSerialNumber())).isTrue();
        assertThat(reloaded.currentCrl().isRevoked(revoked)).isTrue();
        assertThat(reloaded.currentCrl().getEncoded()).isEqualTo(crl.getEncoded());
        IssuedCertificateRecord record = reloaded.latestFor(Pki.INSTITUTION_CODE).orElseThrow();
        assertThat(record.revoked()).isTrue();
        assertThat(record.revocationReason()).isEqualTo("keyCompromise");
        assertThat(Pki.parsePemCrl(Files.readString(ca.crlFile())).getEncoded()).isEqualTo(crl.getEncoded());
    }

    @Test
    void jdkPkixRevocationCheckingAcceptsTheCrl() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        X509Certificate revoked = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME).certificate();
        X509Certificate kept = ca.issueFacilityCertificate("2712345670", "別の医院").certificate();
        ca.revoke(revoked.getSerialNumber(), "superseded");

        pkixWithCrl(kept, ca);
        assertThatThrownBy(() -> pkixWithCrl(revoked, ca))
                .isInstanceOfSatisfying(CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
    }

    @Test
    void revokingTwiceKeepsTheFirstReasonAndFreeTextReasonsRoundTrip() {
        CertificateAuthority ca = Pki.ca(tmp);
        BigInteger serial = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME).certificate()
                .getSerialNumber();

        ca.revoke(serial, "端末紛失\tタブ\n改行 \\ 付き");
        ca.revoke(serial, "superseded");

        IssuedCertificateRecord record = Pki.ca(tmp).issued().get(0);
        assertThat(record.revocationReason()).isEqualTo("端末紛失\tタブ\n改行 \\ 付き");
        assertThat(ca.currentCrl().getRevokedCertificate(serial).getRevocationReason()).isNull();
    }

    @Test
    void unknownSerialCannotBeRevoked() {
        CertificateAuthority ca = Pki.ca(tmp);

        assertThatThrownBy(() -> ca.revoke(BigInteger.valueOf(42), "keyCompromise"))
                .isInstanceOf(UnknownCertificateException.class)
                .hasMessageContaining("2A");
        assertThat(ca.currentCrl().getRevokedCertificates()).isNull();
    }

    @Test
    void revocationByAnotherInstanceIsSeenWithoutReload() {
        CertificateAuthority server = Pki.ca(tmp);
        CertificateAuthority cli = Pki.ca(tmp);
        BigInteger serial = cli.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME).certificate()
                .getSerialNumber();
        assertThat(server.issued()).hasSize(1);

        cli.revoke(serial, "cessationOfOperation");

        assertThat(server.isRevoked(serial)).isTrue();
        assertThat(server.currentCrl().getRevokedCertificate(serial)).isNotNull();
    }

    @Test
    void crlIsReSignedWhenItNearsNextUpdate() {
        Path dir = tmp.resolve("ca");
        Instant start = Instant.parse("2026-04-01T00:00:00Z");
        CertificateAuthority ca = CertificateAuthority.initOrLoad(dir, "Clock CA", null, Clock.fixed(start, ZoneOffset.UTC));
        X509CRL first = ca.currentCrl();

        Instant later = start.plus(Duration.ofDays(6).plusHours(1));
        X509CRL loaded = CertificateAuthority.initOrLoad(dir, "Clock CA", null, Clock.fixed(later, ZoneOffset.UTC))
                .currentCrl();

        assertThat(first.getThisUpdate().toInstant()).isEqualTo(start);
        assertThat(loaded.getThisUpdate().toInstant()).isEqualTo(later);
        assertThat(loaded.getNextUpdate().toInstant()).isEqualTo(later.plus(CertificateAuthority.CRL_VALIDITY));
    }

    private static void pkixWithCrl(X509Certificate leaf, CertificateAuthority ca) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca.caCertificate(), null)));
        params.setRevocationEnabled(true);
        params.addCertStore(CertStore.getInstance("Collection",
                new CollectionCertStoreParameters(List.of(ca.currentCrl()))));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), params);
    }
}
