package org.openoqs.terminal.central;

import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.medical.MedicalInformationKind;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.xml.XmlNode;

/**
 * The card path of a terminal built without it (a simulated central service that only answers number inquiries):
 * every call is refused with {@link ErrorCode#CENTRAL_SERVICE_UNAVAILABLE}, so those requests get a clear error
 * result instead of no answer.
 */
public enum UnreachableCardPathService implements CardPathService {
    INSTANCE;

    private static CardPathRefusedException refusal() {
        return new CardPathRefusedException(ErrorCode.CENTRAL_SERVICE_UNAVAILABLE,
                ErrorCode.CENTRAL_SERVICE_UNAVAILABLE.messageWith("この端末はカード・医療情報のサービスに接続していません"));
    }

    @Override
    public Challenge challenge(String cardId, CredentialKind kind) {
        throw refusal();
    }

    @Override
    public QualificationInquiryResult confirm(String cardId, Confirmation confirmation) {
        throw refusal();
    }

    @Override
    public void reportPinLocked(String cardId, CredentialKind kind, String challengeId, String signatureBase64) {
        throw refusal();
    }

    @Override
    public void identifyForEmergency(String cardId, String challengeId, String requestCode, String certificatePem,
            String signatureBase64) {
        throw refusal();
    }

    @Override
    public XmlNode registerReferenceNumber(XmlNode request) {
        throw refusal();
    }

    @Override
    public MedicalAnswer medicalInformation(MedicalInformationKind kind, XmlNode request) {
        throw refusal();
    }

    @Override
    public XmlNode homeCareInquiry(org.openoqs.core.consent.MedicalTreatmentFlag treatment, XmlNode request) {
        throw refusal();
    }

    @Override
    public java.util.Set<String> facilityOptIns() {
        throw refusal();
    }

    @Override
    public XmlNode homeCareUrl(XmlNode request) {
        throw refusal();
    }
}
