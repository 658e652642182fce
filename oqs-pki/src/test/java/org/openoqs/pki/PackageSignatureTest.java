package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detached CMS signatures on packages: only an intact package signed by a code-signing certificate of the CA passes. */
class PackageSignatureTest {
    @TempDir
    Path tmp;

    CertificateAuthority ca;
    IssuedCredential codeSigning;
    Path pkg;
    PackageSignatureVerifier verifier;

    @BeforeEach
    void setUp() throws Exception {
        ca = Pki.ca(tmp);
        codeSigning = ca.issueCodeSigningCertificate("openoqs distribution");
        pkg = tmp.resolve("oqs-terminal-1.2.0.zip");
        Files.write(pkg, "package content 配信".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        verifier = new PackageSignatureVerifier(ca.caCertificate(), ca::currentCrl);
    }

    @Test
    void intactPackageSignedByTheCodeSigningCertificateIsValid() {
        byte[] signature = PackageSigner.of(codeSigning).sign(pkg);

        SignatureCheck check = verifier.verify(pkg, signature, Instant.now());

        assertThat(check.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(check.signer()).contains(codeSigning.certificate());
    }

    @Test
    void oneChangedByteIsReportedAsTampering() throws Exception {
        byte[] signature = PackageSigner.of(codeSigning).sign(pkg);
        byte[] bytes = Files.readAllBytes(pkg);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(pkg, bytes);

        SignatureCheck check = verifier.verify(pkg, signature, Instant.now());

        assertThat(check.status()).isEqualTo(SignatureStatus.CONTENT_MISMATCH);
        assertThat(check.message()).contains("改ざん");
    }

    @Test
    void unsignedPackageIsRefused() {
        assertThat(verifier.verify(pkg, null, Instant.now()).status()).isEqualTo(SignatureStatus.MISSING);
        assertThat(verifier.verify(pkg, new byte[0], Instant.now()).message()).contains("署名がありません");
    }

    @Test
    void facilityCertificateOfTheSameCaIsNoCodeSigner() {
        IssuedCredential facility = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);

        SignatureCheck check = verifier.verify(pkg, PackageSigner.of(facility).sign(pkg), Instant.now());

        assertThat(check.status()).isEqualTo(SignatureStatus.NOT_CODE_SIGNING);
    }

    @Test
    void signerFromAnotherCaIsNotTrusted() {
        CertificateAuthority foreign = CertificateAuthority.initOrLoad(tmp.resolve("foreign"), "openoqs Test CA");
        IssuedCredential impostor = foreign.issueCodeSigningCertificate("openoqs distribution");

        SignatureCheck check = verifier.verify(pkg, PackageSigner.of(impostor).sign(pkg), Instant.now());

        assertThat(check.status()).isEqualTo(SignatureStatus.UNTRUSTED_SIGNER);
    }

    @Test
    void revokedSignerIsRefusedWhenTheCrlIsChecked() {
        byte[] signature = PackageSigner.of(codeSigning).sign(pkg);
        ca.revoke(codeSigning.certificate().getSerialNumber(), "keyCompromise");

        assertThat(verifier.verify(pkg, signature, Instant.now()).status()).isEqualTo(SignatureStatus.SIGNER_REVOKED);
        assertThat(new PackageSignatureVerifier(ca.caCertificate(), () -> null).verify(pkg, signature, Instant.now())
                .status()).isEqualTo(SignatureStatus.CRL_UNAVAILABLE);
    }

    @Test
    void expiredSignerIsRefused() {
        byte[] signature = PackageSigner.of(codeSigning).sign(pkg);
        Instant afterExpiry = codeSigning.certificate().getNotAfter().toInstant().plusSeconds(60);

        assertThat(new PackageSignatureVerifier(ca.caCertificate(), null).verify(pkg, signature, afterExpiry).status())
                .isEqualTo(SignatureStatus.SIGNER_EXPIRED);
    }

    @Test
    void garbageSignatureIsMalformed() {
        assertThat(verifier.verify(pkg, "not a signature".getBytes(), Instant.now()).status())
                .isEqualTo(SignatureStatus.MALFORMED);
    }
}
