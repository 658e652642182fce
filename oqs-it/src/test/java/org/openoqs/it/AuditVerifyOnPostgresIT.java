package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.TrustStores;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.audit.AuditLog;

/**
 * {@code oqs audit verify --jdbc} on the configured PostgreSQL database (a throw-away cluster, Debian's server): the
 * real {@code oqs} process verifies the chain of a central service on PostgreSQL — while the service runs, then,
 * after an entry was rewritten and the tail re-hashed with plain SHA-256 by someone who can write the database but
 * lacks the key file, names that entry ({@code OQSF9606}, exit 1). {@code --jdbc} without the key file is a usage
 * error.
 */
class AuditVerifyOnPostgresIT {

    private static final char[] PASSWORD = "audit-verify-pg".toCharArray();

    @TempDir
    Path dir;

    @Test
    void theChainOfAServiceOnPostgresIsVerifiedAndItsRewriteNamed() throws Exception {
        assertThat(ScaleOutOnPostgresIT.postgresInstalled()).as("PostgreSQL server binaries (/usr/lib/postgresql/*/bin/"
                + "initdb) are missing: ./mvnw verify installs them (scripts/test-prerequisites.sh), or: sudo apt-get "
                + "install -y postgresql").isTrue();
        Path script = Path.of(System.getProperty("oqs.repo", ".."), "scripts", "pg-throwaway.sh").toAbsolutePath();
        String[] cluster = ScaleOutOnPostgresIT.startPostgres(script);
        String url = cluster[1];
        Path key = dir.resolve("audit-chain.key");
        try {
            try (CentralServer server = CentralServer.start(config(url, key))) {
                for (int i = 0; i < 12; i++) {
                    server.auditLog().append("0113810014", "cert:0A", "QUALIFICATION_INQUIRY", "file=pg" + i,
                            "OK validity=1");
                }
                DemoProcess.Completed whileRunning = DemoProcess.run("audit", "verify", "--jdbc", url,
                        "--key-file", key.toString());
                assertThat(whileRunning.exitCode()).as(whileRunning.output()).isZero();
                assertThat(whileRunning.output()).contains("監査ログ（操作履歴）の改ざんはありません");
            }

            long victim;
            try (Connection db = DriverManager.getConnection(url)) {
                victim = AuditVerifyOnTamperedDemoIT.lastId(db) - 5;
                AuditVerifyOnTamperedDemoIT.update(db, "update audit_event set subject = 'file=forged' where id = ?",
                        victim);
                AuditVerifyOnTamperedDemoIT.rehashTailUnkeyed(db, victim);
            }
            DemoProcess.Completed tampered = DemoProcess.run("audit", "verify", "--jdbc", url, "--key-file",
                    key.toString());
            assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(1);
            assertThat(tampered.output()).contains("OQSF9606").contains("記録 " + victim + "（")
                    .contains("QUALIFICATION_INQUIRY").contains("鍵付きハッシュ（HMAC）と一致しません");

            DemoProcess.Completed noKey = DemoProcess.run("audit", "verify", "--jdbc", url);
            assertThat(noKey.exitCode()).as(noKey.output()).isEqualTo(2);
            assertThat(noKey.output()).contains("--key-file");
        } finally {
            ScaleOutOnPostgresIT.run(script.toString(), "stop", cluster[0]);
        }
    }

    private ServerConfig config(String url, Path key) {
        CertificateAuthority ca = CertificateAuthority.initOrLoad(dir.resolve("ca"), "openoqs audit-verify CA", PASSWORD);
        ca.issueServerCertificate("localhost", "127.0.0.1").writePkcs12(dir.resolve("server.p12"), "server", PASSWORD);
        TrustStores.writeTrustStore(dir.resolve("trust.p12"), PASSWORD, ca.caCertificate());
        return ServerConfig.builder(dir.resolve("server")).port(0).bindAddress("127.0.0.1").jdbc(url, null, null)
                .serverKeyStore(dir.resolve("server.p12"), PASSWORD).trustStore(dir.resolve("trust.p12"), PASSWORD)
                .ca(ca.directory(), PASSWORD).seedDemoData(false).populationSize(0).auditKeyFile(key).build();
    }
}
