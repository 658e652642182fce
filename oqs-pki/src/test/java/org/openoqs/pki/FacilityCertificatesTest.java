package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FacilityCertificatesTest {
    @TempDir
    Path tmp;

    @Test
    void institutionCodeIsTheCnWhenItIsTenAsciiDigits() {
        assertThat(FacilityCertificates.institutionCodeOf(new X500Principal("CN=1312345678, O=医院, C=JP")))
                .contains("1312345678");
        assertThat(FacilityCertificates.institutionCodeOf(new X500Principal("C=JP, O=医院, CN=0112345678")))
                .contains("0112345678");
    }

    @Test
    void anythingElseGivesEmpty() {
        for (String dn : new String[] {
                "CN=131234567, C=JP", "CN=13123456789, C=JP", "CN=１３１２３４５６７８, C=JP", "CN=131234567a, C=JP",
                "CN=\\ 1312345678, C=JP", "O=1312345678, C=JP", "CN=1312345678, CN=2712345670, C=JP",
                "CN=1312345678+SERIALNUMBER=1, C=JP"}) {
            assertThat(FacilityCertificates.institutionCodeOf(new X500Principal(dn))).as(dn).isEmpty();
        }
    }

    @Test
    void serverCertificateHasNoInstitutionCode() {
        assertThat(FacilityCertificates.institutionCodeOf(Pki.ca(tmp).issueServerCertificate("localhost")
                .certificate())).isEmpty();
    }
}
