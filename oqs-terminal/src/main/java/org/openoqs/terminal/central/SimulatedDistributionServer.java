package org.openoqs.terminal.central;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.openoqs.core.error.ErrorCode;

/**
 * 配信 in the same process, from a package folder laid out as the service's repository is
 * ({@code <folder>/<component>/<version>/package.zip}, {@code package.zip.p7s}, {@code package.properties} written
 * last; docs/distribution.md) — so a vendor can run the 配信 agent against packages it built, and the service's own
 * repository folder can be served as it is. It offers what the service offers (complete versions only, in version
 * order), keeps the 配信記録 and version reports of this process, and refuses what the service refuses: a malformed
 * computer name or agent version, a report from a terminal that never registered, the same component twice, more
 * than {@value #MAX_REPORTED_COMPONENTS} components or a malformed version. The service judges no signature, and
 * neither does this: the agent verifies each package itself, with the CRL of the CA that signed it — the
 * {@code crl.pem} the CA publishes in its directory, which the simulator serves as it is now (none: the agent
 * installs nothing, as with a service that publishes no CRL).
 *
 * <p>Follows the outage switch of the {@link SimulatedCentralService} it is built on
 * ({@link DistributionUnavailableException}; the connection check answers 接続失敗).
 */
public final class SimulatedDistributionServer implements DistributionServer {

    static final int MAX_REPORTED_COMPONENTS = 32;
    static final int MAX_TERMINALS = 200;
    private static final String CONTENT = "package.zip";
    private static final String SIGNATURE = "package.zip.p7s";
    private static final String METADATA = "package.properties";
    private static final Pattern COMPUTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private final SimulatedCentralService service;
    private final Path folder;
    private final Path crlFile;
    private final Clock clock;
    private final Map<String, TerminalRegistration> terminals = new ConcurrentHashMap<>();
    private final Map<String, List<ReportedVersion>> reports = new ConcurrentHashMap<>();

    /**
     * @param packageFolder the packages, in the layout of the service's repository
     * @param crlFile the signing CA's published CRL ({@code crl.pem} in its directory); {@code null}: none
     */
    public SimulatedDistributionServer(SimulatedCentralService service, Path packageFolder, Path crlFile,
            Clock clock) {
        this.service = service;
        this.folder = packageFolder.toAbsolutePath().normalize();
        this.crlFile = crlFile;
        this.clock = clock;
    }

    @Override
    public ConnectionResult checkConnection() {
        return service.available() ? ConnectionResult.success(service.institutionCode())
                : ConnectionResult.failure(down());
    }

    @Override
    public synchronized TerminalRegistration register(String computerName, String agentVersion) {
        requireUp();
        requireComputerName(computerName);
        if (agentVersion == null || agentVersion.isBlank() || agentVersion.length() > 40) {
            throw refused("配信アプリケーションのバージョン（agentVersion）を40文字以内で指定してください");
        }
        Instant now = clock.instant();
        TerminalRegistration before = terminals.get(computerName);
        if (before == null && terminals.size() >= MAX_TERMINALS) {
            throw new DistributionRefusedException(ConnectionProblem.ofStatus(409,
                    ErrorCode.TOO_MANY_TERMINALS.messageWith("上限 " + MAX_TERMINALS + " 台")));
        }
        TerminalRegistration record = new TerminalRegistration(service.institutionCode(), computerName,
                before == null ? now : before.registeredAt(), now);
        terminals.put(computerName, record);
        return record;
    }

