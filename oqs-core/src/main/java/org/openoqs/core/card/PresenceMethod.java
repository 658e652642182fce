package org.openoqs.core.card;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the holder's presence is proved before the credential signs the service's challenge (seed chapter 2: the
 * three browser extensions nopinauth = 顔認証, pinauth = 暗証番号, delegate = 目視確認).
 */
public enum PresenceMethod {
    /** The face-auth reader compares the face with the card's photo (on a smartphone: the phone's biometrics). */
    FACE("face", "顔認証"),
    /** The 4-digit PIN of the 利用者証明用電子証明書, checked by the card itself. */
    PIN("pin", "暗証番号"),
    /** Staff compare the card's photo with the patient (目視確認) on a generic reader. */
    VISUAL("visual", "目視確認");

    private final String cliName;
    private final String label;

    PresenceMethod(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    /**
     * Whether this method can prove presence for the credential. A smartphone has no printed photo, so staff
     * cannot check it visually; it proves presence with the phone's biometrics (iPhone) or PIN (Android and iPhone).
     */
    public boolean allowedFor(CredentialKind credential) {
        return !(credential.isSmartphone() && this == VISUAL);
    }

    public static Optional<PresenceMethod> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.cliName.equals(n) || m.name().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }
}
