package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A card certificate is valid only inside its window, when not on a fresh CRL, and only from the individuals' CA. */
class UserCertificateVerifierTest {

    @TempDir
    Path dir;

    @Test
    void expiryRevocationForeignIssuerAndStaleCrlAreEachReported() throws Exception {
        IndividualCertificateAuthority ca = IndividualCertificateAuthority.initOrLoad(dir.resolve("ca"), "test", Clock.systemUTC());
        IndividualCertificateAuthority other = IndividualCertificateAuthority.initOrLoad(dir.resolve("other"), "other",
                Clock.systemUTC());
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = g.generateKeyPair();
        Instant now = Instant.now();
        X509Certificate valid = ca.issueUserCertificate(BigInteger.TEN, "P1", "MyNumberCard", key.getPublic(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(100)));
        X509Certificate expired = ca.issueUserCertificate(BigInteger.valueOf(11), "P2", "MyNumberCard", key.getPublic(),
                now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(1)));
        X509Certificate foreign = other.issueUserCertificate(BigInteger.valueOf(12), "P3", "MyNumberCard", key.getPublic(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(100)));
        X509CRL empty = ca.signCrl(Map.of(), BigInteger.ONE, now, now.plus(Duration.ofDays(1)));
        X509CRL listing = ca.signCrl(Map.of(BigInteger.TEN, now), BigInteger.TWO, now, now.plus(Duration.ofDays(1)));
        UserCertificateVerifier v = new UserCertificateVerifier(ca.caCertificate());
        assertThat(v.verify(valid, empty, now)).isEqualTo(UserCertificateStatus.VALID);
        assertThat(v.verify(expired, empty, now)).isEqualTo(UserCertificateStatus.EXPIRED);
        assertThat(v.verify(valid, listing, now)).isEqualTo(UserCertificateStatus.REVOKED);
        assertThat(v.verify(foreign, empty, now)).isEqualTo(UserCertificateStatus.NOT_ISSUED_BY_CA);
        assertThat(v.verify(valid, empty, now.plus(Duration.ofDays(2)))).isEqualTo(UserCertificateStatus.CRL_UNAVAILABLE);
        assertThat(v.verify(valid, other.signCrl(Map.of(), BigInteger.ONE, now, now.plus(Duration.ofDays(1))), now))
                .isEqualTo(UserCertificateStatus.CRL_UNAVAILABLE);
        assertThat(IndividualCertificateAuthority.initOrLoad(dir.resolve("ca"), "test", Clock.systemUTC()).caCertificate())
                .as("reloaded, not re-created").isEqualTo(ca.caCertificate());
    }
}
