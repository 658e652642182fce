package org.openoqs.terminal.central;

/**
 * The sign-in of the card reader's 顔認証用アカウント on the service (docs/card-path.md, "Device sign-in"):
 * {@link HttpsDeviceSignIn} keeps the session its card calls present. Signing in at start shows a missing or wrong
 * account at once instead of at the first card.
 */
public interface DeviceSignIn {

    /**
     * Signs in now, or keeps a current session.
     *
     * @throws CentralServiceRefusedException {@code OQSF9301}, {@code OQSF9302}, {@code OQSF9306}
     * @throws org.openoqs.terminal.linkage.CentralServiceUnavailableException the service cannot be reached
     */
    void signIn();

    /** Ends the session at shutdown (best effort, never throws). */
    void signOut();

    /** A reader without device sessions (a service that does not ask for them): nothing to sign in. */
    DeviceSignIn NONE = new DeviceSignIn() {
        @Override
        public void signIn() {
        }

        @Override
        public void signOut() {
        }
    };
}
