package org.openoqs.server.facility;

import java.util.Objects;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.consent.ConsentCategory;

/**
 * The 環境設定 of a facility (seed chapter 9). Every opt-in defaults to 利用しない.
 *
 * @param characterCode       encoding of the result files the facility's terminal writes (OQSCD005)
 * @param operationInfo       手術情報の閲覧
 * @param ePrescription       電子処方箋 (OQSCD038)
 * @param eKarteSharing       電子カルテ情報共有サービス
 * @param medicalAssistance   医療扶助 (オンライン資格確認の医療扶助)
 * @param emergencyInfo       救急時医療情報閲覧 (hospitals only)
 * @param smartphone          スマートフォンによる資格確認
 */
public record FacilitySettings(
        CharacterCode characterCode,
        boolean operationInfo,
        EPrescriptionUse ePrescription,
        boolean eKarteSharing,
        boolean medicalAssistance,
        boolean emergencyInfo,
        boolean smartphone) {

    public static final FacilitySettings DEFAULTS =
            new FacilitySettings(CharacterCode.UTF_8, false, EPrescriptionUse.NOT_USED, false, false, false, false);

    public FacilitySettings {
        Objects.requireNonNull(characterCode, "characterCode");
        Objects.requireNonNull(ePrescription, "ePrescription");
    }

    /**
     * Whether the card reader offers {@code category} to this facility's patients and results show it: 手術情報 only
     * where {@link #operationInfo} is on, 電子カルテ情報 only where {@link #eKarteSharing} is on; the rest always.
     */
    public boolean offersConsent(ConsentCategory category) {
        return switch (Objects.requireNonNull(category, "category")) {
            case SURGERY -> operationInfo;
            case CLINS -> eKarteSharing;
            default -> true;
        };
    }

    public FacilitySettings withCharacterCode(CharacterCode value) {
        return new FacilitySettings(value, operationInfo, ePrescription, eKarteSharing, medicalAssistance,
                emergencyInfo, smartphone);
    }

    public FacilitySettings withOperationInfo(boolean value) {
        return new FacilitySettings(characterCode, value, ePrescription, eKarteSharing, medicalAssistance,
                emergencyInfo, smartphone);
    }

    public FacilitySettings withEPrescription(EPrescriptionUse value) {
        return new FacilitySettings(characterCode, operationInfo, value, eKarteSharing, medicalAssistance,
                emergencyInfo, smartphone);
    }

    public FacilitySettings withEKarteSharing(boolean value) {
        return new FacilitySettings(characterCode, operationInfo, ePrescription, value, medicalAssistance,
                emergencyInfo, smartphone);
    }

    public FacilitySettings withMedicalAssistance(boolean value) {
        return new FacilitySettings(characterCode, operationInfo, ePrescription, eKarteSharing, value,
                emergencyInfo, smartphone);
    }

    public FacilitySettings withEmergencyInfo(boolean value) {
        return new FacilitySettings(characterCode, operationInfo, ePrescription, eKarteSharing, medicalAssistance,
                value, smartphone);
    }

    public FacilitySettings withSmartphone(boolean value) {
        return new FacilitySettings(characterCode, operationInfo, ePrescription, eKarteSharing, medicalAssistance,
                emergencyInfo, value);
    }
}
