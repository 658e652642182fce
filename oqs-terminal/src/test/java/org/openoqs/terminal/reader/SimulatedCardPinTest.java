package org.openoqs.terminal.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.card.PresenceStatement;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;

/** The card checks its PIN itself: three wrong in a row lock it, a right one before that restores the tries. */
class SimulatedCardPinTest {
    private static final String CARD = "P000000000000042";
    private static final String RIGHT_PIN = "0042";

    @TempDir
    Path tmp;
    private SimulatedCardReader reader;

    @BeforeEach
    void issueCard() {
        reader = new SimulatedCardReader(tmp.resolve("wallet"));
        reader.issueCard(CARD, CredentialKind.MY_NUMBER_CARD, IssuingOffice.in(tmp.resolve("jpki")));
    }

    @Test
    void theInitialPinIsTheLastFourDigitsOfTheCardId() {
        assertThat(SimulatedCardReader.initialPin(CARD)).isEqualTo(RIGHT_PIN);
        assertThat(SimulatedCardReader.initialPin("ABC12")).as("fewer than four digits").isEqualTo("1234");
        assertThat(signWithPin(RIGHT_PIN)).isNotEmpty();
    }

    @Test
    void eachWrongPinCountsDownAndSaysHowManyTriesAreLeft() {
        assertThatThrownBy(() -> signWithPin("9999"))
                .isInstanceOfSatisfying(PresenceRefusedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CARD_PIN_INCORRECT);
                    assertThat(e.remainingTries()).isEqualTo(2);
                    assertThat(e.userMessage()).contains("残り2回");
                });
        assertThatThrownBy(() -> signWithPin("9998"))
                .isInstanceOfSatisfying(PresenceRefusedException.class, e -> assertThat(e.remainingTries()).isEqualTo(1));
    }

    @Test
    void theThirdWrongPinLocksTheCardAndThenEvenTheRightPinIsRefused() {
        refusedWith("1111", ErrorCode.CARD_PIN_INCORRECT);
        refusedWith("2222", ErrorCode.CARD_PIN_INCORRECT);

        assertThatThrownBy(() -> signWithPin("3333"))
                .isInstanceOfSatisfying(PresenceRefusedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CARD_PIN_LOCKED);
                    assertThat(e.remainingTries()).isZero();
                    assertThat(e.userMessage()).contains("3回続けて誤りました");
                });
        assertThat(reader.pinLocked(CARD, CredentialKind.MY_NUMBER_CARD)).isTrue();
        refusedWith(RIGHT_PIN, ErrorCode.CARD_PIN_LOCKED);
    }

    @Test
    void theRightPinBeforeTheLockRestoresAllTries() {
        refusedWith("1111", ErrorCode.CARD_PIN_INCORRECT);
        refusedWith("2222", ErrorCode.CARD_PIN_INCORRECT);

        assertThat(signWithPin(RIGHT_PIN)).isNotEmpty();

        assertThatThrownBy(() -> signWithPin("3333"))
                .isInstanceOfSatisfying(PresenceRefusedException.class, e -> assertThat(e.remainingTries()).isEqualTo(2));
    }

    @Test
    void aMalformedPinIsRefusedWithoutCostingATry() {
        for (String malformed : new String[] {"123", "12345", "12a4", "１２３４", "", null}) {
            refusedWith(malformed, ErrorCode.INVALID_PIN_FORMAT);
        }

        assertThatThrownBy(() -> signWithPin("9999"))
                .isInstanceOfSatisfying(PresenceRefusedException.class, e -> assertThat(e.remainingTries()).isEqualTo(2));
    }

    @Test
    void theCountOfWrongPinsOutlivesTheReader() {
        refusedWith("1111", ErrorCode.CARD_PIN_INCORRECT);
        refusedWith("2222", ErrorCode.CARD_PIN_INCORRECT);

        reader = new SimulatedCardReader(tmp.resolve("wallet"));

        refusedWith("3333", ErrorCode.CARD_PIN_LOCKED);
        assertThat(new SimulatedCardReader(tmp.resolve("wallet")).pinLocked(CARD, CredentialKind.MY_NUMBER_CARD))
                .isTrue();
    }

    @Test
    void aCardRegisteredLockedIsLockedFromTheStart() {
        reader.issueCard("P000000000000043", CredentialKind.MY_NUMBER_CARD,
                IssuingOffice.in(tmp.resolve("jpki")).issuingLockedCards());

        assertThat(reader.pinLocked("P000000000000043", CredentialKind.MY_NUMBER_CARD)).isTrue();
        assertThatThrownBy(() -> reader.sign("P000000000000043", CredentialKind.MY_NUMBER_CARD,
                PresenceCheck.pin("0043"), statement("P000000000000043")))
                .isInstanceOfSatisfying(PresenceRefusedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CARD_PIN_LOCKED));
    }

    @Test
    void aPinIsNeverShownInTheCheck() {
        assertThat(PresenceCheck.pin(RIGHT_PIN).toString()).doesNotContain(RIGHT_PIN);
    }

    private void refusedWith(String pin, ErrorCode code) {
        assertThatThrownBy(() -> signWithPin(pin))
                .isInstanceOfSatisfying(PresenceRefusedException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    private byte[] signWithPin(String pin) {
        return reader.sign(CARD, CredentialKind.MY_NUMBER_CARD, PresenceCheck.pin(pin), statement(CARD));
    }

    static PresenceStatement statement(String cardId) {
        return new PresenceStatement("ch-1", "nonce-1", "0113810014", cardId, CredentialKind.MY_NUMBER_CARD,
                PresenceMethod.PIN, Set.of(), MedicalTreatmentFlag.OUTPATIENT);
    }
}
