package org.openoqs.core.error;

import java.util.Optional;

/**
 * Every error openoqs reports in a result file, with a stable machine code and a Japanese message.
 *
 * <p>The official code catalogue (別紙6-1 処理結果コード) is not public, so openoqs uses its own scheme:
 * {@code OQSF} + 4 digits for errors of the file as a whole ({@link Level#FILE}: {@code SegmentOfResult} 9 and the
 * header's {@code ErrorCode}/{@code ErrorMessage}) and {@code OQSP} + 4 digits for errors of one person
 * ({@link Level#PERSON}: {@code ProcessingResultStatus} 2 and the body's
 * {@code ProcessingResultCode}/{@code ProcessingResultMessage}). Codes are stable: never renumber one, only add.
 * docs/errors.md lists them all.
 *
 * <p>Number ranges: 1000s reading the bytes (size, encoding, XML, security); 1100s message structure;
 * 1200s header values; 1300s file name and request type; 2000s–2100s the search block of one person;
 * 9000s the central service and internal failures.
 */
public enum ErrorCode {

    // ---- file level: the bytes -------------------------------------------------------------------------------
    EMPTY_FILE("OQSF1001", Level.FILE,
            "ファイルが空です。要求ファイルの内容を確認してください。",
            "The file has no bytes, or only whitespace."),
    FILE_TOO_LARGE("OQSF1002", Level.FILE,
            "ファイルサイズが上限を超えています。",
            "The file is larger than the reader's limit (10 MiB by default)."),
    MALFORMED_XML("OQSF1003", Level.FILE,
            "XMLの形式が正しくありません。タグの対応や記述を確認してください。",
            "The bytes decode but are not well-formed XML (truncated, not XML, undeclared entity, text before the declaration, …)."),
    DOCTYPE_FORBIDDEN("OQSF1004", Level.FILE,
            "DOCTYPE宣言（DTD・実体宣言）を含むファイルは受け付けできません。",
            "The document has a DOCTYPE: internal subset, external DTD, XXE or entity expansion are all refused before any processing."),
    UNSUPPORTED_ENCODING("OQSF1005", Level.FILE,
            "XML宣言の文字コード（encoding）に対応していません。UTF-8 または Shift_JIS を指定してください。",
            "The XML declaration names an encoding other than UTF-8 or the Shift_JIS family."),
    ENCODING_MISMATCH("OQSF1006", Level.FILE,
            "ファイルの内容がXML宣言の文字コードと一致しません。文字コードを確認してください。",
            "The bytes are not valid in the declared (or default UTF-8) encoding: Shift_JIS bytes declared as UTF-8, a UTF-16 file, a UTF-8 BOM with a Shift_JIS declaration, NUL bytes."),
    XML_TOO_COMPLEX("OQSF1007", Level.FILE,
            "XMLの階層または要素数が上限を超えています。",
            "Element nesting deeper than the limit (32) or more elements than the limit (200,000)."),
    MALFORMED_JSON("OQSF1008", Level.FILE,
            "JSONの形式が正しくありません。",
            "A terminal-API body is not JSON, or not a single-rooted object mirroring the XML message."),

    // ---- file level: message structure ------------------------------------------------------------------------
    WRONG_ROOT("OQSF1101", Level.FILE,
            "ルート要素が XmlMsg ではありません。",
            "The root element is not XmlMsg."),
    MISSING_MESSAGE_HEADER("OQSF1102", Level.FILE,
            "MessageHeader（メッセージヘッダー）がありません。",
            "XmlMsg has no MessageHeader element."),
    MISSING_MESSAGE_BODY("OQSF1103", Level.FILE,
            "MessageBody（メッセージボディ）がありません。",
            "XmlMsg has no MessageBody element."),

