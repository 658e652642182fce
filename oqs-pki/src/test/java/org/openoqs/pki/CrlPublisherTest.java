package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a CA's CRL: what it lists, where it goes, and when it must be signed again. */
class CrlPublisherTest {
    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    @TempDir
    Path tmp;
    private CaKey issuer;

    @BeforeEach
    void createIssuer() throws Exception {
        issuer = CaKey.createOrLoad(tmp.resolve("ca"), new X500Name("C=JP,O=openoqs,CN=CRL Test CA"), null,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aPublishedCrlIsSignedByTheCaListsTheRevocationsAndIsInPlace() throws Exception {
        CrlPublisher publisher = new CrlPublisher(tmp.resolve("ca"), issuer, Clock.fixed(NOW, ZoneOffset.UTC));
        BigInteger revoked = BigInteger.valueOf(0x1234);

        publisher.publish(BigInteger.valueOf(7),
                List.of(new CrlPublisher.Revocation(revoked, NOW.minusSeconds(60), "superseded")));

        X509CRL onDisk = Pki.parsePemCrl(Files.readString(tmp.resolve("ca").resolve(CrlPublisher.CRL_FILE)));
        onDisk.verify(issuer.certificate().getPublicKey());
        assertThat(onDisk.getRevokedCertificate(revoked)).isNotNull();
        assertThat(onDisk.getRevokedCertificate(revoked).getRevocationReason()).hasToString("SUPERSEDED");
        assertThat(onDisk.getThisUpdate().toInstant()).isEqualTo(NOW);
        assertThat(onDisk.getNextUpdate().toInstant()).isEqualTo(NOW.plus(CrlPublisher.CRL_VALIDITY));
        assertThat(publisher.current()).isEqualTo(onDisk);
    }

    @Test
    void aFreeTextReasonLeavesTheEntryWithoutAReasonCode() throws Exception {
        CrlPublisher publisher = new CrlPublisher(tmp.resolve("ca"), issuer, Clock.fixed(NOW, ZoneOffset.UTC));

        X509CRL crl = publisher.publish(BigInteger.ONE,
                List.of(new CrlPublisher.Revocation(BigInteger.TEN, NOW, "施設廃止のため")));

        assertThat(crl.getRevokedCertificate(BigInteger.TEN).getRevocationReason()).isNull();
    }

    @Test
    void aMissingCrlIsStale() {
        CrlPublisher publisher = new CrlPublisher(tmp.resolve("ca"), issuer, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(publisher.current()).isNull();
        assertThat(publisher.isStale(Set.of())).isTrue();
    }

    @Test
    void aFreshCrlListingExactlyTheRevocationsIsNotStale() throws Exception {
        CrlPublisher publisher = new CrlPublisher(tmp.resolve("ca"), issuer, Clock.fixed(NOW, ZoneOffset.UTC));
        publisher.publish(BigInteger.ONE, List.of(new CrlPublisher.Revocation(BigInteger.TEN, NOW, "keyCompromise")));

        assertThat(publisher.isStale(Set.of(BigInteger.TEN))).isFalse();
        assertThat(publisher.isStale(Set.of(BigInteger.TEN, BigInteger.TWO)))
                .as("a revocation the CRL misses (a crash between index and CRL)").isTrue();
        assertThat(publisher.isStale(Set.of())).as("an entry the record no longer has").isTrue();
    }

    @Test
    void aCrlADayBeforeItsNextUpdateIsStale() throws Exception {
        new CrlPublisher(tmp.resolve("ca"), issuer, Clock.fixed(NOW, ZoneOffset.UTC)).publish(BigInteger.ONE, List.of());
        Instant sixDaysLater = NOW.plus(CrlPublisher.CRL_VALIDITY).minus(CrlPublisher.REFRESH_MARGIN);
        Instant justBefore = sixDaysLater.minusSeconds(1);

        assertThat(new CrlPublisher(tmp.resolve("ca"), issuer, Clock.fixed(justBefore, ZoneOffset.UTC))
                .isStale(Set.of())).isFalse();
        assertThat(new CrlPublisher(tmp.resolve("ca"), issuer, Clock.fixed(sixDaysLater, ZoneOffset.UTC))
                .isStale(Set.of())).isTrue();
    }

    @Test
    void aCrlOfAnotherCaIsTreatedAsNoCrl() throws Exception {
        CaKey stranger = CaKey.createOrLoad(tmp.resolve("other"), new X500Name("C=JP,O=openoqs,CN=Stranger"), null,
                Clock.fixed(NOW, ZoneOffset.UTC));
        new CrlPublisher(tmp.resolve("other"), stranger, Clock.fixed(NOW, ZoneOffset.UTC)).publish(BigInteger.ONE, List.of());
        Files.copy(tmp.resolve("other").resolve(CrlPublisher.CRL_FILE), tmp.resolve("ca").resolve(CrlPublisher.CRL_FILE));

        CrlPublisher publisher = new CrlPublisher(tmp.resolve("ca"), issuer, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(publisher.current()).isNull();
        assertThat(publisher.isStale(Set.of())).isTrue();
        assertThat(CrlPublisher.read(tmp.resolve("ca").resolve(CrlPublisher.CRL_FILE), issuer.certificate())).isNull();
    }

    @Test
    void aCrlReplacedByAnotherProcessIsReadAgain() throws Exception {
        CrlPublisher reader = new CrlPublisher(tmp.resolve("ca"), issuer, Clock.fixed(NOW, ZoneOffset.UTC));
        CrlPublisher writer = new CrlPublisher(tmp.resolve("ca"), issuer, Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC));
        writer.publish(BigInteger.ONE, List.of());
        assertThat(reader.current().getRevokedCertificates()).isNull();

        writer.publish(BigInteger.TWO, List.of(new CrlPublisher.Revocation(BigInteger.TEN, NOW, "superseded")));

        assertThat(reader.current().getRevokedCertificate(BigInteger.TEN)).isNotNull();
    }
}
