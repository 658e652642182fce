package org.openoqs.app.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.OqsCommand;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.CertificateChecker;
import org.openoqs.pki.TrustStores;
import picocli.CommandLine;

/**
 * {@code oqs ca} on a home laid out like the demo's (CA in DIR/ca, its password in DIR/secrets.properties): issue,
 * export with a password, renew (overlap), revoke by institution code, CRL.
 */
class CaCommandOnDemoHomeTest {
    @TempDir
    Path home;

    record Run(int exit, String out, String err) {
    }

    Run ca(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = OqsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 1];
        full[0] = "ca";
        System.arraycopy(args, 0, full, 1, args.length);
        int exit = cli.execute(full);
        return new Run(exit, out.toString(), err.toString());
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }

    @Test
    void issueExportRenewRevokeAndPublishTheCrl() throws Exception {
        Files.writeString(home.resolve("secrets.properties"), "ca.password=demo-ca-password\n");
        assertThat(ca("init", "--home", home.toString()).exit()).isZero();

        Run issued = ca("issue", "--home", home.toString(), "--institution", "0113810014", "--name", "オープン診療所");
        String serial = match(issued.out(), "シリアル ([0-9A-F]+)");
        Path pfx = home.resolve("facility.p12");
        Run exported = ca("export", "--home", home.toString(), "--serial", serial, "--out", pfx.toString());
        String password = match(exported.out(), "証明書パスワード（控えてください）: (\\S+)");
        KeyStore store = TrustStores.loadPkcs12(pfx, password.toCharArray());
        X509Certificate first = (X509Certificate) store.getCertificate("facility");
        assertThat(ca("export", "--home", home.toString(), "--serial", serial, "--out", pfx.toString()).exit())
                .as("the CA forgot the key after the download").isEqualTo(1);

        Run renewed = ca("renew", "--home", home.toString(), "--institution", "0113810014");
        String newSerial = match(renewed.out(), "→ ([0-9A-F]+)");
        CertificateAuthority authority = CertificateAuthority.initOrLoad(home.resolve("ca"), "x",
                "demo-ca-password".toCharArray());
        CertificateChecker checker = CertificateChecker.forAuthority(authority);
        X509Certificate second = authority.issuedCertificate(new java.math.BigInteger(newSerial, 16)).orElseThrow();
        assertThat(checker.check(new X509Certificate[] {first}).ok()).as("old, overlap").isTrue();
        assertThat(checker.check(new X509Certificate[] {second}).ok()).as("new").isTrue();

        Run revoked = ca("revoke", "--home", home.toString(), "--institution", "0113810014");
        assertThat(revoked.exit()).isZero();
        assertThat(revoked.out()).contains(serial).contains(newSerial);
        Run crl = ca("crl", "--home", home.toString(), "--out", home.resolve("published.crl").toString());
        assertThat(crl.out()).contains("失効: シリアル " + serial).contains("失効: シリアル " + newSerial);
        assertThat(checker.check(new X509Certificate[] {first}).status().name()).isEqualTo("REVOKED");
        assertThat(Files.readString(home.resolve("published.crl"))).startsWith("-----BEGIN X509 CRL-----");
        assertThat(ca("revoke", "--home", home.toString(), "--institution", "0113810014").err())
                .contains("有効な証明書はありません");
    }

    @Test
    void anIssuingOfficeCertificateIsIssuedOnlyForAValidLocalGovernmentCode() throws Exception {
        Files.writeString(home.resolve("secrets.properties"), "ca.password=demo-ca-password\n");
        assertThat(ca("init", "--home", home.toString()).exit()).isZero();

        Run issued = ca("issue", "--home", home.toString(), "--kind", "office", "--office", "131016", "--name",
                "テスト区役所 戸籍住民課");
        Run wrongCheckDigit = ca("issue", "--home", home.toString(), "--kind", "office", "--office", "131017", "--name",
                "テスト区役所");

        String serial = match(issued.out(), "シリアル ([0-9A-F]+)");
        CertificateAuthority authority = CertificateAuthority.initOrLoad(home.resolve("ca"), "x",
                "demo-ca-password".toCharArray());
        X509Certificate office = authority.issuedCertificate(new java.math.BigInteger(serial, 16)).orElseThrow();
        assertThat(org.openoqs.pki.OfficeCertificates.officeOf(office)).isPresent();
        assertThat(wrongCheckDigit.exit()).isNotZero();
        assertThat(wrongCheckDigit.err()).contains("地方公共団体コード");
    }

    @Test
    void anOperatorCertificateIsIssuedForAPlainName() throws Exception {
        Files.writeString(home.resolve("secrets.properties"), "ca.password=demo-ca-password\n");
        assertThat(ca("init", "--home", home.toString()).exit()).isZero();

        Run issued = ca("issue", "--home", home.toString(), "--kind", "operator", "--name", "ops-desk.1");
        Run refused = ca("issue", "--home", home.toString(), "--kind", "operator", "--name", "運用 太郎");

        String serial = match(issued.out(), "シリアル ([0-9A-F]+)");
        CertificateAuthority authority = CertificateAuthority.initOrLoad(home.resolve("ca"), "x",
                "demo-ca-password".toCharArray());
        X509Certificate operator = authority.issuedCertificate(new java.math.BigInteger(serial, 16)).orElseThrow();
        assertThat(org.openoqs.pki.OperatorCertificates.operatorOf(operator)).isPresent();
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("運用者名");
    }

    @Test
    void homeWithoutACaSaysHowToCreateOne() {
        Run run = ca("list", "--home", home.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("oqs ca init --home");
    }
}
