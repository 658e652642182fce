package org.openoqs.terminal.reader;

import org.openoqs.terminal.central.CardPathRefusedException;

import org.openoqs.terminal.central.CardPathService;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.central.DeviceSignIn;

import org.openoqs.terminal.requests.eps.FacePrescriptionChoice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PinLockStatement;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.card.PresenceStatement;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.pki.IndividualCertificateAuthority;
import org.openoqs.terminal.face.FaceFolderWriter;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The confirmation flow at the terminal (docs/card-path.md, "Flow"): the card on the reader → a challenge from the
 * service (with any pending PIN reset for the card) → presence proved and the statement signed by the card → the
 * service verifies and answers → the face file. Used by the reader web page and {@code oqs reader confirm}.
 */
public final class ReaderStation {

    private static final Logger log = LoggerFactory.getLogger(ReaderStation.class);

    private final String institutionCode;
    private final SimulatedCardReader reader;
    private final CardPathService service;
    private final DeviceSignIn signIn;
    private final FaceFolderWriter faceFolder;
    private final FacePrescriptionChoice prescriptionChoice;
    private final ReaderConsentOffer consentOffer;
    private final AtomicReference<ReaderMode> mode = new AtomicReference<>(ReaderMode.UNMANNED);
    private final AtomicReference<ReaderOutcome> deviceProblem = new AtomicReference<>();

    /**
     * @param signIn             the reader's 顔認証用アカウント sign-in ({@link DeviceSignIn#NONE} for a service without
     *                           device sessions)
     * @param prescriptionChoice the facility's 電子処方箋 reader settings; {@code null} when the terminal has no
     *                           e-prescription service (the face result then never carries a choice)
     * @param consentOffer       which consents the 同意 screen offers (the facility's 環境設定); {@code null}:
     *                           everything but 電子カルテ情報 ({@link ReaderConsentOffer#withoutOptIns()})
     */
    public ReaderStation(String institutionCode, SimulatedCardReader reader, CardPathService service,
            DeviceSignIn signIn, FaceFolderWriter faceFolder, FacePrescriptionChoice prescriptionChoice,
            ReaderConsentOffer consentOffer) {
        this.consentOffer = consentOffer;
        this.institutionCode = Objects.requireNonNull(institutionCode, "institutionCode");
        this.reader = reader;
        this.service = service;
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.faceFolder = faceFolder;
        this.prescriptionChoice = prescriptionChoice;
    }

    /** True when the reader should ask the patient electronic or paper prescription (OQSCD038/039). */
    public boolean asksPrescriptionChoice() {
        return prescriptionChoice != null && prescriptionChoice.readerAsks();
    }

    /** The consents the 同意 screen offers now (電子カルテ情報 only where the facility switched the service on). */
    public Set<ConsentCategory> offeredConsents() {
        return consentOffer == null ? ReaderConsentOffer.withoutOptIns() : consentOffer.offered();
    }

    public ReaderMode mode() {
        return mode.get();
    }

    public void setMode(ReaderMode next) {
        mode.set(Objects.requireNonNull(next, "mode"));
    }

    public Path faceFolder() {
        return faceFolder.folder();
    }

    /**
     * Signs the reader's 顔認証用アカウント in (at start). A refusal — no account configured, wrong password, locked
     * or disabled account — is logged and shown on the reader page until a sign-in works; the reader still starts,
     * so the staff see why cards are refused.
     */
    public void signIn() {
        long started = System.nanoTime();
        try {
            signIn.signIn();
            deviceProblem.set(null);
        } catch (CentralServiceRefusedException refused) {
            log.warn("the card reader cannot sign in: {} {}", refused.errorCode().code(), refused.serviceMessage());
            deviceProblem.set(ReaderOutcome.refused(refused.errorCode(), refused.serviceMessage(), -1, millis(started)));
        } catch (CentralServiceUnavailableException down) {
            log.warn("the card reader could not sign in yet (service unreachable); it will at the first card");
        }
    }

    /** Why the reader cannot work with the service, when its last sign-in failed (shown on the reader page). */
    public java.util.Optional<ReaderOutcome> deviceProblem() {
        return java.util.Optional.ofNullable(deviceProblem.get());
    }

