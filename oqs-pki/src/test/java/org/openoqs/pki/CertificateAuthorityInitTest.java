package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityInitTest {
    @TempDir
    Path tmp;

    @Test
    void secondStartLoadsTheSameCa() throws Exception {
        CertificateAuthority first = Pki.ca(tmp);
        CertificateAuthority second = Pki.ca(tmp);

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        // Same key, not just the same certificate: what the reloaded CA signs validates under the first one.
        IssuedCredential issued = second.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        Pki.validate(issued.certificate(), first.caCertificate());
    }

    @Test
    void caCertificateIsASelfSignedTwentyYearCa() throws Exception {
        X509Certificate ca = Pki.ca(tmp).caCertificate();

        ca.verify(ca.getPublicKey());
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=openoqs Test CA,O=openoqs,C=JP");
        assertThat(ca.getBasicConstraints()).isZero();
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(ca.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("EC");
        Duration lifetime = Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant());
        assertThat(lifetime).isEqualTo(CertificateAuthority.CA_VALIDITY);
        assertThat(ca.getNotBefore().toInstant()).isBefore(Instant.now());
    }

    @Test
    void stateFilesAreCreatedWithPrivateFilesOwnerOnly() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        Path dir = ca.directory();

        assertThat(dir.resolve(CertificateAuthority.KEY_STORE_FILE)).exists();
        assertThat(dir.resolve(CertificateAuthority.INDEX_FILE)).exists();
        assertThat(dir.resolve(CertificateAuthority.CRL_FILE)).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.password"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.p12"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(Pki.parsePem(Files.readString(ca.caCertificateFile()))).isEqualTo(ca.caCertificate());
        assertThat(TrustStores.loadPkcs12(dir.resolve("ca.p12"),
                Files.readString(dir.resolve("ca.password")).strip().toCharArray()).containsAlias("ca")).isTrue();
    }

    @Test
    void givenPasswordIsRequiredToLoadAgain() {
        Path dir = tmp.resolve("ca");
        CertificateAuthority created = CertificateAuthority.initOrLoad(dir, "Given CA", "s3cret".toCharArray());

        assertThat(dir.resolve(CertificateAuthority.PASSWORD_FILE)).doesNotExist();
        assertThat(CertificateAuthority.initOrLoad(dir, "Given CA", "s3cret".toCharArray()).caCertificate())
                .isEqualTo(created.caCertificate());
        assertThatThrownBy(() -> CertificateAuthority.initOrLoad(dir, "Given CA", "wrong".toCharArray()))
                .isInstanceOf(CertificateAuthorityException.class)
                .hasCauseInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> CertificateAuthority.initOrLoad(dir, "Given CA"))
                .isInstanceOf(CertificateAuthorityException.class)
                .hasMessageContaining("no password was given");
    }

    @Test
    void refusesToReplaceACaWhoseKeyStoreWasLost() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        Files.delete(ca.directory().resolve(CertificateAuthority.KEY_STORE_FILE));

        assertThatThrownBy(() -> Pki.ca(tmp))
                .isInstanceOf(CertificateAuthorityException.class)
                .hasMessageContaining("refusing to create a new CA");
    }
}
