package org.openoqs.terminal.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.card.CardSignatures;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PinLockStatement;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.card.PresenceStatement;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;

/**
 * What the card signs verifies against the card's certificate, which its issuer signed, and only for the one
 * challenge, facility, method and consents it was made for; the card signs nothing before presence is proved.
 */
class SimulatedCardSignatureTest {
    private static final String CARD = "P000000000000011";
    private static final CredentialKind KIND = CredentialKind.MY_NUMBER_CARD;

    @TempDir
    Path tmp;
    private SimulatedCardReader reader;
    private IssuingOffice office;
    private X509Certificate certificate;

    @BeforeEach
    void issueCard() {
        office = IssuingOffice.in(tmp.resolve("jpki"));
        reader = new SimulatedCardReader(tmp.resolve("wallet"));
        certificate = reader.issueCard(CARD, KIND, office);
    }

    @Test
    void theCertificateIsTheIssuersAndCertifiesTheKeyThatSigns() throws Exception {
        certificate.verify(office.caCertificate().getPublicKey());
        assertThat(reader.certificate(CARD, KIND)).contains(certificate);
        PresenceStatement statement = face("ch-1", "nonce-1");

        byte[] signature = reader.sign(CARD, KIND, PresenceCheck.face(true), statement);

        assertThat(CardSignatures.verify(certificate.getPublicKey(), statement.signingInput(), signature)).isTrue();
        assertThat(CardSignatures.verify(office.caCertificate().getPublicKey(), statement.signingInput(), signature))
                .as("signed by the card's own key, not the issuer's").isFalse();
    }

    @Test
    void aSignatureHoldsForItsOwnChallengeOnly() {
        PresenceStatement first = face("ch-1", "nonce-1");
        PresenceStatement second = face("ch-2", "nonce-2");

        byte[] signatureOfFirst = reader.sign(CARD, KIND, PresenceCheck.face(true), first);
        byte[] signatureOfSecond = reader.sign(CARD, KIND, PresenceCheck.face(true), second);

        assertThat(verifies(second, signatureOfFirst)).as("replayed for the next challenge").isFalse();
        assertThat(verifies(first, signatureOfSecond)).isFalse();
        assertThat(verifies(face("ch-1", "nonce-other"), signatureOfFirst)).as("same id, another nonce").isFalse();
        assertThat(verifies(second, signatureOfSecond)).isTrue();
    }

    @Test
    void aSignatureHoldsForItsFacilityMethodAndConsentsOnly() {
        PresenceStatement statement = new PresenceStatement("ch-1", "n-1", "0113810014", CARD, KIND,
                PresenceMethod.FACE, Set.of(ConsentCategory.DRUG), MedicalTreatmentFlag.OUTPATIENT);
        byte[] signature = reader.sign(CARD, KIND, PresenceCheck.face(true), statement);

        assertThat(verifies(new PresenceStatement("ch-1", "n-1", "0113820013", CARD, KIND, PresenceMethod.FACE,
                statement.consents(), MedicalTreatmentFlag.OUTPATIENT), signature)).as("another facility").isFalse();
        assertThat(verifies(new PresenceStatement("ch-1", "n-1", "0113810014", CARD, KIND, PresenceMethod.FACE,
                Set.of(), MedicalTreatmentFlag.OUTPATIENT), signature)).as("consents dropped").isFalse();
        assertThat(verifies(statement, signature)).isTrue();
    }

    @Test
    void aFaceThatDoesNotMatchGetsNoSignature() {
        refused(PresenceCheck.face(false), face("ch-1", "n-1"), ErrorCode.CARD_FACE_MISMATCH);
    }

    @Test
    void visualConfirmationNeedsTheStaffAndIsNotForSmartphones() {
        PresenceStatement visual = statement(PresenceMethod.VISUAL, KIND);
        refused(new PresenceCheck(PresenceMethod.VISUAL, null, false, false), visual,
                ErrorCode.PRESENCE_METHOD_NOT_ALLOWED);
        assertThat(reader.sign(CARD, KIND, PresenceCheck.visual(), visual)).isNotEmpty();

        reader.issueCard(CARD, CredentialKind.SMARTPHONE_ANDROID, office);
        assertThatThrownBy(() -> reader.sign(CARD, CredentialKind.SMARTPHONE_ANDROID, PresenceCheck.visual(),
                statement(PresenceMethod.VISUAL, CredentialKind.SMARTPHONE_ANDROID)))
                .isInstanceOfSatisfying(PresenceRefusedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.PRESENCE_METHOD_NOT_ALLOWED);
                    assertThat(e.userMessage()).contains("スマートフォンは目視確認できません");
                });
    }

    @Test
    void aStatementNamingAnotherMethodThanTheCheckIsNotSigned() {
        assertThatThrownBy(() -> reader.sign(CARD, KIND, PresenceCheck.face(true), statement(PresenceMethod.PIN, KIND)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another method");
    }

    @Test
    void aCardThatIsNotOnTheReaderCannotSign() {
        refusedFor("P000000000000012", KIND, ErrorCode.CARD_NOT_FOUND);
        refusedFor(CARD, CredentialKind.SMARTPHONE_IPHONE, ErrorCode.CARD_NOT_FOUND);
        assertThat(reader.certificate("P000000000000012", KIND)).isEmpty();
    }

    @Test
    void theCardSignsAPinLockReportOnlyWhileItsPinIsLocked() {
        PinLockStatement report = new PinLockStatement("ch-9", "n-9", "0113810014", CARD, KIND);
        assertThatThrownBy(() -> reader.signPinLock(CARD, KIND, report))
                .isInstanceOfSatisfying(PresenceRefusedException.class,
                        e -> assertThat(e.userMessage()).contains("ロックされていません"));

        for (String wrong : new String[] {"1111", "2222", "3333"}) {
            assertThatThrownBy(() -> reader.sign(CARD, KIND, PresenceCheck.pin(wrong),
                    statement(PresenceMethod.PIN, KIND))).isInstanceOf(PresenceRefusedException.class);
        }
        byte[] signature = reader.signPinLock(CARD, KIND, report);

        assertThat(CardSignatures.verify(certificate.getPublicKey(), report.signingInput(), signature)).isTrue();
        assertThatThrownBy(() -> reader.signPinLock(CARD, KIND,
                new PinLockStatement("ch-9", "n-9", "0113810014", "P000000000000013", KIND)))
                .as("a report about another card").isInstanceOf(PresenceRefusedException.class);
    }

    private void refusedFor(String cardId, CredentialKind kind, ErrorCode code) {
        assertThatThrownBy(() -> reader.sign(cardId, kind, PresenceCheck.face(true), face("ch-1", "n-1")))
                .isInstanceOfSatisfying(PresenceRefusedException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    private void refused(PresenceCheck check, PresenceStatement statement, ErrorCode code) {
        assertThatThrownBy(() -> reader.sign(CARD, KIND, check, statement))
                .isInstanceOfSatisfying(PresenceRefusedException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    private boolean verifies(PresenceStatement statement, byte[] signature) {
        return CardSignatures.verify(certificate.getPublicKey(), statement.signingInput(), signature);
    }

    private static PresenceStatement face(String challengeId, String nonce) {
        return new PresenceStatement(challengeId, nonce, "0113810014", CARD, KIND, PresenceMethod.FACE, Set.of(),
                MedicalTreatmentFlag.OUTPATIENT);
    }

    private static PresenceStatement statement(PresenceMethod method, CredentialKind kind) {
        return new PresenceStatement("ch-1", "n-1", "0113810014", CARD, kind, method, Set.of(),
                MedicalTreatmentFlag.OUTPATIENT);
    }
}
