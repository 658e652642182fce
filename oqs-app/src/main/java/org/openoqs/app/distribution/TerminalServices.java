package org.openoqs.app.distribution;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import org.openoqs.pki.ReloadableClientTls;
import org.openoqs.pki.TrustStores;
import org.openoqs.terminal.certificate.CertificateExpiryWarner;
import org.openoqs.terminal.certificate.CertificateMaintenance;
import org.openoqs.terminal.certificate.CertificateRenewalClient;
import org.openoqs.terminal.distribution.DistributionAgent;
import org.openoqs.terminal.distribution.DistributionHome;
import org.openoqs.terminal.central.CentralServiceHttp;
import org.openoqs.terminal.central.CentralServiceSessions;
import org.openoqs.terminal.central.CertificateRenewalService;
import org.openoqs.terminal.central.DistributionServer;
import org.openoqs.terminal.central.HttpsCertificateRenewalService;
import org.openoqs.terminal.central.HttpsDistributionServer;
import org.openoqs.terminal.linkage.LinkageSettings;
import org.openoqs.terminal.distribution.InstalledComponents;
import org.openoqs.terminal.distribution.PackageInstaller;
import org.openoqs.terminal.central.ProxySettings;
import org.openoqs.terminal.doctor.TerminalSetup;

/**
 * The terminal-side objects of the distribution app and the renewal client, built from one terminal set-up, sharing
 * one reloadable TLS context (a renewal switches every one of them) and one transport to the service with the
 * set-up's proxy. Both ports go through {@link CentralServiceSessions}: the terminal's own when the agent runs in the
 * terminal's process (the demo: its calls then count against the terminal's limit and an outage shows in the
 * terminal's {@code work/health.json}), a set of their own otherwise ({@code oqs distribution run}, a process of its
 * own as the seed's 配信アプリ is a service of its own: the same limit, the outage logged).
 */
public final class TerminalServices {
    /** How often the agent registers, looks for updates and checks the certificate. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(60);
    /** Connect and request timeout of the 配信 and renewal calls (packages are streamed after the headers). */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TerminalSetup setup;
    private final ReloadableClientTls tls;
    private final X509Certificate trustAnchor;
    private final ProxySettings proxy;
    private final DistributionHome home;
    private final InstalledComponents components;
    private final CentralServiceSessions sessions;
    private final CentralServiceHttp transport;
    private final DistributionServer server;

    private TerminalServices(TerminalSetup setup, CentralServiceSessions sessions) {
        this.setup = setup;
        this.tls = ReloadableClientTls.open(setup.clientPkcs12(), setup.clientPassword(), setup.trustPkcs12(),
                setup.trustPassword());
        this.trustAnchor = firstCertificate(setup);
        this.proxy = setup.proxyServer().map(s -> ProxySettings.parse(s, setup.proxyBypass().orElse(null))).orElse(null);
        this.home = DistributionHome.of(setup.terminalHome());
        this.components = new InstalledComponents(home, setup.clock());
        this.transport = new CentralServiceHttp(setup.serviceUri(), tls.sslContext(), TIMEOUT, TIMEOUT, proxy);
        this.sessions = sessions != null ? sessions
                : CentralServiceSessions.withLimit(LinkageSettings.defaults().maxConcurrent());
        this.server = this.sessions.limit(DistributionServer.class, new HttpsDistributionServer(transport));
    }

    /**
     * @throws org.openoqs.pki.KeyStoreLoadException the certificate or trust store cannot be opened
     * @throws IllegalArgumentException a malformed proxy setting
     */
    public static TerminalServices of(TerminalSetup setup) {
        return new TerminalServices(setup, null);
    }

    /** In the terminal's process: the ports go through the terminal's {@code sessions} (limit, outage, health). */
    public static TerminalServices of(TerminalSetup setup, CentralServiceSessions sessions) {
        return new TerminalServices(setup, sessions);
    }

    public ReloadableClientTls tls() {
        return tls;
    }

    public DistributionServer server() {
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
        return new CertificateRenewalClient(sessions.limit(CertificateRenewalService.class,
                new HttpsCertificateRenewalService(transport)), setup.serviceUri(), tls, setup.clientPassword(),
                trustAnchor);
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

    /** The version of the oqs jar (the one {@code oqs --version} shows): any of its classes names it. */
    public static String agentVersion() {
        String version = TerminalServices.class.getPackage().getImplementationVersion();
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
