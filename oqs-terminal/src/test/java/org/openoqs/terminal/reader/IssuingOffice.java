package org.openoqs.terminal.reader;

import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PinResetStatement;
import org.openoqs.pki.IndividualCertificateAuthority;

/**
 * The card's issuer for the simulator's tests: the project's real individuals' CA in a temporary folder certifies
 * the key the chip generated and signs PIN resets, as the issuing office does in the demo.
 */
final class IssuingOffice implements CardIssuer {
    private final IndividualCertificateAuthority ca;
    private final boolean issueLocked;

    private IssuingOffice(IndividualCertificateAuthority ca, boolean issueLocked) {
        this.ca = ca;
        this.issueLocked = issueLocked;
    }

    static IssuingOffice in(Path dir) {
        return new IssuingOffice(IndividualCertificateAuthority.initOrLoad(dir, "openoqs reader test JPKI",
                Clock.systemUTC()), false);
    }

    /** The same office, issuing cards whose PIN is registered locked. */
    IssuingOffice issuingLockedCards() {
        return new IssuingOffice(ca, true);
    }

    X509Certificate caCertificate() {
        return ca.caCertificate();
    }

    @Override
    public Issued certify(String cardId, CredentialKind kind, byte[] publicKeyDer) {
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKeyDer));
            Instant now = Instant.now();
            X509Certificate cert = ca.issueUserCertificate(IndividualCertificateAuthority.newSerial(), cardId,
                    "MyNumberCard", key, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)));
            return new Issued(IndividualCertificateAuthority.pem(cert), IndividualCertificateAuthority.pem(
                    ca.caCertificate()), issueLocked, 0);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The office's signature over a PIN reset of {@code generation}. */
    byte[] pinReset(String cardId, long generation) {
        return ca.signStatement(new PinResetStatement(cardId, generation).signingInput());
    }
}
