package org.openoqs.app.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.openoqs.app.doctor.TerminalSetupLoader;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.PackageSigner;
import org.openoqs.server.distribution.DistributionConfiguration;
import org.openoqs.server.distribution.PackageCoordinates;
import org.openoqs.server.distribution.PackageRepository;
import org.openoqs.terminal.distribution.DistributionAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distribution part of the demo: a code-signing certificate of the demo CA ({@code server/distribution/signer.p12},
 * password {@code distribution.signer.password} in secrets.properties), the first package of the terminal software
 * published on first start, and the terminal's distribution agent running (it registers, installs and reports at
 * once, then every hour).
 */
public final class DemoDistribution implements AutoCloseable {
    /** The component the demo publishes (the terminal software's version marker and notes). */
    public static final String COMPONENT = "oqs-terminal";
    public static final String FIRST_VERSION = "1.0.0";
    private static final Logger log = LoggerFactory.getLogger(DemoDistribution.class);

    private final DistributionAgent agent;

    private DemoDistribution(DistributionAgent agent) {
        this.agent = agent;
    }

    /** Where a demo home keeps the distribution service's files. */
    public record Locations(Path repository, Path signer, char[] signerPassword, Path caCertificate) {
    }

    public static Locations locations(Path demoHome) throws IOException {
        Path root = demoHome.toAbsolutePath().normalize();
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve("secrets.properties"), StandardCharsets.UTF_8)) {
            secrets.load(reader);
        }
        String password = secrets.getProperty("distribution.signer.password");
        if (password == null) {
            throw new IllegalArgumentException(root + " のデモにはコード署名用証明書がありません（一度 oqs demo --home で起動してください）。");
        }
        Path serverHome = root.resolve("server");
        return new Locations(DistributionConfiguration.packageDirectory(serverHome),
                serverHome.resolve("distribution").resolve("signer.p12"), password.toCharArray(),
                root.resolve("ca").resolve(CertificateAuthority.CERTIFICATE_FILE));
    }

    /** Creates the signer and the first package when missing (idempotent). */
    public static void prepare(Path demoHome, CertificateAuthority ca, char[] signerPassword) throws IOException {
        Path serverHome = demoHome.resolve("server");
        Path signer = serverHome.resolve("distribution").resolve("signer.p12");
        if (!Files.exists(signer)) {
            Files.createDirectories(signer.getParent());
            ca.issueCodeSigningCertificate("openoqs demo distribution").writePkcs12(signer, "signer", signerPassword);
        }
        PackageRepository repository = new PackageRepository(DistributionConfiguration.packageDirectory(serverHome),
                Clock.systemUTC());
        PackageCoordinates first = new PackageCoordinates(COMPONENT, FIRST_VERSION);
        if (repository.find(first).isPresent()) {
            return;
        }
        Path content = Files.createTempDirectory("oqs-demo-package");
        Path zip = Files.createTempFile("oqs-demo-package", ".zip");
        try {
            Files.writeString(content.resolve("README.txt"), "openoqs 資格確認端末ソフトウェア " + FIRST_VERSION
                    + "（デモ配信パッケージ）\n配信アプリケーションが署名とハッシュを確認してインストールしました。\n",
                    StandardCharsets.UTF_8);
            Files.writeString(content.resolve("VERSION"), FIRST_VERSION, StandardCharsets.UTF_8);
            PackageBuilder.build(COMPONENT, FIRST_VERSION, content, zip);
            repository.publish(first, zip, PackageSigner.fromPkcs12(signer, signerPassword).sign(zip));
        } finally {
            Files.deleteIfExists(content.resolve("README.txt"));
            Files.deleteIfExists(content.resolve("VERSION"));
            Files.deleteIfExists(content);
            Files.deleteIfExists(zip);
        }
    }

    /**
     * Starts the demo terminal's agent; needs {@code demo.properties} written.
     *
     * @param sessions the demo terminal's sessions: the agent runs in its process, so its calls share its limit and
     *                 an outage they meet shows in its {@code work/health.json}
     */
    public static DemoDistribution startAgent(Path demoHome, Duration interval,
            org.openoqs.terminal.central.CentralServiceSessions sessions) throws IOException {
        TerminalSetupLoader.Loaded loaded = TerminalSetupLoader.load(demoHome);
        DistributionAgent agent = TerminalServices.of(loaded.setup(), sessions).agent(interval,
                loaded.autoRenewDays());
        agent.start();
        log.info("distribution agent started for {}", loaded.setup().computerName());
        return new DemoDistribution(agent);
    }

    public DistributionAgent agent() {
        return agent;
    }

    static X509Certificate readCertificate(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot read the CA certificate " + pem, e);
        }
    }

    @Override
    public void close() {
        agent.close();
    }
}
