package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates, the distribution app and doctor/selftest through the real {@code oqs} process and one demo: selftest
 * and doctor pass on a fresh demo; a signed update installs while a tampered one is refused and the old version keeps
 * running; roll-back; the terminal renews its certificate while the demo runs; revoking the facility makes the next
 * connection fail. Ordered, because revocation ends the demo's usefulness.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificatesDistributionDoctorIT {

    @TempDir
    static Path home;
    @TempDir
    static Path content;
    static DemoProcess demo;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoProcess.start(home);
    }

    @AfterAll
    static void stopDemo() throws Exception {
        demo.stop();
    }

    static DemoProcess.Completed oqs(String... args) throws Exception {
        return DemoProcess.run(args);
    }

    @Test
    @Order(1)
    void selftestRunsTheConfirmationTestsAndPrintsTheChecklist() throws Exception {
        DemoProcess.Completed selftest = oqs("selftest", "--home", home.toString());

        assertThat(selftest.exitCode()).as(selftest.output()).isZero();
        assertThat(selftest.output()).contains("[ ok ] selftest.linkage").contains("[ ok ] selftest.manual-search")
                .contains("資格確認端末セットアップ後のチェックリスト").contains("✓ 配信アプリケーションをインストールした");
    }

    @Test
    @Order(2)
    void doctorPassesOnTheHealthyDemo() throws Exception {
        DemoProcess.Completed doctor = oqs("doctor", "--home", home.toString(), "--json");

        assertThat(doctor.exitCode()).as(doctor.output()).isZero();
        assertThat(doctor.output()).doesNotContain("\"status\" : \"fail\"")
                .contains("\"id\" : \"distribution.record\"");
    }

    @Test
    @Order(3)
    void signedUpdateInstallsTamperedOneIsRefusedAndRollBackRestores() throws Exception {
        Files.writeString(content.resolve("NOTES.txt"), "1.1.0");
        assertThat(oqs("distribution", "publish", "--home", home.toString(), "--component", "oqs-terminal",
                "--version", "1.1.0", "--content", content.toString()).exitCode()).isZero();
        DemoProcess.Completed update = oqs("distribution", "update", "--home", home.toString());
        assertThat(update.output()).as(update.output()).contains("インストールしました: oqs-terminal 1.1.0");

        assertThat(oqs("distribution", "publish", "--home", home.toString(), "--component", "oqs-terminal",
                "--version", "1.2.0", "--content", content.toString()).exitCode()).isZero();
        Path published = home.resolve("server/distribution/packages/oqs-terminal/1.2.0/package.zip");
        byte[] bytes = Files.readAllBytes(published);
        bytes[bytes.length / 2] ^= 0x01; // a compromised mirror
        Files.write(published, bytes);
        DemoProcess.Completed refused = oqs("distribution", "update", "--home", home.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("oqs-terminal 1.2.0 をインストールしません").contains("改ざんされています");
        // the version in use is still 1.1.0: roll-back goes from it to 1.0.0
        assertThat(oqs("distribution", "rollback", "--home", home.toString(), "--component", "oqs-terminal").output())
                .contains("1.0.0 に戻しました（以前: 1.1.0）");
    }

    @Test
    @Order(4)
    void terminalRenewsItsCertificateWhileTheDemoRuns() throws Exception {
        // the demo's certificate is new (1096 days): renewal opens 90 days before the end
        DemoProcess.Completed tooEarly = oqs("ca", "renew", "--home", home.toString(), "--from-terminal");
        assertThat(tooEarly.exitCode()).as(tooEarly.output()).isEqualTo(1);
        assertThat(tooEarly.output()).contains("有効期限の90日前から");
        // the CA gives the facility a certificate that ends in 60 days, installed where the terminal reads it
        java.util.Properties demo = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(home.resolve("demo.properties"))) {
            demo.load(in);
        }
        DemoProcess.Completed shortLived = DemoProcess.runWithInput(demo.getProperty("client.p12.password"), "ca",
                "issue", "--home", home.toString(), "--institution", "0113810014", "--name", "オープン診療所（デモ）",
                "--days", "60", "--out", demo.getProperty("client.p12"), "--password-stdin");
        assertThat(shortLived.exitCode()).as(shortLived.output()).isZero();

        DemoProcess.Completed renew = oqs("ca", "renew", "--home", home.toString(), "--from-terminal");

        assertThat(renew.exitCode()).as(renew.output()).isZero();
        assertThat(renew.output()).contains("以前の証明書は").contains("に失効します");
        assertThat(oqs("distribution", "check", "--home", home.toString()).output()).contains("接続成功");
    }

    @Test
    @Order(5)
    void revokingTheFacilityRefusesItsNextConnection() throws Exception {
        DemoProcess.Completed revoke = oqs("ca", "revoke", "--home", home.toString(), "--institution", "0113810014");
        assertThat(revoke.exitCode()).as(revoke.output()).isZero();
        try (Stream<String> lines = revoke.output().lines()) {
            assertThat(lines.filter(l -> l.startsWith("失効させました")))
                    .as("the first, the 60-day one (revoked only after the grace) and the renewed certificate").hasSize(3);
        }

        DemoProcess.Completed check = oqs("distribution", "check", "--home", home.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.output()).contains("接続失敗").contains("失効");
    }
}
