package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CA keeps a generated key only until the facility downloads it with a password of its own. */
class IssuedCredentialVaultTest {
    @TempDir
    Path tmp;

    @Test
    void exportWritesPkcs12WithTheChosenPasswordAndForgetsTheCaCopy() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        IssuedCredentialVault vault = new IssuedCredentialVault(ca, "ca-secret".toCharArray());
        IssuedCredential issued = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        vault.keep(issued);
        Path pfx = tmp.resolve("download.p12");

        boolean exported = vault.export(issued.certificate().getSerialNumber(), pfx, "facility-pw".toCharArray(), false);

        assertThat(exported).isTrue();
        KeyStore store = TrustStores.loadPkcs12(pfx, "facility-pw".toCharArray());
        assertThat(store.getCertificate("facility")).isEqualTo(issued.certificate());
        assertThat(store.getKey("facility", "facility-pw".toCharArray())).isEqualTo(issued.privateKey());
        assertThat(vault.holds(issued.certificate().getSerialNumber())).isFalse();
        assertThat(vault.export(issued.certificate().getSerialNumber(), pfx, "x".toCharArray(), false)).isFalse();
        assertThatThrownBy(() -> TrustStores.loadPkcs12(pfx, "wrong".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
    }
}
