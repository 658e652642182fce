package org.openoqs.app.ca;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.openoqs.app.distribution.TerminalServices;
import org.openoqs.app.doctor.TerminalSetupLoader;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.IssuedCertificateRecord;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.terminal.certificate.RenewalFailedException;
import org.openoqs.terminal.certificate.RenewalResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oqs ca renew}: renews a facility certificate before it expires, the old one staying valid (overlap).
 * <ul>
 *   <li>{@code --from-terminal}: the terminal of DIR (terminal or demo home) renews itself through the service with a
 *       PKCS#10 request made with a new key (as the MPKI client does); the running terminal switches without a
 *       restart;</li>
 *   <li>{@code --institution CODE}: the CA issues a new key and certificate for the facility (same name), to be
 *       exported with {@code oqs ca export}.</li>
 * </ul>
 */
@Command(name = "renew", mixinStandardHelpOptions = true,
        description = {"Renews a facility certificate; the old one stays valid until its end date.",
                "--from-terminal: the terminal of DIR renews itself via the service (CSR, new key, no downtime).",
                "--institution CODE: the CA issues a new key + certificate (export with oqs ca export)."})
final class RenewCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--home", paramLabel = "DIR", required = true, description = "CA home (--institution) or terminal/demo home (--from-terminal).")
    Path home;
    @Option(names = "--from-terminal", description = "Renew the terminal's own certificate through the service.")
    boolean fromTerminal;
    @Option(names = "--institution", paramLabel = "CODE")
    String institution;
    @Option(names = "--days", defaultValue = "1096", description = "Validity of the new certificate (CA side), default ${DEFAULT-VALUE}.")
    int days;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (fromTerminal == (institution != null)) {
            spec.commandLine().getErr().println("--from-terminal か --institution のどちらか一方を指定してください。");
            return 2;
        }
        if (fromTerminal) {
            try {
                RenewalResult result = TerminalServices.of(TerminalSetupLoader.load(home).setup()).renewalClient().renew();
                out.println("更新しました: シリアル " + result.previousSerial() + " → " + result.newSerial() + "、有効期限 "
                        + result.newNotAfter() + "。以前の証明書は " + result.previousCopy() + " に退避しました（"
                        + (result.previousRevokedAfter() == null ? "有効期限まで有効です"
                        : result.previousRevokedAfter() + " に失効します") + "）。");
                return 0;
            } catch (RenewalFailedException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
        }
        CaHome caHome = new CaHome(home);
        CertificateAuthority ca = caHome.open();
        IssuedCertificateRecord latest = ca.latestFor(institution).filter(r -> !r.revoked()).orElseThrow(() ->
                new IllegalArgumentException("医療機関等コード " + institution + " の失効していない証明書がありません（oqs ca issue で発行してください）。"));
        String name = new javax.security.auth.x500.X500Principal(latest.subject()).getName("RFC1779");
        String organization = organization(latest.subject());
        IssuedCredential renewed = ca.issueFacilityCertificate(institution, organization, Duration.ofDays(days));
        caHome.vault(ca).keep(renewed);
        out.println("更新しました: シリアル " + CaCommand.hex(latest.serial()) + " → "
                + CaCommand.hex(renewed.certificate().getSerialNumber()) + "（" + name + "）、有効期限 "
                + renewed.certificate().getNotAfter().toInstant() + "。以前の証明書は " + latest.notAfter() + " まで有効です"
                + (latest.notAfter().isBefore(Instant.now()) ? "（期限切れ）" : "") + "。");
        out.println("oqs ca export --home " + home + " --serial " + CaCommand.hex(renewed.certificate().getSerialNumber())
                + " --out <file.p12> で取得してください。");
        return 0;
    }

    private static String organization(String subject) {
        var rdns = org.bouncycastle.asn1.x500.X500Name.getInstance(
                new javax.security.auth.x500.X500Principal(subject).getEncoded())
                .getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.O);
        if (rdns.length == 1 && rdns[0].getFirst().getValue() instanceof org.bouncycastle.asn1.ASN1String text) {
            return text.getString();
        }
        throw new IllegalArgumentException("証明書の医療機関等の名称（O）を読み取れません: " + subject);
    }
}
