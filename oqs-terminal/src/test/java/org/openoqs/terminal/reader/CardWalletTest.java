package org.openoqs.terminal.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PinRetryCounter;
import org.openoqs.pki.IndividualCertificateAuthority;

/**
 * The simulator's wallet: one owner-only file per credential that a new reader reads back as it was; a card is made
 * once by its issuer and only with the key the chip generated; bad card ids and damaged files are named.
 */
class CardWalletTest {
    private static final String CARD = "P000000000000021";

    @TempDir
    Path tmp;
    private IssuingOffice office;

    @BeforeEach
    void office() {
        office = IssuingOffice.in(tmp.resolve("jpki"));
    }

    @Test
    void aCardIsKeptInItsOwnOwnerOnlyFileAndReadBackByANewWallet() throws Exception {
        X509Certificate issued = new SimulatedCardReader(tmp.resolve("wallet")).issueCard(CARD,
                CredentialKind.MY_NUMBER_CARD, office);
        Path file = tmp.resolve("wallet").resolve(CARD + ".card.card");

        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SimulatedCard card = new CardWallet(tmp.resolve("wallet")).find(CARD, CredentialKind.MY_NUMBER_CARD).orElseThrow();
        assertThat(card.certificate()).isEqualTo(issued);
        assertThat(card.issuer()).isEqualTo(office.caCertificate());
        assertThat(card.counter()).isEqualTo(PinRetryCounter.fresh());
        assertThat(card.pin().matches(SimulatedCardReader.initialPin(CARD))).isTrue();
        assertThat(Files.readString(file)).as("the PIN itself is never stored").doesNotContain("pin=0021");
    }

    @Test
    void theCardAndEachSmartphoneOfOnePersonAreSeparateCredentials() {
        SimulatedCardReader reader = new SimulatedCardReader(tmp.resolve("wallet"));
        X509Certificate card = reader.issueCard(CARD, CredentialKind.MY_NUMBER_CARD, office);
        X509Certificate phone = reader.issueCard(CARD, CredentialKind.SMARTPHONE_IPHONE, office);

        assertThat(phone.getPublicKey()).isNotEqualTo(card.getPublicKey());
        assertThat(tmp.resolve("wallet").resolve(CARD + ".iphone.card")).isRegularFile();
        assertThat(reader.certificate(CARD, CredentialKind.SMARTPHONE_ANDROID)).isEmpty();
    }

    @Test
    void aCardAlreadyOnTheReaderIsKeptAndItsIssuerNotAskedAgain() {
        AtomicInteger asked = new AtomicInteger();
        CardIssuer counting = (cardId, kind, key) -> {
            asked.incrementAndGet();
            return office.certify(cardId, kind, key);
        };
        SimulatedCardReader reader = new SimulatedCardReader(tmp.resolve("wallet"));

        X509Certificate first = reader.issueCard(CARD, CredentialKind.MY_NUMBER_CARD, counting);
        X509Certificate again = new SimulatedCardReader(tmp.resolve("wallet")).issueCard(CARD,
                CredentialKind.MY_NUMBER_CARD, counting);

        assertThat(again).isEqualTo(first);
        assertThat(asked).hasValue(1);
    }

    @Test
    void anIssuerThatCertifiesAnotherKeyMakesNoCard() throws Exception {
        byte[] otherKey = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic().getEncoded();
        CardIssuer swapping = (cardId, kind, key) -> office.certify(cardId, kind, otherKey);
        SimulatedCardReader reader = new SimulatedCardReader(tmp.resolve("wallet"));

        assertThatThrownBy(() -> reader.issueCard(CARD, CredentialKind.MY_NUMBER_CARD, swapping))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another key");
        assertThat(reader.certificate(CARD, CredentialKind.MY_NUMBER_CARD)).isEmpty();
    }

    @Test
    void anIssuerAnsweringWithAnUnreadableCertificateMakesNoCard() {
        CardIssuer broken = (cardId, kind, key) -> new CardIssuer.Issued("-----BEGIN CERTIFICATE-----\nAAAA\n"
                + "-----END CERTIFICATE-----\n", IndividualCertificateAuthority.pem(office.caCertificate()), false, 0);
        SimulatedCardReader reader = new SimulatedCardReader(tmp.resolve("wallet"));

        assertThatThrownBy(() -> reader.issueCard(CARD, CredentialKind.MY_NUMBER_CARD, broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unreadable certificate");
        assertThat(reader.certificate(CARD, CredentialKind.MY_NUMBER_CARD)).isEmpty();
    }

    @Test
    void aCardIdThatIsNoFileNameIsRefused() {
        CardWallet wallet = new CardWallet(tmp.resolve("wallet"));

        for (String bad : new String[] {"../etc/passwd", "P0001/x", "", "P".repeat(33), "カード1"}) {
            assertThatThrownBy(() -> wallet.find(bad, CredentialKind.MY_NUMBER_CARD)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1-32 letters or digits");
        }
    }

    @Test
    void aDamagedCardFileIsNamed() throws Exception {
        new SimulatedCardReader(tmp.resolve("wallet")).issueCard(CARD, CredentialKind.MY_NUMBER_CARD, office);
        Path file = tmp.resolve("wallet").resolve(CARD + ".card.card");
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^key=.*$", "key=not-base64!"),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new CardWallet(tmp.resolve("wallet")).find(CARD, CredentialKind.MY_NUMBER_CARD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("damaged");
    }

    @Test
    void aCardNotInTheWalletIsEmpty() {
        assertThat(new CardWallet(tmp.resolve("nowhere")).find(CARD, CredentialKind.MY_NUMBER_CARD)).isEmpty();
    }
}
