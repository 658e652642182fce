package org.openoqs.terminal.central;

import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.medical.MedicalInformationKind;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.xml.XmlNode;

/**
 * The central service's card-path, 照会番号 and medical-information endpoints as the terminal sees them
 * (docs/card-path.md). {@link HttpsCardPathService} talks mutual TLS; tests may implement it directly.
 *
 * <p>Every method throws {@link org.openoqs.terminal.linkage.CentralServiceUnavailableException} when the service
 * cannot be reached and {@link CardPathRefusedException} when it refused (with the service's code and message).
 */
public interface CardPathService {

    /** A one-time challenge, and the issuing office's latest PIN reset for the card (generation 0: none). */
    record Challenge(String challengeId, String nonce, long pinResetGeneration, String pinResetSignature) {
    }

    /** The signed presence statement and what it covers. */
    record Confirmation(String challengeId, CredentialKind credential, String method, java.util.List<String> consents,
            String treatment, String certificatePem, String signatureBase64) {
    }

    /** A medical-information answer: the result tree, or PDF bytes. */
    record MedicalAnswer(XmlNode xml, byte[] pdf) {
    }

    Challenge challenge(String cardId, CredentialKind kind);

    QualificationInquiryResult confirm(String cardId, Confirmation confirmation);

    /**
     * Reports that the card locked its PIN, with the card's signature over a {@link org.openoqs.core.card.PinLockStatement}
     * on {@code challengeId}: the service believes the card, never the reader alone.
     */
    void reportPinLocked(String cardId, CredentialKind kind, String challengeId, String signatureBase64);

    /**
     * 救急時医療情報閲覧 (docs/emergency-view.md "Identifying the patient by card"): the card read for an emergency
     * account's 受付番号, with the card's signature over the 目視確認 / 救急 / no-consent statement on {@code challengeId}.
     */
    void identifyForEmergency(String cardId, String challengeId, String requestCode, String certificatePem,
            String signatureBase64);

    XmlNode registerReferenceNumber(XmlNode request);

    MedicalAnswer medicalInformation(MedicalInformationKind kind, XmlNode request);

    /**
     * 居宅同意取得型 re-inquiry ({@code OQSsihvq} / {@code OQSsionq}, docs/home-care.md): the request tree → the result
     * tree (errors in the message are results).
     */
    XmlNode homeCareInquiry(org.openoqs.core.consent.MedicalTreatmentFlag treatment, XmlNode request);

    /**
     * The names of the facility's 環境設定 opt-ins that are switched on ({@code "1"}), which decide the consent
     * choices its reader offers ({@code reader.ReaderConsentOffer}).
     */
    java.util.Set<String> facilityOptIns();

    /** マイナ在宅受付Web URL and QR code ({@code OQSsiurl01}, docs/home-care.md): the request tree → the result tree. */
    XmlNode homeCareUrl(XmlNode request);
}
