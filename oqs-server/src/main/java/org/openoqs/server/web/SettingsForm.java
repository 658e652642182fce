package org.openoqs.server.web;

import java.util.ArrayList;
import java.util.List;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.CodeTable;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.server.facility.FacilitySettings;

/**
 * The 環境設定 form as posted: every field is a code ({@code 0}/{@code 1}; e-prescription OQSCD038
 * {@code 0}–{@code 3}; character code OQSCD005). Anything else is reported, never guessed.
 */
public record SettingsForm(String characterCode, String operationInfo, String ePrescription, String eKarteSharing,
                           String medicalAssistance, String emergencyInfo, String smartphone) {

    /** The outcome of reading the form: settings, or the Japanese reasons it could not be read. */
    public record Parsed(FacilitySettings settings, List<String> errors) {
    }

    public static SettingsForm of(FacilitySettings s) {
        return new SettingsForm(s.characterCode().code(), flag(s.operationInfo()), s.ePrescription().code(),
                flag(s.eKarteSharing()), flag(s.medicalAssistance()), flag(s.emergencyInfo()), flag(s.smartphone()));
    }

    public Parsed parse() {
        List<String> errors = new ArrayList<>();
        CharacterCode code = CodeTable.find(CharacterCode.class, characterCode).orElse(null);
        if (code == null) {
            errors.add("文字コードは UTF-8 または Shift_JIS を選択してください。");
        }
        EPrescriptionUse prescription = null;
        try {
            prescription = EPrescriptionUse.ofCode(ePrescription == null ? "" : ePrescription.strip());
        } catch (IllegalArgumentException unknown) {
            errors.add("電子処方箋管理サービスの利用区分を選択してください。");
        }
        Boolean operation = optIn(operationInfo, "手術情報", errors);
        Boolean eKarte = optIn(eKarteSharing, "電子カルテ情報共有サービス", errors);
        Boolean assistance = optIn(medicalAssistance, "医療扶助", errors);
        Boolean emergency = optIn(emergencyInfo, "救急時医療情報閲覧", errors);
        Boolean phone = optIn(smartphone, "スマホによる本人確認（カードリーダー使用）", errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new FacilitySettings(code, operation, prescription, eKarte, assistance, emergency, phone),
                List.of());
    }

    private static Boolean optIn(String value, String label, List<String> errors) {
        if ("1".equals(value)) {
            return true;
        }
        if ("0".equals(value)) {
            return false;
        }
        errors.add(label + "の「利用する」「利用しない」を選択してください。");
        return null;
    }

    private static String flag(boolean on) {
        return on ? "1" : "0";
    }
}
