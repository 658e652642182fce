package org.openoqs.terminal.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.card.CredentialKind;

/** A locked PIN is lifted only by a reset its issuing office signed, of a generation the card has not seen. */
class SimulatedCardPinResetTest {
    private static final String CARD = "P000000000000007";
    private static final CredentialKind KIND = CredentialKind.MY_NUMBER_CARD;

    @TempDir
    Path tmp;
    private SimulatedCardReader reader;
    private IssuingOffice office;

    @BeforeEach
    void lockTheCard() {
        office = IssuingOffice.in(tmp.resolve("jpki"));
        reader = new SimulatedCardReader(tmp.resolve("wallet"));
        reader.issueCard(CARD, KIND, office.issuingLockedCards());
        assertThat(reader.pinLocked(CARD, KIND)).isTrue();
    }

    @Test
    void theOfficesSignedResetUnlocksTheCardWithAllTries() {
        reader.offerPinReset(CARD, KIND, 1, office.pinReset(CARD, 1));

        assertThat(reader.pinLocked(CARD, KIND)).isFalse();
        assertThat(reader.sign(CARD, KIND, PresenceCheck.pin("0007"), SimulatedCardPinTest.statement(CARD))).isNotEmpty();
        assertThat(new SimulatedCardReader(tmp.resolve("wallet")).pinLocked(CARD, KIND)).as("kept on the card").isFalse();
    }

    @Test
    void aResetSignedByAnotherOfficeIsIgnored() {
        IssuingOffice stranger = IssuingOffice.in(tmp.resolve("other-jpki"));

        reader.offerPinReset(CARD, KIND, 1, stranger.pinReset(CARD, 1));

        assertThat(reader.pinLocked(CARD, KIND)).isTrue();
    }

    @Test
    void aResetForAnotherCardOrAnotherGenerationIsIgnored() {
        reader.offerPinReset(CARD, KIND, 1, office.pinReset("P000000000000008", 1));
        reader.offerPinReset(CARD, KIND, 2, office.pinReset(CARD, 1));

        assertThat(reader.pinLocked(CARD, KIND)).isTrue();
    }

    @Test
    void aResetIsUsedOnceAnOlderOneNeverAgain() {
        reader.offerPinReset(CARD, KIND, 2, office.pinReset(CARD, 2));
        lockAgain();

        reader.offerPinReset(CARD, KIND, 2, office.pinReset(CARD, 2));
        reader.offerPinReset(CARD, KIND, 1, office.pinReset(CARD, 1));

        assertThat(reader.pinLocked(CARD, KIND)).as("a replayed or older reset").isTrue();
        reader.offerPinReset(CARD, KIND, 3, office.pinReset(CARD, 3));
        assertThat(reader.pinLocked(CARD, KIND)).isFalse();
    }

    @Test
    void noResetWithoutASignatureOrWithGenerationZero() {
        reader.offerPinReset(CARD, KIND, 1, null);
        reader.offerPinReset(CARD, KIND, 0, office.pinReset(CARD, 1));
        reader.offerPinReset(CARD, KIND, 1, new byte[] {1, 2, 3});

        assertThat(reader.pinLocked(CARD, KIND)).isTrue();
    }

    @Test
    void aResetOfferedForACardNotOnTheReaderChangesNothing() {
        reader.offerPinReset("P000000000000099", KIND, 1, office.pinReset("P000000000000099", 1));

        assertThat(reader.certificate("P000000000000099", KIND)).isEmpty();
    }

    private void lockAgain() {
        for (String wrong : new String[] {"1111", "2222", "3333"}) {
            assertThatThrownBy(() -> reader.sign(CARD, KIND, PresenceCheck.pin(wrong),
                    SimulatedCardPinTest.statement(CARD))).isInstanceOf(PresenceRefusedException.class);
        }
        assertThat(reader.pinLocked(CARD, KIND)).isTrue();
    }
}
