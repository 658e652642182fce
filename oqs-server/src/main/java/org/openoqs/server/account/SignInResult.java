package org.openoqs.server.account;

import java.util.Optional;

/**
 * Outcome of a sign-in attempt. Unknown IDs, wrong passwords, disabled and machine accounts all end as
 * {@link Refused} (and an unknown ID "locks" after the same number of attempts as a real one), so the answer never
 * tells whether an ID exists.
 */
public sealed interface SignInResult {

    /** The password was right; {@code changeRequired} sends the user to the password change first. */
    record Success(Account account, Optional<PasswordPolicy.ChangeReason> changeRequired) implements SignInResult {
    }

    /** ID or password wrong (or the account may not sign in here). */
    record Refused() implements SignInResult {
    }

    /** Too many failed attempts: locked until a manager unlocks it. */
    record Locked() implements SignInResult {
    }

    /** Too many attempts from this client address for this facility in the last minute; nothing was checked. */
    record Throttled() implements SignInResult {
    }
}
