package org.openoqs.terminal.central;


import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.util.List;
import java.util.Optional;

/**
 * The distribution service as the agent sees it ({@link HttpsDistributionServer} over mutual TLS; tests use
 * others). Every method but {@link #checkConnection()} throws {@link DistributionUnavailableException} (unreachable)
 * or {@link DistributionRefusedException} (refused) when the
 * service cannot be used.
 */
public interface DistributionServer {

    /** 配信サーバーへの接続確認; never throws. */
    ConnectionResult checkConnection();

    /** Registers this terminal (配信記録) or refreshes its record. */
    TerminalRegistration register(String computerName, String agentVersion);

    List<AvailablePackage> packages();

    /** Writes the package bytes to {@code target}. */
    void download(AvailablePackage available, Path target);

    /** The detached CMS signature; empty when the service has none (an unsigned package). */
    Optional<byte[]> signature(AvailablePackage available);

    void reportVersions(String computerName, List<ReportedVersion> installed);

    /** The CA's current CRL, to check the package signer; empty when the service publishes none. */
    Optional<X509CRL> crl();
}
