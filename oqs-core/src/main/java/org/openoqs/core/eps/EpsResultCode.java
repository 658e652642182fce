package org.openoqs.core.eps;

import java.util.Optional;

/**
 * Every result code of the 電子処方箋 (EPS) messages, in the format the public notes show for the real service
 * ({@code EPSB1032W}): {@code EPS} + a letter for the area + 4 digits + a severity letter. The real catalogue is not
 * public; these are openoqs's own, stable codes (never renumber one, only add), listed in docs/e-prescription.md.
 *
 * <p>Areas: {@code A} settings, roles and the request's own items; {@code B} prescriptions (register, search,
 * status, cancel, 控え); {@code C} dispensing (receive by 引換番号, dispensing results); {@code D} the prescribing
 * doctor's signature — {@code EPSD1001E} is the result code, {@code EPSD11xx} are the failure reasons listed in
 * {@code VerifyResultList}.
 *
 * <p>Severities: {@code I} the request was carried out, with a note ({@code ProcessingResultStatus} 1);
 * {@code W} not carried out, probably because it already was — check the status ({@code ProcessingResultStatus} 2,
 * as the notes describe for {@code EPSB1032W}); {@code E} refused ({@code ProcessingResultStatus} 2).
 */
public enum EpsResultCode {

    // ---- A: settings, roles, request items ------------------------------------------------------------------
    NOT_ENABLED("EPSA1001E", "電子処方箋管理サービスを利用しない設定の医療機関等です。環境設定で電子処方箋の利用を設定してください。",
            "The facility's 電子処方箋 setting (OQSCD038) is 0 利用しない: every EPS operation is refused."),
    PHARMACY_ONLY("EPSA1002E", "この操作は薬局のみ行えます。",
            "Receive and dispensing-result registration need a pharmacy (点数表番号 4)."),
    PRESCRIBER_ONLY("EPSA1003E", "この操作は医療機関（医科・歯科）のみ行えます。",
            "Register, search, cancel and 控え need a medical or dental facility (点数表番号 1 or 3)."),
    MISSING_ITEM("EPSA1101E", "必須項目が指定されていません。",
            "A mandatory element of the request body is missing or empty; the detail names it."),
    INVALID_ITEM("EPSA1102E", "項目の値が正しくありません。",
            "An element of the request body has the wrong format (date, code, length); the detail names it."),
    INVALID_DATE_RANGE("EPSA1103E", "期間の指定が正しくありません。開始日には終了日以前の日付を指定してください。",
            "A date range whose start is after its end."),
    DATE_RANGE_TOO_LONG("EPSA1104E", "期間は366日以内で指定してください。",
            "A date range longer than 366 days (search, dispensing-result list)."),
    INVALID_INSURER_NUMBER("EPSA1105E", "保険者番号が正しくありません。",
            "InsurerNumber is not 6 or 8 digits or its check digit is wrong."),

    // ---- B: prescriptions --------------------------------------------------------------------------------------
    UNREADABLE_PRESCRIPTION("EPSB1001E", "処方箋情報（PrescriptionInfo）を読み取れません。署名付きの処方箋情報をBase64で指定してください。",
            "PrescriptionInfo is not base64, or not a CMS SignedData carrying the prescription document."),
    INVALID_PRESCRIPTION_CONTENT("EPSB1002E", "処方箋の内容に誤りがあります。チェック結果一覧（XmlCheckResultList）を確認してください。",
            "The signed prescription document breaks one or more rules; each is listed in XmlCheckResultList."),
    PRESCRIPTION_INSTITUTION_MISMATCH("EPSB1003E", "処方箋の医療機関コードが要求元の医療機関と一致しません。",
            "The document's MedicalInstitutionCode is not the calling facility's."),
    ISSUE_TYPE_NOT_ALLOWED("EPSB1004E", "環境設定で利用しない処方箋の発行形態です。",
            "IssueType 1 (電子) from a facility set to 紙のみ, or 2 (紙) from one set to 電子のみ."),
    ALREADY_REGISTERED("EPSB1005I", "この処方箋は登録済みです。登録済みの処方箋IDと引換番号を返します。",
            "The same signed prescription was registered before (a retried file): the first registration is answered again."),
    PRESCRIPTION_EXPIRED_AT_REGISTRATION("EPSB1006E", "使用期限を過ぎた処方箋は登録できません。",
            "The document's ExpiryDate is before today."),
    PRESCRIPTION_NOT_FOUND("EPSB1011E", "指定された処方箋が見つかりません。",
            "No prescription with this PrescriptionId that the caller issued or received."),
    NO_PRESCRIPTIONS_FOUND("EPSB1021I", "条件に該当する処方箋はありません。",
            "A search that matched nothing (an empty list, not an error)."),
    CANNOT_CANCEL_RECEIVED("EPSB1031E", "薬局で受付済みまたは調剤済みの処方箋は取り消せません。",
            "Cancel of a prescription in status 調剤中 or 調剤済."),
    ALREADY_CANCELLED("EPSB1032W", "既に取り消されている可能性があります。処方箋の状態を確認してください。",
            "Cancel of a prescription that is already 取消済 (e.g. a retried cancel)."),
    COPY_UNAVAILABLE("EPSB1041E", "処方箋の控えを作成できませんでした（設定された日本語フォントを読み込めません）。",
            "The Japanese font configured with openoqs.pdf.font cannot be used to render the 控え PDF (the log names the reason; without the setting the bundled IPA Gothic is used)."),

