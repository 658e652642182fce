package org.openoqs.app.eps;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.openoqs.core.codec.eps.PrescriptionDocuments;
import org.openoqs.core.eps.CheckResult;
import org.openoqs.pki.HealthcareRole;
import org.openoqs.pki.HpkiCertificateAuthority;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.KeyStoreLoadException;
import org.openoqs.pki.PrescriptionSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * 電子処方箋 helpers for a レセコン / 電子カルテ developer (docs/e-prescription.md): a doctor's HPKI-style test
 * certificate from the HPKI test CA, and the signed {@code PrescriptionInfo} of a prescription document.
 */
@Command(name = "eps", mixinStandardHelpOptions = true,
        description = "電子処方箋: issue a test doctor's certificate and sign prescriptions (PrescriptionInfo).",
        subcommands = {EpsCommand.IssueDoctor.class, EpsCommand.Sign.class})
public final class EpsCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Use a subcommand: oqs eps issue-doctor | oqs eps sign (oqs eps --help)");
    }

    /** {@code oqs eps issue-doctor --ca DIR --name 試験　一郎 --out doctor.p12 --password PW}. */
    @Command(name = "issue-doctor", mixinStandardHelpOptions = true,
            description = "Issues an HPKI-style signature certificate (医師/歯科医師/薬剤師) from <ca>/hpki as PKCS#12.")
    static final class IssueDoctor implements Callable<Integer> {
        @Option(names = "--ca", required = true, description = "The facility CA directory (the demo's <home>/ca).")
        Path ca;
        @Option(names = "--name", required = true, description = "The holder's name; must equal DoctorName.")
        String name;
        @Option(names = "--role", defaultValue = "MEDICAL_DOCTOR",
                description = "MEDICAL_DOCTOR, DENTIST or PHARMACIST (default ${DEFAULT-VALUE}).")
        HealthcareRole role;
        @Option(names = "--out", required = true, description = "PKCS#12 file to write.")
        Path out;
        @Option(names = "--password", required = true, description = "Password of the PKCS#12 file.")
        String password;

        @Override
        public Integer call() {
            HpkiCertificateAuthority hpki = HpkiCertificateAuthority.initOrLoad(ca.resolve("hpki"),
                    "openoqs Test HPKI CA", Clock.systemUTC());
            IssuedCredential credential = hpki.issueSignatureCertificate(name, role);
            credential.writePkcs12(out, "hpki", password.toCharArray());
            System.out.println(out + " (" + role.label() + " " + name + ", serial "
                    + credential.certificate().getSerialNumber().toString(16) + ")");
            return 0;
        }
    }

    /** {@code oqs eps sign --p12 doctor.p12 --password PW --document rx.xml} prints the base64 PrescriptionInfo. */
    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Checks a PrescriptionDocument XML and prints its signed form (base64 CMS) for PrescriptionInfo.")
    static final class Sign implements Callable<Integer> {
        @Option(names = "--p12", required = true, description = "The doctor's PKCS#12 (oqs eps issue-doctor).")
        Path p12;
        @Option(names = "--password", required = true, description = "Its password.")
        String password;
        @Option(names = "--document", required = true, description = "The PrescriptionDocument XML file.")
        Path document;

        @Override
        public Integer call() throws Exception {
            PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
            byte[] bytes = Files.readAllBytes(document);
            PrescriptionDocuments.Reading reading = PrescriptionDocuments.read(bytes);
            if (!reading.ok()) {
                for (CheckResult problem : reading.problems()) {
                    err.println(problem.code().code() + " " + problem.message());
                }
                return 2;
            }
            PrescriptionSigner signer;
            try {
                signer = PrescriptionSigner.fromPkcs12(p12, password.toCharArray());
            } catch (KeyStoreLoadException e) {
                err.println("PKCS#12 を読み取れません: " + e.getMessage());
                return 2;
            }
            System.out.println(Base64.getEncoder().encodeToString(signer.sign(bytes)));
            return 0;
        }
    }
}
