package org.openoqs.core.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;

/** The signature covers every field of the statement, consents included. */
class PresenceStatementSignatureTest {

    @Test
    void anyChangedFieldBreaksTheSignature() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = g.generateKeyPair();
        PresenceStatement signed = new PresenceStatement("c1", "nonce", "0113810014", "P000000000000001",
                CredentialKind.MY_NUMBER_CARD, PresenceMethod.FACE, Set.of(ConsentCategory.DRUG), MedicalTreatmentFlag.OUTPATIENT);
        byte[] signature = CardSignatures.sign(keys.getPrivate(), signed.signingInput());
        assertThat(CardSignatures.verify(keys.getPublic(), signed.signingInput(), signature)).isTrue();
        PresenceStatement moreConsent = new PresenceStatement("c1", "nonce", "0113810014", "P000000000000001",
                CredentialKind.MY_NUMBER_CARD, PresenceMethod.FACE, Set.of(ConsentCategory.DRUG, ConsentCategory.CHECKUP),
                MedicalTreatmentFlag.OUTPATIENT);
        PresenceStatement otherFacility = new PresenceStatement("c1", "nonce", "1313810010", "P000000000000001",
                CredentialKind.MY_NUMBER_CARD, PresenceMethod.FACE, Set.of(ConsentCategory.DRUG), MedicalTreatmentFlag.OUTPATIENT);
        assertThat(CardSignatures.verify(keys.getPublic(), moreConsent.signingInput(), signature)).isFalse();
        assertThat(CardSignatures.verify(keys.getPublic(), otherFacility.signingInput(), signature)).isFalse();
        assertThat(CardSignatures.verify(keys.getPublic(), signed.signingInput(), new byte[] {1, 2, 3})).isFalse();
    }
}
