package org.openoqs.app.ca;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.IssuedCertificateRecord;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.IssuedCredentialVault;
import org.openoqs.pki.OfficeCertificates;
import org.openoqs.pki.OperatorCertificates;
import org.openoqs.pki.UnknownCertificateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code oqs ca …}: the project's certificate authority — the seed's 共通認証局 (issue, download as PKCS#12, renew,
 * revoke, CRL). Works on a demo home as it is ({@code DIR/ca}, password from {@code DIR/secrets.properties}).
 * docs/certificates.md.
 */
@Command(name = "ca", mixinStandardHelpOptions = true,
        description = "The certificate authority: init, issue, export (PKCS#12), renew, revoke, crl, list.",
        subcommands = {CaCommand.Init.class, CaCommand.Issue.class, CaCommand.Export.class, RenewCommand.class,
                CaCommand.Revoke.class, CaCommand.Crl.class, CaCommand.ListIssued.class})
public final class CaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Home {
        @Option(names = "--home", paramLabel = "DIR", required = true, description = "Home holding the CA in DIR/ca (a demo home works).")
        Path dir;

        CaHome ca() {
            return new CaHome(dir);
        }
    }

    /** The PKCS#12 password: the first line of stdin, or a generated one (printed once). */
    static final class PasswordSource {
        @Option(names = "--password-stdin", description = "Read the PKCS#12 password from standard input (else one is generated and printed).")
        boolean stdin;

        char[] read(PrintWriter out) throws java.io.IOException {
            if (stdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new IllegalArgumentException("標準入力からパスワードを読み取れません。");
                }
                return line.toCharArray();
            }
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
            SecureRandom random = new SecureRandom();
            StringBuilder generated = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                generated.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out.println("証明書パスワード（控えてください）: " + generated);
            return generated.toString().toCharArray();
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Creates the CA in DIR/ca (kept when it exists).")
    static final class Init implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;
        @Option(names = "--name", defaultValue = CaHome.DEFAULT_NAME, description = "CA name (CN), default ${DEFAULT-VALUE}.")
        String name;

        @Override
        public Integer call() throws Exception {
            boolean existed = home.ca().exists();
            CertificateAuthority ca = home.ca().init(name);
            spec.commandLine().getOut().println((existed ? "既存の認証局: " : "認証局を作成しました: ")
                    + ca.caCertificate().getSubjectX500Principal().getName() + "（" + ca.caCertificateFile() + "）");
            return 0;
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = {"Issues a facility certificate (CN = institution code), an issuing-office certificate",
                    "(CN = OFFICE-<6-digit local government code>, for oqs card unlock), an operator certificate",
                    "(CN = OPERATOR-<name>, for oqs notice) or a code-signing certificate.",
                    "The CA keeps the key until it is exported (oqs ca export), or writes the PKCS#12 now with --out."})
    static final class Issue implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;
        @Option(names = "--institution", paramLabel = "CODE", description = "10-digit institution code (facility certificates).")
        String institution;
        @Option(names = "--office", paramLabel = "CODE", description = "6-digit 地方公共団体コード (issuing-office certificates).")
        String office;
        @Option(names = "--name", paramLabel = "NAME", required = true, description = "Facility or office name (O), or the signer's name.")
        String name;
        @Option(names = "--kind", defaultValue = "facility", paramLabel = "facility|office|operator|code-signing", description = "Default ${DEFAULT-VALUE}.")
        String kind;
        @Option(names = "--days", defaultValue = "1096", description = "Validity in days (default ${DEFAULT-VALUE}).")
        int days;
        @Option(names = "--out", paramLabel = "FILE.p12", description = "Write the PKCS#12 now.")
        Path out;
        @Mixin
        PasswordSource password;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            CaHome caHome = home.ca();
            CertificateAuthority ca = caHome.open();
            IssuedCredential issued;
            if ("code-signing".equals(kind)) {
                issued = ca.issueCodeSigningCertificate(name, Duration.ofDays(days));
            } else if ("facility".equals(kind)) {
                if (institution == null) {
                    throw new IllegalArgumentException("--institution（医療機関等コード）を指定してください。");
                }
                org.openoqs.core.number.InstitutionCode.parse(institution);
                issued = ca.issueFacilityCertificate(institution, name, Duration.ofDays(days));
            } else if ("office".equals(kind)) {
                if (office == null || !OfficeCertificates.isLocalGovernmentCode(office)) {
                    throw new IllegalArgumentException("--office には検査数字の正しい6桁の地方公共団体コードを指定してください。");
                }
                issued = ca.issueOfficeCertificate(office, name, Duration.ofDays(days));
            } else if ("operator".equals(kind)) {
                if (!OperatorCertificates.isOperatorName(name)) {
                    throw new IllegalArgumentException("--name には運用者名（英数字と . _ - の32文字以内）を指定してください。");
                }
                issued = ca.issueOperatorCertificate(name, Duration.ofDays(days));
            } else {
                throw new IllegalArgumentException("--kind は facility、office、operator、code-signing のいずれかです: " + kind);
            }
            IssuedCredentialVault vault = caHome.vault(ca);
            vault.keep(issued);
            BigInteger serial = issued.certificate().getSerialNumber();
            o.println("発行しました: シリアル " + hex(serial) + "、" + issued.certificate().getSubjectX500Principal().getName()
                    + "、有効期限 " + issued.certificate().getNotAfter().toInstant());
            if (out != null) {
                vault.export(serial, out, password.read(o), false);
                o.println("PKCS#12 を書き出しました: " + out);
            } else {
                o.println("oqs ca export --home " + home.dir + " --serial " + hex(serial) + " --out <file.p12> で取得してください。");
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes an issued key and certificate as PKCS#12 with a password (the CA then forgets the key).")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;
        @Option(names = "--serial", required = true, paramLabel = "HEX", description = "Serial number (oqs ca list).")
        String serial;
        @Option(names = "--out", required = true, paramLabel = "FILE.p12")
        Path out;
        @Option(names = "--keep", description = "Keep the CA's copy of the key (to export again).")
        boolean keep;
        @Mixin
        PasswordSource password;

        @Override
        public Integer call() throws Exception {
            CaHome caHome = home.ca();
            CertificateAuthority ca = caHome.open();
            BigInteger number = parseSerial(serial);
            if (!caHome.vault(ca).holds(number)) {
                spec.commandLine().getErr().println("シリアル " + serial.toUpperCase(Locale.ROOT)
                        + " の秘密鍵は認証局にありません（取得済みか、端末が作成した鍵で更新された証明書です）。");
                return 1;
            }
            char[] chosen = password.read(spec.commandLine().getOut());
            caHome.vault(ca).export(number, out, chosen, keep);
            spec.commandLine().getOut().println("PKCS#12 を書き出しました: " + out);
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes one certificate (--serial) or every valid certificate of a facility (--institution).")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;
        @Option(names = "--serial", paramLabel = "HEX")
        String serial;
        @Option(names = "--institution", paramLabel = "CODE")
        String institution;
        @Option(names = "--reason", defaultValue = "cessationOfOperation",
                description = "RFC 5280 reason (keyCompromise, superseded, cessationOfOperation, …); default ${DEFAULT-VALUE}.")
        String reason;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if ((serial == null) == (institution == null)) {
                spec.commandLine().getErr().println("--serial か --institution のどちらか一方を指定してください。");
                return 2;
            }
            CertificateAuthority ca = home.ca().open();
            List<BigInteger> targets = new ArrayList<>();
            if (serial != null) {
                targets.add(parseSerial(serial));
            } else {
                Instant now = Instant.now();
                for (IssuedCertificateRecord r : ca.issued()) {
                    if (r.institutionCode().filter(institution::equals).isPresent() && r.validAt(now)) {
                        targets.add(r.serial());
                    }
                }
                if (targets.isEmpty()) {
                    spec.commandLine().getErr().println("医療機関等コード " + institution + " の有効な証明書はありません。");
                    return 1;
                }
            }
            try {
                for (BigInteger target : targets) {
                    ca.revoke(target, reason);
                    home.ca().vault(ca).discard(target);
                    out.println("失効させました: シリアル " + hex(target));
                }
            } catch (UnknownCertificateException e) {
                spec.commandLine().getErr().println("シリアル " + hex(e.serial()) + " の証明書はこの認証局が発行していません。");
                return 1;
            }
            out.println("証明書失効リストを更新しました: " + ca.crlFile() + "（次の接続から拒否されます）");
            return 0;
        }
    }

    @Command(name = "crl", mixinStandardHelpOptions = true, description = "Prints the current CRL (and writes it with --out).")
    static final class Crl implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;
        @Option(names = "--out", paramLabel = "FILE.pem")
        Path out;

        @Override
        public Integer call() throws Exception {
            CertificateAuthority ca = home.ca().open();
            X509CRL crl = ca.currentCrl();
            PrintWriter o = spec.commandLine().getOut();
            o.println("発行者: " + crl.getIssuerX500Principal().getName());
            o.println("更新日時: " + crl.getThisUpdate().toInstant() + "、次回更新: " + crl.getNextUpdate().toInstant());
            o.println("公開先: " + ca.crlFile() + "、GET /api/v1/certificates/crl");
            if (crl.getRevokedCertificates() == null || crl.getRevokedCertificates().isEmpty()) {
                o.println("失効した証明書はありません。");
            } else {
                for (X509CRLEntry e : crl.getRevokedCertificates()) {
                    o.println("失効: シリアル " + hex(e.getSerialNumber()) + "（" + e.getRevocationDate().toInstant() + "）");
                }
            }
            if (out != null) {
                java.nio.file.Files.copy(ca.crlFile(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                o.println("書き出しました: " + out);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists issued certificates.")
    static final class ListIssued implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;
        @Option(names = "--institution", paramLabel = "CODE")
        String institution;

        @Override
        public Integer call() throws Exception {
            CertificateAuthority ca = home.ca().open();
            PrintWriter o = spec.commandLine().getOut();
            o.println("serial\tkind\tnotAfter\tstate\tsubject");
            Instant now = Instant.now();
            for (IssuedCertificateRecord r : ca.issued()) {
                if (institution != null && r.institutionCode().filter(institution::equals).isEmpty()) {
                    continue;
                }
                String state = r.revoked() ? "失効" : r.validAt(now) ? "有効" : "期限切れ";
                o.println(hex(r.serial()) + "\t" + r.kind() + "\t" + r.notAfter() + "\t" + state + "\t" + r.subject());
            }
            return 0;
        }
    }

    static BigInteger parseSerial(String hex) {
        try {
            return new BigInteger(hex.strip(), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("シリアル番号は16進数で指定してください: " + hex);
        }
    }

    static String hex(BigInteger serial) {
        return serial.toString(16).toUpperCase(Locale.ROOT);
    }
}
