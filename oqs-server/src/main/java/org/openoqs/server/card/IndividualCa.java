package org.openoqs.server.card;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.openoqs.pki.IndividualCertificateAuthority;
import org.openoqs.pki.UserCertificateStatus;
import org.openoqs.pki.UserCertificateVerifier;
import org.openoqs.server.ServerConfig;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service's individuals' CA (J-LIS role) with its CRL. The CRL is built from the revocations in the database,
 * so several service instances agree on it; it is re-signed when the set of revoked serials changes or a day
 * before its nextUpdate, each time with the next number from {@code individual_crl_meta}.
 */
@Component
public class IndividualCa {

    static final Duration CRL_VALIDITY = Duration.ofDays(2);
    private static final Duration CRL_REFRESH_MARGIN = Duration.ofDays(1);

    private final IndividualCertificateAuthority ca;
    private final UserCertificateVerifier verifier;
    private final CardCredentialStore credentials;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile CachedCrl cached;

    public IndividualCa(ServerConfig config, CardCredentialStore credentials, JdbcClient jdbc, Clock clock) {
        this.ca = IndividualCertificateAuthority.initOrLoad(config.home().resolve("individual-ca"),
                "openoqs Test JPKI CA for individuals", clock);
        this.verifier = new UserCertificateVerifier(ca.caCertificate());
        this.credentials = credentials;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public IndividualCertificateAuthority authority() {
        return ca;
    }

    public X509Certificate caCertificate() {
        return ca.caCertificate();
    }

    /** Chain, validity at {@code now}, and revocation against the current CRL. */
    public UserCertificateStatus verify(X509Certificate certificate, Instant now) {
        return verifier.verify(certificate, currentCrl(), now);
    }

    /** The CRL matching the database's revocations, re-signed when needed. */
    public synchronized X509CRL currentCrl() {
        Map<BigInteger, Instant> revoked = credentials.revoked();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        CachedCrl c = cached;
        if (c != null && c.revoked().equals(revoked.keySet())
                && now.plus(CRL_REFRESH_MARGIN).isBefore(c.crl().getNextUpdate().toInstant())) {
            return c.crl();
        }
        long number = jdbc.sql("select next_crl_number from individual_crl_meta where id = 1 for update")
                .query(Long.class).single();
        jdbc.sql("update individual_crl_meta set next_crl_number = ? where id = 1").param(number + 1).update();
        X509CRL crl = ca.signCrl(revoked, BigInteger.valueOf(number), now, now.plus(CRL_VALIDITY));
        cached = new CachedCrl(crl, Map.copyOf(revoked).keySet());
        return crl;
    }

    private record CachedCrl(X509CRL crl, java.util.Set<BigInteger> revoked) {
    }
}