    public ReaderOutcome confirm(ReaderRequest r) {
        long started = System.nanoTime();
        try {
            ReaderOutcome outcome = run(r, started);
            rememberDeviceState(outcome);
            log.info("card confirmation {} {} {} → {}", r.cardId(), r.credential().cliName(), r.method().cliName(),
                    outcome.success() ? outcome.faceFile().getFileName() : outcome.errorCode().code());
            return outcome;
        } catch (CentralServiceUnavailableException down) {
            return ReaderOutcome.refused(ErrorCode.CENTRAL_SERVICE_UNAVAILABLE,
                    ErrorCode.CENTRAL_SERVICE_UNAVAILABLE.message(), -1, millis(started));
        }
    }

    private ReaderOutcome run(ReaderRequest r, long started) {
        if (!r.cardId().matches("[A-Za-z0-9]{1,32}")) {
            return ReaderOutcome.refused(ErrorCode.CARD_NOT_FOUND, ErrorCode.CARD_NOT_FOUND.message(), -1, millis(started));
        }
        if (!r.method().allowedFor(r.credential())) {
            return refused(new PresenceRefusedException(ErrorCode.PRESENCE_METHOD_NOT_ALLOWED,
                    "スマートフォンは目視確認できません"), started);
        }
        if (r.method() == PresenceMethod.FACE && r.credential() == CredentialKind.MY_NUMBER_CARD
                && mode.get() != ReaderMode.UNMANNED) {
            return refused(new PresenceRefusedException(ErrorCode.PRESENCE_METHOD_NOT_ALLOWED,
                    "顔認証付きカードリーダーが無人運転になっていません。顔認証付きカードリーダー操作で無人運転に切り替えてください"),
                    started);
        }
        try {
            // the challenge first: a reader that cannot sign in says so before anything else
            CardPathService.Challenge challenge = service.challenge(r.cardId(), r.credential());
            java.util.Optional<java.security.cert.X509Certificate> onReader = reader.certificate(r.cardId(), r.credential());
            if (onReader.isEmpty()) { // the issuer makes cards; the reader can only read the ones it holds
                return ReaderOutcome.refused(ErrorCode.CARD_NOT_FOUND,
                        ErrorCode.CARD_NOT_FOUND.messageWith("このカードはカードリーダーにありません"), -1, millis(started));
            }
            String certificatePem = IndividualCertificateAuthority.pem(onReader.get());
            if (challenge.pinResetGeneration() > 0 && challenge.pinResetSignature() != null) {
                reader.offerPinReset(r.cardId(), r.credential(), challenge.pinResetGeneration(),
                        Base64.getDecoder().decode(challenge.pinResetSignature()));
            }
            PresenceStatement statement = new PresenceStatement(challenge.challengeId(), challenge.nonce(),
                    institutionCode, r.cardId(), r.credential(), r.method(), r.consents(), r.treatment());
            byte[] signature;
            try {
                signature = reader.sign(r.cardId(), r.credential(), r.check(), statement);
            } catch (PresenceRefusedException refused) {
                if (refused.errorCode() == ErrorCode.CARD_PIN_LOCKED) {
                    reportLock(r, challenge);
                }
                return refused(refused, started);
            }
            List<String> consents = new ArrayList<>();
            r.consents().forEach(c -> consents.add(c.cliName()));
            QualificationInquiryResult result = service.confirm(r.cardId(), new CardPathService.Confirmation(
                    challenge.challengeId(), r.credential(), r.method().cliName(), consents, r.treatment().code(),
                    certificatePem, Base64.getEncoder().encodeToString(signature)));
            if (prescriptionChoice != null) {
                result = prescriptionChoice.apply(result, r.prescriptionChoice()); // set only where opted in
            }
            Path file = faceFolder.write(result);
            String name = result.body().results().stream().map(ResultOfQualificationConfirmation::name)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            return new ReaderOutcome(true, null, null, file, result.body().qualificationValidity(), name, -1,
                    millis(started));
        } catch (CardPathRefusedException refused) {
            return ReaderOutcome.refused(refused.errorCode(), refused.serviceMessage(), -1, millis(started));
        }
    }