    @Override
    public List<AvailablePackage> packages() {
        requireUp();
        List<AvailablePackage> list = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return list;
        }
        try (DirectoryStream<Path> components = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path component : components) {
                try (DirectoryStream<Path> versions = Files.newDirectoryStream(component, Files::isDirectory)) {
                    for (Path version : versions) {
                        if (!version.getFileName().toString().startsWith(".")) { // "." = still being published
                            entry(version).ifPresent(list::add);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the package folder " + folder, e);
        }
        list.sort(Comparator.comparing(AvailablePackage::component).thenComparing(AvailablePackage::version));
        return list;
    }

    @Override
    public void download(AvailablePackage available, Path target) {
        requireUp();
        String name = available.component() + " " + available.version();
        if (available.size() <= 0) {
            throw new PackageRefusedException(RefusalReason.SIZE,
                    "配信パッケージ " + name + " のサイズが一覧にないため取得しません。");
        }
        Path content = versionFolder(available).resolve(CONTENT);
        if (entry(versionFolder(available)).isEmpty()) {
            throw new DistributionRefusedException(ConnectionProblem.ofStatus(404,
                    "パッケージ " + name + " を取得できません"));
        }
        long written;
        try (InputStream in = Files.newInputStream(content);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            written = in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + content, e);
        }
        if (written != available.size()) {
            throw new PackageRefusedException(RefusalReason.SIZE, "配信パッケージ " + name + " をインストールしません: "
                    + "一覧のサイズ（" + available.size() + "バイト）と異なるデータです（" + written + "バイト）。");
        }
    }

    @Override
    public Optional<byte[]> signature(AvailablePackage available) {
        requireUp();
        Path file = versionFolder(available).resolve(SIGNATURE);
        if (entry(versionFolder(available)).isEmpty() || !Files.isRegularFile(file)) {
            return Optional.empty(); // unknown, or published unsigned: the agent refuses the package
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    @Override
    public synchronized void reportVersions(String computerName, List<ReportedVersion> installed) {
        requireUp();
        requireComputerName(computerName);
        if (!terminals.containsKey(computerName)) {
            throw refused("コンピューター名 " + computerName + " は配信サービスに登録されていません（先に登録してください）");
        }
        if (installed.stream().map(ReportedVersion::component).distinct().count() != installed.size()) {
            throw refused("同じコンポーネントが複数回報告されています");
        }
        if (installed.size() > MAX_REPORTED_COMPONENTS) {
            throw refused("報告できるコンポーネントは" + MAX_REPORTED_COMPONENTS + "件までです");
        }
        for (ReportedVersion v : installed) {
            if (v.component() == null || !COMPONENT.matcher(v.component()).matches()) {
                throw refused("コンポーネント名は英小文字で始まる英小文字・数字・ハイフン64文字以内で指定してください");
            }
        }
        reports.put(computerName, List.copyOf(installed));
    }

    /** The last version report of a registered terminal (what the service shows the facility). */
    public List<ReportedVersion> reportedVersions(String computerName) {
        return reports.getOrDefault(computerName, List.of());
    }

    @Override
    public Optional<X509CRL> crl() {
        requireUp();
        if (crlFile == null || !Files.isRegularFile(crlFile)) {
            return Optional.empty(); // what a service without a published CRL answers
        }
        try (InputStream in = Files.newInputStream(crlFile)) {
            return Optional.of((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + crlFile, e);
        } catch (GeneralSecurityException unreadable) {
            return Optional.empty(); // as the HTTPS port treats a CRL it cannot read
        }
    }

    private Path versionFolder(AvailablePackage available) {
        return folder.resolve(available.component()).resolve(available.version().text());
    }

    /** A complete version folder as listed: its metadata and its content present and readable. */
    private static Optional<AvailablePackage> entry(Path version) {
        Path metadata = version.resolve(METADATA);
        if (!Files.isRegularFile(metadata) || !Files.isRegularFile(version.resolve(CONTENT))) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(metadata, StandardCharsets.UTF_8)) {
            p.load(reader);
            return Optional.of(new AvailablePackage(p.getProperty("component"),
                    PackageVersion.of(p.getProperty("version")), Long.parseLong(p.getProperty("size")),
                    p.getProperty("sha256")));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // a damaged entry is not offered
        }
    }

    private static void requireComputerName(String name) {
        if (name == null || name.isBlank()) {
            throw refused("コンピューター名（computerName）が指定されていません");
        }
        if (!COMPUTER_NAME.matcher(name).matches()) {
            throw refused("コンピューター名（computerName）は半角英数字・ハイフン・ピリオド63文字以内で指定してください");
        }
    }

    private void requireUp() {
        if (!service.available()) {
            throw new DistributionUnavailableException(down());
        }
    }

    private static ConnectionProblem down() {
        return new ConnectionProblem("REFUSED", "模擬の配信サービスは停止中です（切り替えて再開してください）。");
    }

    /** The service's HTTP 400 with its Japanese message. */
    private static DistributionRefusedException refused(String detail) {
        return new DistributionRefusedException(ConnectionProblem.ofStatus(400,
                ErrorCode.INVALID_DISTRIBUTION_REQUEST.messageWith(detail)));
    }
}
