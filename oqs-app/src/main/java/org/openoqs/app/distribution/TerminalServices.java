package org.openoqs.app.distribution;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import org.openoqs.app.OqsVersion;
import org.openoqs.pki.ReloadableClientTls;
import org.openoqs.pki.TrustStores;
import org.openoqs.terminal.certificate.CertificateExpiryWarner;
import org.openoqs.terminal.certificate.CertificateMaintenance;
import org.openoqs.terminal.certificate.CertificateRenewalClient;
import org.openoqs.terminal.distribution.DistributionAgent;
import org.openoqs.terminal.distribution.DistributionHome;
import org.openoqs.terminal.distribution.HttpsDistributionServer;
import org.openoqs.terminal.distribution.InstalledComponents;
import org.openoqs.terminal.distribution.PackageInstaller;
import org.openoqs.terminal.distribution.ProxySettings;
import org.openoqs.terminal.doctor.TerminalSetup;

/**
 * The terminal-side objects of the distribution app and the renewal client, built from one terminal set-up, sharing
 * one reloadable TLS context (a renewal switches every one of them).
 */
public final class TerminalServices {
    /** How often the agent registers, looks for updates and checks the certificate. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(60);

    private final TerminalSetup setup;
    private final ReloadableClientTls tls;
    private final X509Certificate trustAnchor;
    private final ProxySettings proxy;
    private final DistributionHome home;
    private final InstalledComponents components;
    private final HttpsDistributionServer server;

    private TerminalServices(TerminalSetup setup) {
        this.setup = setup;
        this.tls = ReloadableClientTls.open(setup.clientPkcs12(), setup.clientPassword(), setup.trustPkcs12(),
                setup.trustPassword());
        this.trustAnchor = firstCertificate(setup);
        this.proxy = setup.proxyServer().map(s -> ProxySettings.parse(s, setup.proxyBypass().orElse(null))).orElse(null);
        this.home = DistributionHome.of(setup.terminalHome());
        this.components = new InstalledComponents(home, setup.clock());
        this.server = new HttpsDistributionServer(setup.serviceUri(), tls.sslContext(), proxy, Duration.ofSeconds(30));
    }

    /**
     * @throws org.openoqs.pki.KeyStoreLoadException the certificate or trust store cannot be opened
     * @throws IllegalArgumentException a malformed proxy setting
     */
    public static TerminalServices of(TerminalSetup setup) {
        return new TerminalServices(setup);
    }

    public ReloadableClientTls tls() {
        return tls;
    }

    public HttpsDistributionServer server() {
        return server;
    }

    public InstalledComponents components() {
        return components;
    }

    public DistributionHome home() {
        return home;
    }

    public PackageInstaller installer() {
        return new PackageInstaller(components, home, trustAnchor, setup.clock());
    }

    public CertificateRenewalClient renewalClient() {
        return new CertificateRenewalClient(setup.serviceUri(), tls, setup.clientPassword(), trustAnchor, proxy,
                Duration.ofSeconds(30));
    }

    public CertificateExpiryWarner expiryWarner() {
        return new CertificateExpiryWarner(setup.terminalHome(), tls::currentCertificate, setup.clock());
    }

    /** @param autoRenewDays 0: never renew automatically */
    public DistributionAgent agent(Duration interval, int autoRenewDays) {
        CertificateMaintenance maintenance = new CertificateMaintenance(expiryWarner(),
                autoRenewDays > 0 ? renewalClient() : null, autoRenewDays);
        return new DistributionAgent(server, installer(), components, home, setup.computerName(), agentVersion(),
                interval, setup.clock(), maintenance);
    }

    public String computerName() {
        return setup.computerName();
    }

    public static String agentVersion() {
        String version = OqsVersion.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-dev" : version;
    }

    private static X509Certificate firstCertificate(TerminalSetup setup) {
        var store = TrustStores.loadPkcs12(setup.trustPkcs12(), setup.trustPassword());
        try {
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate cert) {
                    return cert;
                }
            }
        } catch (java.security.KeyStoreException e) {
            throw new IllegalArgumentException("信頼する認証局の証明書 " + setup.trustPkcs12() + " を読み取れません", e);
        }
        throw new IllegalArgumentException(setup.trustPkcs12() + " に認証局の証明書がありません");
    }
}