    /**
     * 救急時医療情報閲覧 (docs/emergency-view.md "Identifying the patient by card"): the staff read an unconscious
     * patient's card for the 受付番号 an emergency account of this facility was given. The staff compare the photo
     * (目視確認, {@code staffConfirmed}); the card signs the statement with no consent and the treatment 救急; the
     * service binds the card's person to the number. No face file is written and nothing about the patient comes back.
     */
    public ReaderOutcome identifyForEmergency(String cardId, String requestCode, boolean staffConfirmed) {
        long started = System.nanoTime();
        if (!cardId.matches("[A-Za-z0-9]{1,32}")) {
            return ReaderOutcome.refused(ErrorCode.CARD_NOT_FOUND, ErrorCode.CARD_NOT_FOUND.message(), -1, millis(started));
        }
        try {
            CardPathService.Challenge challenge = service.challenge(cardId, CredentialKind.MY_NUMBER_CARD);
            java.util.Optional<java.security.cert.X509Certificate> onReader = reader.certificate(cardId,
                    CredentialKind.MY_NUMBER_CARD);
            if (onReader.isEmpty()) {
                return ReaderOutcome.refused(ErrorCode.CARD_NOT_FOUND,
                        ErrorCode.CARD_NOT_FOUND.messageWith("このカードはカードリーダーにありません"), -1, millis(started));
            }
            PresenceStatement statement = new PresenceStatement(challenge.challengeId(), challenge.nonce(),
                    institutionCode, cardId, CredentialKind.MY_NUMBER_CARD, PresenceMethod.VISUAL, java.util.Set.of(),
                    org.openoqs.core.consent.MedicalTreatmentFlag.EMERGENCY);
            byte[] signature = reader.sign(cardId, CredentialKind.MY_NUMBER_CARD,
                    new PresenceCheck(PresenceMethod.VISUAL, null, false, staffConfirmed), statement);
            service.identifyForEmergency(cardId, challenge.challengeId(), requestCode,
                    IndividualCertificateAuthority.pem(onReader.get()), Base64.getEncoder().encodeToString(signature));
            log.info("emergency identification {} for a 受付番号 → identified", cardId);
            return new ReaderOutcome(true, null, null, null, null, null, -1, millis(started));
        } catch (PresenceRefusedException refused) {
            return refused(refused, started);
        } catch (CardPathRefusedException refused) {
            return ReaderOutcome.refused(refused.errorCode(), refused.serviceMessage(), -1, millis(started));
        } catch (CentralServiceUnavailableException down) {
            return ReaderOutcome.refused(ErrorCode.CENTRAL_SERVICE_UNAVAILABLE,
                    ErrorCode.CENTRAL_SERVICE_UNAVAILABLE.message(), -1, millis(started));
        }
    }

    // A refusal of the reader's sign-in stays on the page; anything the service decided about a card means it works.
    private void rememberDeviceState(ReaderOutcome outcome) {
        if (outcome.success() || outcome.errorCode() == null) {
            deviceProblem.set(null);
        } else if (isDeviceSignInProblem(outcome.errorCode())) {
            deviceProblem.set(outcome);
        }
    }

    static boolean isDeviceSignInProblem(ErrorCode code) {
        return switch (code) {
            case DEVICE_SIGN_IN_REFUSED, DEVICE_ACCOUNT_LOCKED, DEVICE_SESSION_REQUIRED, DEVICE_SESSION_EXPIRED,
                    DEVICE_SESSION_FOREIGN, DEVICE_CREDENTIALS_MISSING -> true;
            default -> false;
        };
    }

    /** The card signs that it is locked over the (still unused) challenge; the service believes only that. */
    private void reportLock(ReaderRequest r, CardPathService.Challenge challenge) {
        try {
            PinLockStatement statement = new PinLockStatement(challenge.challengeId(), challenge.nonce(),
                    institutionCode, r.cardId(), r.credential());
            byte[] signature = reader.signPinLock(r.cardId(), r.credential(), statement);
            service.reportPinLocked(r.cardId(), r.credential(), challenge.challengeId(),
                    Base64.getEncoder().encodeToString(signature));
        } catch (RuntimeException e) {
            log.warn("could not report the PIN lock of card {} to the service: {}", r.cardId(), e.toString());
        }
    }

    private static ReaderOutcome refused(PresenceRefusedException e, long started) {
        return ReaderOutcome.refused(e.errorCode(), e.userMessage(), e.remainingTries(), millis(started));
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