    // ---- C: dispensing -----------------------------------------------------------------------------------------
    ACCESS_CODE_NOT_FOUND("EPSC1001E", "引換番号と生年月日に該当する処方箋がありません。",
            "No prescription has this AccessCode with this patient Birthdate (both must match; no hint which one is wrong)."),
    RECEIVE_CANCELLED("EPSC1002E", "取り消された処方箋は受け付けできません。",
            "Receive of a prescription in status 取消済."),
    RECEIVED_ELSEWHERE("EPSC1003E", "この処方箋は他の薬局で受付済みです。",
            "Receive (or a dispensing result) for a prescription another pharmacy holds."),
    ALREADY_DISPENSED("EPSC1004E", "この処方箋は調剤済みです。",
            "Receive of a prescription already in status 調剤済."),
    ALREADY_RECEIVED_HERE("EPSC1005I", "この処方箋は自薬局で受付済みです。",
            "Receive repeated by the pharmacy that holds the prescription (a retried file): answered again."),
    PRESCRIPTION_EXPIRED("EPSC1006E", "処方箋の使用期限を過ぎています。",
            "Receive after the document's ExpiryDate."),
    NOT_RECEIVED("EPSC1011E", "受付していない処方箋の調剤結果は登録できません。",
            "Dispensing result for a prescription in status 未受付 or 取消済."),
    INVALID_DISPENSING_RESULT("EPSC1012E", "調剤結果の内容に誤りがあります。",
            "The DispensingResult block breaks a rule; the detail names the element."),
    DISPENSING_ALREADY_REGISTERED("EPSC1013I", "調剤結果は登録済みです。",
            "The same dispensing result was registered before (a retried file): answered again."),
    DISPENSING_RESULT_CONFLICT("EPSC1014E", "調剤結果は登録済みのため変更できません。",
            "A different dispensing result for a prescription that already has one."),

    // ---- D: the prescribing doctor's signature ------------------------------------------------------------------
    SIGNATURE_INVALID("EPSD1001E", "処方医の電子署名を検証できませんでした。署名検証結果（VerifyResultList）を確認してください。",
            "The prescription's signature failed verification; every reason is listed in VerifyResultList."),
    SIGNATURE_MISSING("EPSD1101E", "電子署名がありません。",
            "Failure reason: the CMS SignedData has no signer."),
    SIGNATURE_MALFORMED("EPSD1102E", "電子署名の形式が正しくありません。",
            "Failure reason: the signer information cannot be read or names no certificate."),
    CONTENT_TAMPERED("EPSD1103E", "署名後に処方箋の内容が変更されています。",
            "Failure reason: the signature does not match the signed content."),
    SIGNER_UNTRUSTED("EPSD1104E", "署名者の証明書が保健医療福祉分野の認証局（HPKI）から発行されたものではありません。",
            "Failure reason: the signer certificate does not chain to the HPKI test CA."),
    SIGNER_NOT_PRESCRIBER("EPSD1105E", "署名者の証明書に医師・歯科医師の資格（hcRole）がありません。",
            "Failure reason: the certificate's hcRole is missing or not Medical Doctor / Dentist."),
    SIGNER_EXPIRED("EPSD1106E", "署名者の証明書の有効期限が切れています。",
            "Failure reason: the certificate expired before the registration."),
    SIGNER_NOT_YET_VALID("EPSD1107E", "署名者の証明書の有効期間が始まっていません。",
            "Failure reason: the certificate's notBefore is after the registration."),
    SIGNER_REVOKED("EPSD1108E", "署名者の証明書は失効しています。",
            "Failure reason: the certificate is on the HPKI CA's CRL."),
    REVOCATION_UNKNOWN("EPSD1109E", "署名者の証明書の失効情報を確認できません。",
            "Failure reason: no current CRL of the HPKI CA (fail closed)."),
    NOT_FOR_SIGNING("EPSD1110E", "署名者の証明書が署名用（否認防止）の証明書ではありません。",
            "Failure reason: the certificate lacks the nonRepudiation key usage or is a CA certificate."),
    SIGNER_NAME_MISMATCH("EPSD1111E", "署名者の氏名が処方箋の医師氏名と一致しません。",
            "Failure reason: the certificate's CN differs from the document's DoctorName.");

    /** What a code means for the request. */
    public enum Severity {
        /** Carried out, with a note. */
        INFORMATION('I'),
        /** Not carried out; probably done before — check the status. */
        WARNING('W'),
        /** Refused. */
        ERROR('E');

        private final char letter;

        Severity(char letter) {
            this.letter = letter;
        }

        static Severity of(char letter) {
            for (Severity s : values()) {
                if (s.letter == letter) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown severity letter " + letter);
        }
    }

    private final String code;
    private final String message;
    private final String description;

    EpsResultCode(String code, String message, String description) {
        if (!code.matches("EPS[A-Z]\\d{4}[IWE]")) {
            throw new IllegalArgumentException("not an EPS code: " + code);
        }
        this.code = code;
        this.message = message;
        this.description = description;
    }

    /** The machine code, e.g. {@code EPSB1032W}. */
    public String code() {
        return code;
    }

    /** Japanese message for users, written to {@code ProcessingResultMessage} / {@code ResultMessage}. */
    public String message() {
        return message;
    }

    /** English explanation for documentation and logs. */
    public String description() {
        return description;
    }

    public Severity severity() {
        return Severity.of(code.charAt(code.length() - 1));
    }

    /** True when the request was carried out ({@code ProcessingResultStatus} 1). */
    public boolean carriedOut() {
        return severity() == Severity.INFORMATION;
    }

    /** The message with a detail appended in full-width parentheses, or just the message when detail is blank. */
    public String messageWith(String detail) {
        return detail == null || detail.isBlank() ? message : message + "（" + detail + "）";
    }

    public static Optional<EpsResultCode> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.strip();
        for (EpsResultCode value : values()) {
            if (value.code.equals(trimmed)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
