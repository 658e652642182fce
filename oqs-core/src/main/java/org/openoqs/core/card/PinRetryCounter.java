package org.openoqs.core.card;

/**
 * The card's PIN retry counter (JPKI: three wrong PINs in a row lock the certificate; only the issuing
 * municipal office can reset it). Immutable; each attempt gives the next state.
 *
 * @param remainingTries tries left before the lock, 0 when locked
 * @param resetGeneration how many times the issuing office has reset the PIN; a reset is accepted only for a
 *                        higher generation than the last one applied, so an old reset cannot be replayed
 */
public record PinRetryCounter(int remainingTries, long resetGeneration) {

    public static final int MAX_TRIES = 3;

    public PinRetryCounter {
        if (remainingTries < 0 || remainingTries > MAX_TRIES) {
            throw new IllegalArgumentException("remainingTries must be 0.." + MAX_TRIES);
        }
    }

    public static PinRetryCounter fresh() {
        return new PinRetryCounter(MAX_TRIES, 0);
    }

    public static PinRetryCounter lockedFromIssue() {
        return new PinRetryCounter(0, 0);
    }

    public boolean locked() {
        return remainingTries == 0;
    }

    /** After a correct PIN: the counter starts again. */
    public PinRetryCounter afterCorrect() {
        return new PinRetryCounter(MAX_TRIES, resetGeneration);
    }

    /** After a wrong PIN: one try fewer (the third wrong one locks). */
    public PinRetryCounter afterWrong() {
        return new PinRetryCounter(Math.max(0, remainingTries - 1), resetGeneration);
    }

    /** After the issuing office's reset of {@code generation}; an older or equal generation changes nothing. */
    public PinRetryCounter afterReset(long generation) {
        return generation > resetGeneration ? new PinRetryCounter(MAX_TRIES, generation) : this;
    }
}
