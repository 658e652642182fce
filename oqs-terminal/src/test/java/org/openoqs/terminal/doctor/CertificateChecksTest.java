package org.openoqs.terminal.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.pki.CertificateAuthority;

/** certificate.present / .issuer / .validity on crafted homes. */
class CertificateChecksTest {
    @TempDir
    Path tmp;

    CertificateAuthority ca() {
        return CertificateAuthority.initOrLoad(tmp.resolve("ca"), "openoqs Test CA");
    }

    @Test
    void healthyCertificatePassesAllThree() throws Exception {
        TerminalSetup setup = Homes.healthy(tmp, ca());

        assertThat(Homes.run(new CertificatePresentCheck(), setup).status()).isEqualTo(Verdict.OK);
        assertThat(Homes.run(new CertificateIssuerCheck(), setup).status()).isEqualTo(Verdict.OK);
        assertThat(Homes.run(new CertificateValidityCheck(), setup).status()).isEqualTo(Verdict.OK);
    }

    @Test
    void missingCertificateFileFailsAndTheDependentChecksSaySo() throws Exception {
        TerminalSetup setup = Homes.healthy(tmp, ca());
        Files.delete(setup.clientPkcs12());

        Finding present = Homes.run(new CertificatePresentCheck(), setup);

        assertThat(present.status()).isEqualTo(Verdict.FAIL);
        assertThat(present.message()).contains("client.p12");
        assertThat(Homes.run(new CertificateValidityCheck(), setup).status()).isEqualTo(Verdict.SKIP);
    }

    @Test
    void certificateOfAnotherCaFailsTheIssuerCheck() throws Exception {
        CertificateAuthority foreign = CertificateAuthority.initOrLoad(tmp.resolve("foreign"), "openoqs Test CA");
        TerminalSetup setup = Homes.healthy(tmp, ca(), foreign.issueFacilityCertificate(Homes.CODE, "偽の診療所"));

        Finding finding = Homes.run(new CertificateIssuerCheck(), setup);

        assertThat(finding.status()).isEqualTo(Verdict.FAIL);
        assertThat(finding.message()).contains("信頼する認証局");
    }

    @Test
    void expiredCertificateFails() throws Exception {
        Instant now = Instant.now();
        TerminalSetup setup = Homes.healthy(tmp, ca(), ca().issueFacilityCertificate(Homes.CODE, "オープン診療所",
                now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(2))));

        Finding finding = Homes.run(new CertificateValidityCheck(), setup);

        assertThat(finding.status()).isEqualTo(Verdict.FAIL);
        assertThat(finding.message()).contains("切れています");
        assertThat(finding.fix()).contains("oqs ca renew");
    }

    @Test
    void certificateEndingWithinThirtyDaysIsAWarning() throws Exception {
        Instant now = Instant.now();
        TerminalSetup setup = Homes.healthy(tmp, ca(), ca().issueFacilityCertificate(Homes.CODE, "オープン診療所",
                now.minus(Duration.ofDays(400)), now.plus(Duration.ofDays(12))));

        Finding finding = Homes.run(new CertificateValidityCheck(), setup);

        assertThat(finding.status()).isEqualTo(Verdict.WARN);
        assertThat(finding.message()).contains("あと11日").as("rounded down");
    }

    @Test
    void certificateOfAnotherInstitutionThanConfiguredFails() throws Exception {
        TerminalSetup setup = Homes.healthy(tmp, ca(), ca().issueFacilityCertificate("1313810705", "別の診療所"));

        assertThat(Homes.run(new CertificatePresentCheck(), setup).message()).contains("一致しません");
    }
}
