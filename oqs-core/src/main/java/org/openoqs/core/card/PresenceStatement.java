package org.openoqs.core.card;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;

/**
 * What a credential signs to prove its holder is at this facility's reader now: the service's one-time challenge
 * bound to the facility, the card, the credential, the presence method and the patient's consent choices. Binding
 * the consents means the choices recorded by the service are exactly the ones the holder confirmed with the card.
 *
 * <p>The signed bytes are UTF-8 lines (LF), in this order: the version tag {@value #VERSION}, challenge id, nonce,
 * institution code, card id, credential, method, consents (their short names sorted and comma-separated, empty
 * when none), care setting code (OQSCD028). No field may contain a line break.
 */
public record PresenceStatement(
        String challengeId,
        String nonce,
        String institutionCode,
        String cardId,
        CredentialKind credential,
        PresenceMethod method,
        Set<ConsentCategory> consents,
        MedicalTreatmentFlag treatment) {

    public static final String VERSION = "openoqs-card-presence-v1";

    public PresenceStatement {
        requireLine(challengeId, "challengeId");
        requireLine(nonce, "nonce");
        requireLine(institutionCode, "institutionCode");
        requireLine(cardId, "cardId");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(treatment, "treatment");
        consents = consents == null ? Set.of() : Set.copyOf(consents);
    }

    /** The exact bytes the credential signs and the service verifies. */
    public byte[] signingInput() {
        TreeSet<String> names = new TreeSet<>();
        consents.forEach(c -> names.add(c.cliName()));
        String text = String.join("\n", VERSION, challengeId, nonce, institutionCode, cardId, credential.cliName(),
                method.cliName(), String.join(",", names), treatment.code());
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void requireLine(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(name + " must be one non-empty line");
        }
    }
}