    // ---- file level: header values ----------------------------------------------------------------------------
    MISSING_INSTITUTION_CODE("OQSF1201", Level.FILE,
            "医療機関コード（MedicalInstitutionCode）が指定されていません。",
            "MedicalInstitutionCode is absent or blank."),
    INVALID_INSTITUTION_CODE_FORMAT("OQSF1202", Level.FILE,
            "医療機関コード（MedicalInstitutionCode）は半角数字10桁で指定してください。",
            "MedicalInstitutionCode is not exactly 10 ASCII digits."),
    INVALID_INSTITUTION_CODE_CHECK_DIGIT("OQSF1203", Level.FILE,
            "医療機関コード（MedicalInstitutionCode）の検証番号が正しくありません。",
            "MedicalInstitutionCode fails the modulus-10 (weights 2-1) check digit over its first nine digits."),
    INSTITUTION_MISMATCH("OQSF1204", Level.FILE,
            "医療機関コード（MedicalInstitutionCode）がこの医療機関等のコードと一致しません。",
            "MedicalInstitutionCode is valid but is not the code of the facility that owns the terminal or certificate."),
    MISSING_CONFIRMATION_DATE("OQSF1211", Level.FILE,
            "資格確認日（QualificationConfirmationDate）が指定されていません。",
            "QualificationConfirmationDate is absent or blank."),
    INVALID_CONFIRMATION_DATE("OQSF1212", Level.FILE,
            "資格確認日（QualificationConfirmationDate）は存在する日付を yyyyMMdd 形式で指定してください。",
            "QualificationConfirmationDate is not 8 digits or is not a real calendar date (e.g. 20230229)."),
    ARBITRARY_FILE_IDENTIFIER_TOO_LONG("OQSF1221", Level.FILE,
            "任意のファイル識別子（ArbitraryFileIdentifier）が長すぎます。100文字以内で指定してください。",
            "ArbitraryFileIdentifier has more than 100 characters."),

    // ---- file level: file name and request type ---------------------------------------------------------------
    UNKNOWN_REQUEST_TYPE("OQSF1301", Level.FILE,
            "ファイル名の要求種別（接頭辞）を判別できません。",
            "The file name does not start with a known request prefix (e.g. OQSsiquc01req_)."),
    UNSUPPORTED_REQUEST_TYPE("OQSF1302", Level.FILE,
            "この要求種別には対応していません。",
            "The prefix is a known OQS request type that openoqs does not implement (or the facility has not enabled)."),
    INVALID_FILE_NAME("OQSF1303", Level.FILE,
            "ファイル名が正しくありません（使用できない文字、長すぎる名前、拡張子の誤り等）。",
            "The file name breaks the naming rule: path separators, '..', control characters, a wrong extension or an over-long suffix."),
    DECRYPTION_FAILED("OQSF1304", Level.FILE,
            "暗号化ファイルを復号できません。暗号化パスワードの設定を確認してください。",
            "An encrypted (.zip) request could not be opened with the facility's encryption password."),

    // ---- person level: QualificationConfirmSearchInfo ---------------------------------------------------------
    MISSING_SEARCH_INFO("OQSP2001", Level.PERSON,
            "照会条件（QualificationConfirmSearchInfo）が指定されていません。",
            "MessageBody has no QualificationConfirmSearchInfo."),
    MISSING_INSURER_NUMBER("OQSP2101", Level.PERSON,
            "保険者番号（InsurerNumber）が指定されていません。",
            "InsurerNumber is absent or blank."),
    INVALID_INSURER_NUMBER_FORMAT("OQSP2102", Level.PERSON,
            "保険者番号（InsurerNumber）は半角数字8桁、または先頭に半角空白2桁を付けた6桁で指定してください。",
            "InsurerNumber is not 8 ASCII digits or a 6-digit 国保 number (space-padded, unpadded or 00-padded)."),
    INVALID_INSURER_NUMBER_CHECK_DIGIT("OQSP2103", Level.PERSON,
            "保険者番号（InsurerNumber）の検証番号が正しくありません。",
            "InsurerNumber fails the modulus-10 (weights 2-1) check digit."),
    INSURED_CARD_SYMBOL_TOO_LONG("OQSP2111", Level.PERSON,
            "被保険者証記号（InsuredCardSymbol）が長すぎます。20文字以内で指定してください。",
            "InsuredCardSymbol has more than 20 characters."),
    MISSING_INSURED_IDENTIFICATION_NUMBER("OQSP2121", Level.PERSON,
            "被保険者証番号（InsuredIdentificationNumber）が指定されていません。",
            "InsuredIdentificationNumber is absent or blank."),
    INSURED_IDENTIFICATION_NUMBER_TOO_LONG("OQSP2122", Level.PERSON,
            "被保険者証番号（InsuredIdentificationNumber）が長すぎます。20文字以内で指定してください。",
            "InsuredIdentificationNumber has more than 20 characters."),
    INVALID_BRANCH_NUMBER("OQSP2131", Level.PERSON,
            "枝番（InsuredBranchNumber）は半角数字2桁で指定してください（例: 01）。",
            "InsuredBranchNumber is present but not exactly 2 ASCII digits."),
    MISSING_BIRTHDATE("OQSP2141", Level.PERSON,
            "生年月日（Birthdate）が指定されていません。",
            "Birthdate is absent or blank."),
    INVALID_BIRTHDATE("OQSP2142", Level.PERSON,
            "生年月日（Birthdate）は存在する日付を yyyyMMdd 形式で指定してください。",
            "Birthdate is not 8 digits, not a real calendar date (e.g. 19990230), or before 1900-01-01."),
    FUTURE_BIRTHDATE("OQSP2143", Level.PERSON,
            "生年月日（Birthdate）が未来の日付です。",
            "Birthdate is after the day of processing."),
    MISSING_LIMIT_CONSENT_FLAG("OQSP2151", Level.PERSON,
            "限度額適用認定証関連情報の提供同意（LimitApplicationCertificateRelatedConsFlg）が指定されていません。",
            "LimitApplicationCertificateRelatedConsFlg is absent or blank."),
    INVALID_LIMIT_CONSENT_FLAG("OQSP2152", Level.PERSON,
            "限度額適用認定証関連情報の提供同意（LimitApplicationCertificateRelatedConsFlg）は 0（未同意）または 1（同意）で指定してください。",
            "LimitApplicationCertificateRelatedConsFlg is not 0 or 1 (OQSCD001)."),
    ARBITRARY_IDENTIFIER_TOO_LONG("OQSP2161", Level.PERSON,
            "任意の識別子（ArbitraryIdentifier）が長すぎます。100文字以内で指定してください。",
            "ArbitraryIdentifier has more than 100 characters."),

