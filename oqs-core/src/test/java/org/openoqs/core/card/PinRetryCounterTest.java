package org.openoqs.core.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Three wrong PINs in a row lock; a correct one resets the count; only a newer office reset unlocks. */
class PinRetryCounterTest {

    @Test
    void thirdWrongPinLocksAndOnlyANewerResetUnlocks() {
        PinRetryCounter c = PinRetryCounter.fresh().afterWrong().afterWrong();
        assertThat(c.remainingTries()).isEqualTo(1);
        assertThat(c.afterCorrect().remainingTries()).isEqualTo(3);
        PinRetryCounter locked = c.afterWrong();
        assertThat(locked.locked()).isTrue();
        assertThat(locked.afterWrong().locked()).isTrue();
        PinRetryCounter reset = locked.afterReset(1);
        assertThat(reset.locked()).isFalse();
        assertThat(reset.afterWrong().afterWrong().afterWrong().afterReset(1).locked()).as("replayed reset").isTrue();
    }

    @Test
    void pinVerifierMatchesOnlyTheFourDigitPin() {
        CardPin pin = CardPin.of("0412");
        assertThat(pin.matches("0412")).isTrue();
        assertThat(pin.matches("0413")).isFalse();
        assertThat(pin.matches("412")).isFalse();
        assertThat(pin.matches("０４１２")).isFalse();
        assertThat(pin.hash()).doesNotContain("0412");
        assertThat(CardPin.isWellFormed("12a4")).isFalse();
    }
}
