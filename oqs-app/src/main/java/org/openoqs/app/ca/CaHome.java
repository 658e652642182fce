package org.openoqs.app.ca;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.IssuedCredentialVault;

/**
 * Where {@code oqs ca --home DIR} finds its CA: {@code DIR/ca}. The CA password comes from {@code DIR/secrets.properties}
 * (key {@code ca.password}, as the demo keeps it), else the environment variable {@code OQS_CA_PASSWORD}, else the
 * CA's own {@code ca/ca.password} file (created by {@code oqs ca init} without a password).
 */
final class CaHome {
    static final String DEFAULT_NAME = "openoqs CA";
    private final Path root;

    CaHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path caDirectory() {
        return root.resolve("ca");
    }

    boolean exists() {
        return Files.exists(caDirectory().resolve(CertificateAuthority.KEY_STORE_FILE));
    }

    /** @throws IllegalArgumentException no CA in this home (Japanese) */
    CertificateAuthority open() throws IOException {
        if (!exists()) {
            throw new IllegalArgumentException(caDirectory() + " に認証局がありません。oqs ca init --home " + root
                    + " で作成してください。");
        }
        return CertificateAuthority.initOrLoad(caDirectory(), DEFAULT_NAME, password());
    }

    CertificateAuthority init(String name) throws IOException {
        return CertificateAuthority.initOrLoad(caDirectory(), name, password());
    }

    IssuedCredentialVault vault(CertificateAuthority ca) throws IOException {
        char[] password = password();
        if (password == null) {
            password = Files.readString(caDirectory().resolve(CertificateAuthority.PASSWORD_FILE), StandardCharsets.US_ASCII)
                    .strip().toCharArray();
        }
        return new IssuedCredentialVault(ca, password);
    }

    /** Null: let the CA use (or create) its own password file. */
    char[] password() throws IOException {
        Path secrets = root.resolve("secrets.properties");
        if (Files.isRegularFile(secrets)) {
            Properties p = new Properties();
            try (Reader reader = Files.newBufferedReader(secrets, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
            if (p.getProperty("ca.password") != null) {
                return p.getProperty("ca.password").toCharArray();
            }
        }
        String env = System.getenv("OQS_CA_PASSWORD");
        return env == null || env.isBlank() ? null : env.toCharArray();
    }
}
