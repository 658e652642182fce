package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CA home written by the code before the CA was split into key, storage, issuance and CRL publication
 * ({@code home-before-ca-split}: a facility CA with two facility and one server certificate, one revoked; an HPKI CA
 * with one revoked doctor; an individuals' CA) keeps working: the same CAs load, what was issued and revoked is
 * still known, issuing continues above the old serials, and a new home has the same files.
 */
class CaHomeFromBeforeTheSplitTest {
    private static final BigInteger FACILITY = new BigInteger("1AACB5B69E395", 16);
    private static final BigInteger REVOKED_FACILITY = new BigInteger("1AACB5B69E397", 16);
    private static final BigInteger REVOKED_DOCTOR = new BigInteger("a9077e2cc0fb5ed273", 16);

    @TempDir
    Path tmp;

    @Test
    void theFacilityCaLoadsWithItsIndexAndKeepsIssuingAboveTheOldSerials() throws Exception {
        Path home = copyOfOldHome();
        String oldAnchor = Files.readString(home.resolve("ca/ca.pem"));

        CertificateAuthority ca = CertificateAuthority.initOrLoad(home.resolve("ca"), "ignored");

        assertThat(ca.caCertificate()).isEqualTo(Pki.parsePem(oldAnchor));
        assertThat(Files.readString(home.resolve("ca/ca.pem"))).isEqualTo(oldAnchor);
        assertThat(ca.issued()).hasSize(3);
        assertThat(ca.isRevoked(REVOKED_FACILITY)).isTrue();
        assertThat(ca.isRevoked(FACILITY)).isFalse();
        assertThat(ca.latestFor("0113810014")).get().extracting(IssuedCertificateRecord::serial).isEqualTo(FACILITY);
        assertThat(ca.issuedCertificate(FACILITY)).isPresent();
        assertThat(ca.currentCrl().getRevokedCertificate(REVOKED_FACILITY)).isNotNull();

        IssuedCredential next = ca.issueFacilityCertificate("0113810014", "レガシー診療所");

        assertThat(next.certificate().getSerialNumber()).isGreaterThan(REVOKED_FACILITY);
        Pki.validate(next.certificate(), ca.caCertificate());
        assertThat(CertificateAuthority.initOrLoad(home.resolve("ca"), "ignored").issued()).hasSize(4);
    }

    @Test
    void theHpkiCaLoadsAndStillListsItsRevokedDoctor() throws Exception {
        Path home = copyOfOldHome();

        HpkiCertificateAuthority hpki = HpkiCertificateAuthority.initOrLoad(home.resolve("ca/hpki"), "ignored",
                Clock.systemUTC());

        assertThat(hpki.caCertificate()).isEqualTo(Pki.parsePem(Files.readString(home.resolve("ca/hpki/ca.pem"))));
        assertThat(hpki.currentCrl().getRevokedCertificate(REVOKED_DOCTOR)).isNotNull();
        Pki.validate(hpki.issueSignatureCertificate("新しい医師", HealthcareRole.MEDICAL_DOCTOR).certificate(),
                hpki.caCertificate());
    }

    @Test
    void theIndividualsCaLoadsTheSameKey() throws Exception {
        Path home = copyOfOldHome();

        IndividualCertificateAuthority individual = IndividualCertificateAuthority.initOrLoad(
                home.resolve("individual"), "ignored", Clock.systemUTC());

        assertThat(individual.caCertificate())
                .isEqualTo(Pki.parsePem(Files.readString(home.resolve("individual/ca.pem"))));
    }

    @Test
    void aNewHomeHasTheSameFilesAsTheOldOne() throws Exception {
        Path fresh = tmp.resolve("fresh");
        CertificateAuthority ca = CertificateAuthority.initOrLoad(fresh.resolve("ca"), "openoqs Legacy Test CA");
        ca.issueFacilityCertificate("0113810014", "レガシー診療所");
        ca.issueServerCertificate("localhost", "127.0.0.1");
        ca.revoke(ca.issueFacilityCertificate("0113820013", "レガシー病院").certificate().getSerialNumber(), "superseded");
        HpkiCertificateAuthority hpki = HpkiCertificateAuthority.initOrLoad(fresh.resolve("ca/hpki"), "HPKI",
                Clock.systemUTC());
        hpki.revoke(hpki.issueSignatureCertificate("医師", HealthcareRole.MEDICAL_DOCTOR).certificate().getSerialNumber());
        IndividualCertificateAuthority.initOrLoad(fresh.resolve("individual"), "JPKI", Clock.systemUTC());

        Set<String> expected = withoutSerials(fileNames(oldHome()));
        expected.add("ca/ca.lock"); // not kept in the fixture: an empty lock file
        assertThat(withoutSerials(fileNames(fresh))).isEqualTo(expected);
        assertThat(Files.readAllLines(fresh.resolve("ca/index.tsv")).get(0))
                .isEqualTo(Files.readAllLines(oldHome().resolve("ca/index.tsv")).get(0));
    }

    private Path copyOfOldHome() throws Exception {
        Path source = oldHome();
        Path target = tmp.resolve("home");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    private static Path oldHome() throws URISyntaxException {
        return Path.of(CaHomeFromBeforeTheSplitTest.class.getResource("home-before-ca-split").toURI());
    }

    private static Set<String> fileNames(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return new TreeSet<>(files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/')).toList());
        }
    }

    /** {@code issued/<SERIAL>.pem} differ by serial only. */
    private static Set<String> withoutSerials(Set<String> names) {
        Set<String> out = new TreeSet<>();
        for (String name : names) {
            out.add(name.startsWith("ca/issued/") ? "ca/issued/" + List.of(name.split("/")).size() : name);
        }
        return out;
    }
}
