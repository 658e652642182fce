package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key of a CA, kept the same way by all three: made once, loaded afterwards, its files repaired or named. */
class CaKeyTest {
    private static final X500Name SUBJECT = new X500Name("C=JP,O=openoqs,CN=Key Test CA");
    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aNewKeyIsASelfSignedCaBackDatedFiveMinutesWithItsFilesOwnerOnly() throws Exception {
        CaKey key = CaKey.createOrLoad(tmp, SUBJECT, null, Clock.fixed(NOW, ZoneOffset.UTC));

        key.certificate().verify(key.certificate().getPublicKey());
        assertThat(key.certificate().getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
        assertThat(Duration.between(key.certificate().getNotBefore().toInstant(),
                key.certificate().getNotAfter().toInstant())).isEqualTo(CaKey.CA_VALIDITY);
        for (String secret : new String[] {CaKey.KEY_STORE_FILE, CaKey.PASSWORD_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve(secret))))
                    .as(secret).isEqualTo("rw-------");
        }
        assertThat(Pki.parsePem(Files.readString(tmp.resolve(CaKey.CERTIFICATE_FILE)))).isEqualTo(key.certificate());
    }

    @Test
    void theSecondTimeTheSameKeyIsLoadedAndAMissingCaPemIsWrittenAgain() throws Exception {
        CaKey first = CaKey.createOrLoad(tmp, SUBJECT, null, Clock.systemUTC());
        Files.delete(tmp.resolve(CaKey.CERTIFICATE_FILE));

        CaKey again = CaKey.createOrLoad(tmp, new X500Name("CN=ignored"), null, Clock.systemUTC());

        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(again.privateKey()).isEqualTo(first.privateKey());
        assertThat(Pki.parsePem(Files.readString(tmp.resolve(CaKey.CERTIFICATE_FILE)))).isEqualTo(first.certificate());
    }

    @Test
    void aKeyStoreWithoutItsPasswordIsNamedAndAWrongPasswordRefused() throws Exception {
        CaKey.createOrLoad(tmp.resolve("given"), SUBJECT, "s3cret".toCharArray(), Clock.systemUTC());
        assertThat(tmp.resolve("given").resolve(CaKey.PASSWORD_FILE)).doesNotExist();

        assertThatThrownBy(() -> CaKey.createOrLoad(tmp.resolve("given"), SUBJECT, null, Clock.systemUTC()))
                .isInstanceOf(CertificateAuthorityException.class)
                .hasMessageContaining("no password was given");
        assertThatThrownBy(() -> CaKey.createOrLoad(tmp.resolve("given"), SUBJECT, "wrong".toCharArray(),
                Clock.systemUTC()))
                .isInstanceOf(CertificateAuthorityException.class)
                .hasCauseInstanceOf(WrongPasswordException.class);
    }
}
