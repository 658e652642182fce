package org.openoqs.app.terminal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openoqs.app.OqsCommand;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.TrustStores;
import picocli.CommandLine;

/** A real CA in a temporary folder, its certificates as PKCS#12 files, and {@code oqs terminal init} in-process. */
final class TerminalInitFixture {
    static final String INSTITUTION = "0113810014";
    /** Backslash, '#', '=' and ':' must survive terminal.properties. */
    static final String CLIENT_PASSWORD = "c#l\\i=e:nt-1";
    static final String TRUST_PASSWORD = "trust-pw-2";

    record Run(int exit, String out, String err) {
    }

    final Path root;
    final CertificateAuthority ca;
    final Path trustP12;

    TerminalInitFixture(Path root) {
        this.root = root;
        this.ca = CertificateAuthority.initOrLoad(root.resolve("ca"), "openoqs test CA", "ca-pw".toCharArray());
        this.trustP12 = root.resolve("download/trust.p12");
        try {
            java.nio.file.Files.createDirectories(trustP12.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TrustStores.writeTrustStore(trustP12, TRUST_PASSWORD.toCharArray(), ca.caCertificate());
    }

    Path p12(String name, IssuedCredential credential) {
        Path file = root.resolve("download").resolve(name);
        credential.writePkcs12(file, "facility", CLIENT_PASSWORD.toCharArray());
        return file;
    }

    Path facilityP12() {
        return p12("facility.p12", ca.issueFacilityCertificate(INSTITUTION, "オープン診療所（試験）"));
    }

    /** Runs {@code oqs terminal init --home HOME --service-uri … --passwords-stdin} plus {@code more}. */
    Run init(Path home, Path clientP12, String stdin, String... more) {
        List<String> args = new ArrayList<>(List.of("terminal", "init", "--home", home.toString(),
                "--service-uri", "https://oqs.example.invalid:8443/", "--client-p12", clientP12.toString(),
                "--trust-p12", trustP12.toString(), "--passwords-stdin"));
        args.addAll(List.of(more));
        return run(stdin, args.toArray(String[]::new));
    }

    Run run(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = OqsCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    static String passwords() {
        return CLIENT_PASSWORD + "\n" + TRUST_PASSWORD + "\n";
    }
}