    // ---- person level: facility settings ---------------------------------------------------------------------
    MEDICAL_ASSISTANCE_NOT_ENABLED("OQSP2201", Level.PERSON,
            "医療扶助の利用設定がされていません。環境設定で医療扶助を「利用する」に設定してください。",
            "The person's qualification is 医療扶助 (生活保護) but the facility has not opted into 医療扶助 in its environment settings."),

    // ---- file level: central service and internal -------------------------------------------------------------
    CENTRAL_SERVICE_UNAVAILABLE("OQSF9001", Level.FILE,
            "オンライン資格確認等システムに接続できません。しばらくしてから再度実行してください。",
            "The central service did not answer within the timeout (after retries), or the connection failed."),
    CENTRAL_SERVICE_REJECTED("OQSF9002", Level.FILE,
            "オンライン資格確認等システムが要求を拒否しました。電子証明書（有効期限・失効）を確認してください。",
            "The central service refused the request: client certificate missing, expired, revoked or not for this facility."),
    CENTRAL_SERVICE_INVALID_RESPONSE("OQSF9003", Level.FILE,
            "オンライン資格確認等システムから不正な応答を受信しました。",
            "The central service answered with a body the terminal cannot read (bad JSON/XML, unknown code value)."),
    INTERNAL_ERROR("OQSF9999", Level.FILE,
            "システム内部でエラーが発生しました。しばらくしてから再度実行してください。",
            "Any unexpected failure; details go to the log, never to the result file.");

    /** Where an error is reported in a result file. */
    public enum Level {
        /** The file as a whole failed: {@code SegmentOfResult} 9, header {@code ErrorCode}/{@code ErrorMessage}, no body. */
        FILE,
        /** One person failed: {@code ProcessingResultStatus} 2, body {@code ProcessingResultCode}/{@code ProcessingResultMessage}. */
        PERSON
    }

    private final String code;
    private final Level level;
    private final String message;
    private final String description;

    ErrorCode(String code, Level level, String message, String description) {
        this.code = code;
        this.level = level;
        this.message = message;
        this.description = description;
    }

    /** The stable machine code written to {@code ErrorCode} / {@code ProcessingResultCode}, e.g. {@code OQSF1003}. */
    public String code() {
        return code;
    }

    public Level level() {
        return level;
    }

    /** The Japanese message for users, written to {@code ErrorMessage} / {@code ProcessingResultMessage}. */
    public String message() {
        return message;
    }

    /** English explanation of when the code is used (for documentation and logs, never shown to users). */
    public String description() {
        return description;
    }

    public boolean isFileLevel() {
        return level == Level.FILE;
    }

    public boolean isPersonLevel() {
        return level == Level.PERSON;
    }

    /** The message with a detail appended in full-width parentheses, or just the message when detail is blank. */
    public String messageWith(String detail) {
        return detail == null || detail.isBlank() ? message : message + "（" + detail + "）";
    }

    /** Looks up a machine code such as {@code OQSP2103}; empty when openoqs never emits it. */
    public static Optional<ErrorCode> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.strip();
        for (ErrorCode value : values()) {
            if (value.code.equals(trimmed)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
