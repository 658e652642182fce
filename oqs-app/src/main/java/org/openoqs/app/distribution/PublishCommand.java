package org.openoqs.app.distribution;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.openoqs.pki.PackageSignatureVerifier;
import org.openoqs.pki.PackageSigner;
import org.openoqs.pki.SignatureCheck;
import org.openoqs.server.distribution.PackageCoordinates;
import org.openoqs.server.distribution.PackageEntry;
import org.openoqs.server.distribution.PackageRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oqs distribution publish}: signs a package with the code-signing certificate and adds it to the service's
 * repository. With a demo home everything is found there; otherwise name the repository, signer and CA.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Signs a package (detached CMS, code-signing certificate of the CA) and publishes it.",
                "--home DIR (a demo home) or --repository, --signer, --ca-cert explicitly."})
final class PublishCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", description = "Demo home (repository, signer and CA are taken from it).")
    Path home;
    @Option(names = "--repository", paramLabel = "DIR", description = "The service's package directory.")
    Path repository;
    @Option(names = "--signer", paramLabel = "P12", description = "PKCS#12 with the code-signing key.")
    Path signer;
    @Option(names = "--signer-password-env", paramLabel = "VAR", description = "Environment variable holding the signer's password.")
    String signerPasswordEnv;
    @Option(names = "--ca-cert", paramLabel = "PEM", description = "The CA certificate the terminals trust.")
    Path caCertificate;
    @Option(names = "--component", required = true, paramLabel = "NAME", description = "e.g. oqs-terminal")
    String component;
    @Option(names = "--version", required = true, paramLabel = "X.Y.Z", description = "e.g. 1.2.0")
    String version;
    @Option(names = "--content", paramLabel = "DIR", description = "Folder whose files make up the package.")
    Path content;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PackageCoordinates coordinates;
        try {
            coordinates = new PackageCoordinates(component, version);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        DemoDistribution.Locations where;
        if (home != null) {
            where = DemoDistribution.locations(home);
        } else if (repository != null && signer != null && caCertificate != null && signerPasswordEnv != null) {
            String password = System.getenv(signerPasswordEnv);
            if (password == null) {
                err.println("環境変数 " + signerPasswordEnv + " が設定されていません。");
                return 2;
            }
            where = new DemoDistribution.Locations(repository, signer, password.toCharArray(), caCertificate);
        } else {
            err.println("--home か、--repository・--signer・--signer-password-env・--ca-cert を指定してください。");
            return 2;
        }
        Path zip = Files.createTempFile("oqs-package-", ".zip");
        try {
            PackageBuilder.build(coordinates.component(), coordinates.version(), content, zip);
            PackageSigner packageSigner = PackageSigner.fromPkcs12(where.signer(), where.signerPassword());
            byte[] signature = packageSigner.sign(zip);
            SignatureCheck check = new PackageSignatureVerifier(DemoDistribution.readCertificate(where.caCertificate()),
                    null).verify(zip, signature, Instant.now());
            if (!check.valid()) {
                err.println("公開しません: " + check.message());
                return 1;
            }
            PackageEntry entry = new PackageRepository(where.repository(), Clock.systemUTC())
                    .publish(coordinates, zip, signature);
            out.println("公開しました: " + entry.component() + " " + entry.version() + "（" + entry.size()
                    + " バイト、SHA-256 " + entry.sha256() + "）");
            return 0;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            Files.deleteIfExists(zip);
        }
    }
}
