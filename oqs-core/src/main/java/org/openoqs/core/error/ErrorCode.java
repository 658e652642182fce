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
 * 1200s header values; 1300s file name and request type; 1400s the bulk flows; OQSF20xx the 電子カルテ情報共有サービス
 * registration (FHIR Bundles, docs/clins.md); 2000s–2100s the search block
 * of one person; 2900s one entry of a bulk job; F22xx the マイナ在宅受付Web URL request and P42xx the 居宅同意取得型
 * re-inquiry (docs/home-care.md); 3000s the card path, consents, medical information and
 * 照会番号 (docs/card-path.md); 4000s the 電子カルテ情報 retrieval; 9000s the central service and internal failures (93xx: the sign-in of face-auth
 * card readers, terminal API only; 94xx: the operator's お知らせ API).
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

    // ---- file level: the request file itself (terminal linkage folders) ----------------------------------------
    REQUEST_NOT_A_REGULAR_FILE("OQSF1500", Level.FILE,
            "要求ファイルが通常のファイルではありません（シンボリックリンク等）。ファイルそのものを要求フォルダに置いてください。",
            "The name in req was a symbolic link or another non-regular entry when the terminal claimed it: it is never followed or read, only answered with this error."),

    // ---- file level: bulk flows (OQSmu…, docs/bulk.md) --------------------------------------------------------
    MISSING_RECEPTION_NUMBER("OQSF1401", Level.FILE,
            "受付番号（ReceptionNumber）が指定されていません。",
            "A bulk download request (…02req_) has no ReceptionNumber, or it is blank."),
    UNKNOWN_RECEPTION_NUMBER("OQSF1402", Level.FILE,
            "受付番号（ReceptionNumber）に該当する受付がありません。受付番号と医療機関コードを確認してください。",
            "No bulk job has this ReceptionNumber for the requesting facility (unknown, expired, or another facility's: the answer is the same, so nothing leaks)."),
    RECEPTION_KIND_MISMATCH("OQSF1403", Level.FILE,
            "受付番号（ReceptionNumber）は別の種別の一括要求のものです。登録時と同じ種別の結果取得要求を使用してください。",
            "The ReceptionNumber belongs to another bulk flow (e.g. an OQSmuquc number asked with OQSmutic02req_)."),
    NO_BULK_ENTRIES("OQSF1404", Level.FILE,
            "一括要求に照会条件（登録情報）が1件もありません。",
            "A bulk upload's MessageBody has none of the elements the flow expects (QualificationConfirmSearchInfo / ReferenceNumberRegistrationInfo)."),
    TOO_MANY_BULK_ENTRIES("OQSF1405", Level.FILE,
            "一括要求の件数が上限を超えています。ファイルを分割して要求してください。",
            "A bulk upload has more entries than the limit (100,000)."),
    SINGLE_CRITERIA_EXPECTED("OQSF1406", Level.FILE,
            "照会条件（QualificationConfirmSearchInfo）は1件のみ指定してください。",
            "A care-setting bulk upload (OQSmutic / OQSmuhvq / OQSmuonq) has more than one QualificationConfirmSearchInfo."),
    MISSING_TREATMENT_MONTH("OQSF1411", Level.FILE,
            "診療年月（MedicalTreatmentMonth）が指定されていません。",
            "An OQSmutic01req_ has no MedicalTreatmentMonth, or it is blank."),
    INVALID_TREATMENT_MONTH("OQSF1412", Level.FILE,
            "診療年月（MedicalTreatmentMonth）は当月以前の存在する年月を yyyyMM 形式で指定してください。",
            "MedicalTreatmentMonth is not 6 digits, not a real month, or after the current month."),
    MISSING_DATE_RANGE("OQSF1413", Level.FILE,
            "同意日（ConsentDateFrom・ConsentDateTo）または受診日（ExaminationDateFrom・ExaminationDateTo）の範囲が指定されていません。",
            "An OQSmuhvq / OQSmuonq upload has no complete date range (both From and To), or (OQSmuonq) gives both a consent and an examination range."),
    INVALID_DATE_RANGE("OQSF1414", Level.FILE,
            "日付の範囲が正しくありません。存在する日付を yyyyMMdd 形式で、開始日を終了日以前、期間を366日以内で指定してください。",
            "A From/To date is not a real yyyyMMdd date, From is after To, or the range is longer than 366 days."),
    INVALID_MEDICAL_TREATMENT_FLAG("OQSF1415", Level.FILE,
            "診療区分（MedicalTreatmentFlag）が要求の種別と一致しません（訪問診療等は 2、オンライン診療等は 3）。",
            "MedicalTreatmentFlag is given but is not 2 (OQSmuhvq) or 3 (OQSmuonq) as the flow requires (OQSCD028)."),
    BULK_MEDICAL_ASSISTANCE_NOT_ENABLED("OQSF1416", Level.FILE,
            "医療扶助の利用設定がされていません。環境設定で医療扶助を「利用する」に設定してください。",
            "An OQSmutic (医療扶助) bulk request from a facility that has not opted into 医療扶助."),

    // ---- file level: マイナ在宅受付Web URL (OQSsiurl, 22xx), docs/home-care.md --------------------------------------
    MISSING_URL_CLASSIFICATION("OQSF2201", Level.FILE,
            "URL取得区分（UrlAcquisitionClassification）が指定されていません。",
            "An OQSsiurl01req_ has no UrlAcquisitionClassification, or it is blank."),
    INVALID_URL_CLASSIFICATION("OQSF2202", Level.FILE,
            "URL取得区分（UrlAcquisitionClassification）は 2（訪問診療等）または 3（オンライン診療等）を指定してください。",
            "UrlAcquisitionClassification is not 2 or 3 (OQSCD033)."),
    INVALID_QR_FILE_FORMAT("OQSF2203", Level.FILE,
            "ファイル形式（FileFormatClassification）は 1（PDF形式）または 2（PNG形式）を指定してください。",
            "FileFormatClassification is absent or not 1 or 2 (OQSCD034)."),
    INVALID_URL_CHANGE_CLASSIFICATION("OQSF2204", Level.FILE,
            "URL変更区分（UrlChangeClassification）は 0（変更しない）または 1（変更する）を指定してください。",
            "UrlChangeClassification is present but not 0 or 1 (OQSCD035)."),

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

    // ---- person level: bulk flows --------------------------------------------------------------------------------
    BULK_ENTRY_FAILED("OQSP2901", Level.PERSON,
            "この照会条件を処理できませんでした。この方のみ、あらためて照会してください。",
            "One entry of a bulk job failed repeatedly inside the service (a bug, logged); the rest of the job is answered."),

    // ---- person level: My Number Card, consents, medical information, 照会番号 (docs/card-path.md) ---------
    CARD_NOT_FOUND("OQSP3001", Level.PERSON,
            "マイナンバーカードの情報が登録されていません。カードを確認してください。",
            "The card id (or the certificate presented) is not a card of the registry."),
    CARD_PIN_INCORRECT("OQSP3002", Level.PERSON,
            "暗証番号が正しくありません。",
            "The card refused the PIN; the detail names the remaining tries (3 wrong in a row lock the card)."),
    CARD_PIN_LOCKED("OQSP3003", Level.PERSON,
            "暗証番号がロックされています。顔認証または目視確認で本人確認をしてください（暗証番号の再設定は市区町村窓口で行います）。",
            "The card's PIN retry counter is exhausted; only the issuing office can reset it."),
    INVALID_PIN_FORMAT("OQSP3004", Level.PERSON,
            "暗証番号は半角数字4桁で入力してください。",
            "The PIN entered is not exactly four ASCII digits (it does not count as a try)."),
    CARD_FACE_MISMATCH("OQSP3005", Level.PERSON,
            "顔認証で本人確認ができませんでした。暗証番号の入力または目視確認に切り替えてください。",
            "The face-auth reader did not match the face with the card's photo."),
    CARD_CERTIFICATE_EXPIRED("OQSP3006", Level.PERSON,
            "マイナンバーカードの利用者証明用電子証明書の有効期限が切れています。市区町村窓口で更新してください。",
            "The credential's user certificate is outside its validity period."),
    CARD_CERTIFICATE_REVOKED("OQSP3007", Level.PERSON,
            "マイナンバーカードの利用者証明用電子証明書が失効しています。",
            "The credential's user certificate is on the individuals' CA's CRL."),
    CARD_CERTIFICATE_INVALID("OQSP3008", Level.PERSON,
            "電子証明書を検証できません。発行元または証明書の内容が正しくありません。",
            "The certificate does not chain to the individuals' CA, is not the one registered for the card, or the CRL is unusable."),
    CARD_SIGNATURE_INVALID("OQSP3009", Level.PERSON,
            "本人確認の署名を検証できません。もう一度カードを読み取ってください。",
            "The signature over the challenge does not verify with the card's certificate."),
    CARD_CHALLENGE_INVALID("OQSP3010", Level.PERSON,
            "本人確認の有効時間を過ぎたか、すでに使用されています。もう一度カードを読み取ってください。",
            "The challenge is unknown, expired, already used, or was issued to another facility, card or credential."),
    SMARTPHONE_NOT_ENABLED("OQSP3011", Level.PERSON,
            "スマートフォンによる資格確認の利用設定がされていません。環境設定で「利用する」に設定してください。",
            "A smartphone credential was presented at a facility that has not opted into スマホによる本人確認."),
    CARD_NO_QUALIFICATION("OQSP3012", Level.PERSON,
            "資格情報が確認できませんでした。保険者へ確認するか、資格確認書で確認してください。",
            "The card holder has no qualification in the registry (QualificationValidity 4); no face file is written."),
    PRESENCE_METHOD_NOT_ALLOWED("OQSP3013", Level.PERSON,
            "この本人確認の方法は利用できません。",
            "The presence method does not apply to the credential (目視確認 of a smartphone) or is unknown."),
    CARD_ALREADY_ISSUED("OQSP3014", Level.PERSON,
            "このカードの電子証明書はすでに発行されています。",
            "A certificate was requested for a card credential that already has one."),
    INVALID_CONSENT_CHOICE("OQSP3021", Level.PERSON,
            "同意の指定が正しくありません。",
            "A consent choice is not one of drug, checkup, diagnosis, surgery, clins, limit."),
    CONSENT_MISSING("OQSP3101", Level.PERSON,
            "閲覧に必要な患者の同意がありません。マイナンバーカードで資格確認を行い、同意を取得してください。",
            "No consent of the patient for this facility and information (or it ended); the refusal is audited."),
    MEDICAL_INFORMATION_PERSON_NOT_FOUND("OQSP3102", Level.PERSON,
            "該当する資格情報がありません。保険者番号・記号・番号・枝番を確認してください。",
            "The insurance keys of a medical-information request match nobody."),
    MEDICAL_INFORMATION_AMBIGUOUS("OQSP3103", Level.PERSON,
            "複数の方が該当しました。枝番を指定してください。",
            "The insurance keys match more than one person (e.g. 枝番 missing)."),
    INVALID_FILE_CATEGORY("OQSP3111", Level.PERSON,
            "ファイル区分（FileCategory）が正しくありません。",
            "FileCategory is missing or not one of the request's categories (薬剤情報 1-4, 特定健診 1-2)."),
    INVALID_MONTH_RANGE("OQSP3112", Level.PERSON,
            "取得期間（StartDate・EndDate）は yyyyMM 形式で、開始月が終了月以前、取得できる期間（薬剤情報は36か月、電子カルテ情報は60か月）以内になるよう指定してください。",
            "StartDate/EndDate are not yyyyMM months, start after end, or span more than the kind's window (薬剤情報 36 months, 電子カルテ情報 60 months)."),
    INVALID_TREATMENT_FLAG("OQSP3113", Level.PERSON,
            "診療区分（MedicalTreatmentFlag）は 1（外来）、2（訪問診療等）、3（オンライン診療等）のいずれかを指定してください。",
            "MedicalTreatmentFlag is present but not 1, 2 or 3 (OQSCD028)."),
    PDF_UNAVAILABLE("OQSP3114", Level.PERSON,
            "PDF形式で出力できません（日本語フォントが利用できません）。XML形式（FileCategory 2 または 4）を指定してください。",
            "A PDF file category was asked for but the Japanese font configured with openoqs.pdf.font cannot be used (the service ships IPA Gothic; only a broken setting leads here, and the log names the reason)."),
    MISSING_REFERENCE_NUMBER("OQSP3201", Level.PERSON,
            "照会番号（ReferenceNumber）が指定されていません。",
            "ReferenceNumberRegistrationInfo has no ReferenceNumber (or the block is missing)."),
    REFERENCE_NUMBER_TOO_LONG("OQSP3202", Level.PERSON,
            "照会番号（ReferenceNumber）が長すぎます。50文字以内で指定してください。",
            "ReferenceNumber has more than 50 characters or contains control characters."),
    REFERENCE_NUMBER_PERSON_NOT_FOUND("OQSP3203", Level.PERSON,
            "照会番号を登録する資格情報が見つかりません。保険者番号・記号・番号・枝番を確認してください。",
            "The insurance keys of a 照会番号 registration match no qualification."),
    REFERENCE_NUMBER_AMBIGUOUS("OQSP3204", Level.PERSON,
            "照会番号を登録する資格情報が複数該当しました。枝番を指定してください。",
            "The insurance keys of a 照会番号 registration match more than one person."),
    REFERENCE_NUMBER_IN_USE("OQSP3205", Level.PERSON,
            "この照会番号は別の方に登録済みです。",
            "The facility already registered this ReferenceNumber for another person."),

    // ---- 電子カルテ情報共有サービス (CLINS), docs/clins.md: registration of JP_Bundle_CLINS (20xx, each problem in a
    // FHIR OperationOutcome with its FHIRPath) and retrieval (OQSP40xx).
    CLINS_MALFORMED_JSON("OQSF2001", Level.FILE,
            "FHIRリソースのJSONの形式が正しくありません。",
            "POST /api/v1/clins/bundles: the body is not well-formed JSON (the location names line and column)."),
    CLINS_NOT_A_BUNDLE("OQSF2002", Level.FILE,
            "FHIRのBundleリソースとして読み取れません。",
            "The JSON is well-formed but is not a FHIR R4 Bundle (another resourceType, an element of the wrong type, an unknown element, an impossible date)."),
    CLINS_WRONG_MEDIA_TYPE("OQSF2003", Level.FILE,
            "Content-Type は application/fhir+json を指定してください。",
            "A CLINS registration with another Content-Type (HTTP 415)."),
    CLINS_BUNDLE_TOO_LARGE("OQSF2004", Level.FILE,
            "Bundleのサイズが上限（10MB）を超えています。Bundleを分割して登録してください。",
            "A registration body larger than 10 MB (HTTP 413)."),
    CLINS_BUNDLE_TYPE("OQSF2011", Level.FILE,
            "Bundle.type には collection を指定してください。",
            "Bundle.type is absent or not collection."),
    CLINS_BUNDLE_PROFILE("OQSF2012", Level.FILE,
            "Bundle.meta.profile に JP_Bundle_CLINS を指定してください。",
            "Bundle.meta.profile does not name http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_CLINS (a version suffix is allowed)."),
    CLINS_RESOURCE_TYPE_TAG("OQSF2013", Level.FILE,
            "Bundle.meta.tag でリソース種別（Condition・AllergyIntolerance・Observation のいずれか1つ）を指定してください。",
            "No, several, or an unprocessed (MedicationRequest, unknown) BundleResourceType_CS tag on the Bundle."),
    CLINS_ENTRY_TYPE_MISMATCH("OQSF2014", Level.FILE,
            "Bundleには Patient と meta.tag で指定した種類のリソースだけを含めてください。",
            "An entry (after the Patient) whose resource is not of the tagged type, or an entry without a resource."),
    CLINS_INDICATION_TAG("OQSF2015", Level.FILE,
            "取扱いフラグ（JP_ehrshrs_indication）の値は LTS・UNINFORMED・UNDELIVERED のいずれかを指定してください。",
            "A meta.tag of system JP_ehrshrs_indication with another code."),
    CLINS_BUNDLE_IDENTIFIER_MISSING("OQSF2021", Level.FILE,
            "Bundle.identifier（system http://jpfhir.jp/fhir/clins/bundle-identifier）を指定してください。",
            "No Bundle.identifier of the CLINS bundle-identifier system, or no value."),
    CLINS_BUNDLE_IDENTIFIER_FORMAT("OQSF2022", Level.FILE,
            "Bundle.identifier の値は「医療機関コード^発行年^施設内ID」の形式で指定してください。",
            "The value does not match ^[0-4][0-9][1-3][0-9]{7}\\^20[2-3][0-9]\\^[A-Za-z0-9-]{1,36}$."),
    CLINS_BUNDLE_IDENTIFIER_FOREIGN("OQSF2023", Level.FILE,
            "Bundle.identifier の医療機関コードが、この医療機関等のコードと一致しません。",
            "The 医療機関コード in the Bundle identifier is not the facility of the client certificate."),
    CLINS_PATIENT_FIRST("OQSF2031", Level.FILE,
            "Bundleの最初のentryに Patient を1つだけ指定してください。",
            "The first entry is not a Patient, or a Patient appears again later."),
    CLINS_MEMBER_ID_MISSING("OQSF2032", Level.FILE,
            "Patient.identifier に被保険者個人識別子を指定してください。",
            "The Patient has no identifier of system JP_Insurance_memberID or JP_PublicPayer_memberID, or more than one."),
    CLINS_MEMBER_ID_FORMAT("OQSF2033", Level.FILE,
            "被保険者個人識別子の形式が正しくありません（保険者番号8桁:記号:番号:枝番）。",
            "Not 4 ':'-separated fields; 保険者番号 not 8 digits (zero-padded) or bad check digit; 番号 missing; 枝番 not 2 digits; half- and full-width mixed; full-width spaces; 生活保護 form not 8:empty:7:empty."),
    CLINS_PATIENT_NOT_FOUND("OQSF2034", Level.FILE,
            "被保険者個人識別子と生年月日に該当する方がいません。",
            "The 被保険者個人識別子 (with Patient.birthDate) matches nobody in the registry."),
    CLINS_PATIENT_AMBIGUOUS("OQSF2035", Level.FILE,
            "被保険者個人識別子に複数の方が該当しました。枝番を指定してください。",
            "The 被保険者個人識別子 matches more than one person."),
    CLINS_INSTITUTION_NUMBER_MISSING("OQSF2041", Level.FILE,
            "医療機関番号の拡張（JP_eCS_InstitutionNumber）を指定してください。",
            "A non-Patient entry has no JP_eCS_InstitutionNumber extension (valueIdentifier)."),
    CLINS_INSTITUTION_NUMBER_FORMAT("OQSF2042", Level.FILE,
            "医療機関番号の拡張の値が正しくありません（system と10桁の医療機関コード）。",
            "The extension's identifier system is not insurance-medical-institution-no or its value does not match ^[0-4][0-9][1-3][0-9]{7}$."),
    CLINS_ENCOUNTER_MISSING("OQSF2043", Level.FILE,
            "傷病名・検査には contained の受診情報（JP_Encounter）を指定してください。",
            "A Condition or Observation without a contained Encounter whose meta.profile is JP_Encounter."),
    CLINS_DEPARTMENT_MISSING("OQSF2044", Level.FILE,
            "傷病名・検査には診療科の拡張（JP_eCS_Department）を指定してください。",
            "A Condition or Observation without the JP_eCS_Department extension (valueCodeableConcept)."),
    CLINS_REQUIRED_ELEMENT("OQSF2045", Level.FILE,
            "必須の要素がありません。",
            "A required element of the entry's profile is absent (the location names it): Patient name/gender/birthDate, Condition code/MEDIS coding/onset/clinicalStatus/verificationStatus, AllergyIntolerance code/category/clinicalStatus/verificationStatus, Observation code/status/effective/value unit."),
    CLINS_INVALID_VALUE("OQSF2046", Level.FILE,
            "要素の値が正しくありません。",
            "An element has a value the rules do not allow (the location names it): an AllergyIntolerance category of the other kind, an unknown verificationStatus."),
    CLINS_FULLURL_INVALID("OQSF2051", Level.FILE,
            "entry.fullUrl は urn:uuid: 形式で、Bundle内で重複しないよう指定してください。",
            "An entry's fullUrl is absent, not urn:uuid:<uuid>, or repeats an earlier entry's."),
    CLINS_SUBJECT_REFERENCE("OQSF2052", Level.FILE,
            "患者の参照（subject・patient）には Patient の fullUrl を指定してください。",
            "A Condition/Observation subject or AllergyIntolerance patient does not reference the Patient entry's fullUrl."),
    CLINS_NOTHING_TO_DELETE("OQSF2061", Level.FILE,
            "削除するBundle（同じ Bundle.identifier）は登録されていません。",
            "A Patient-only Bundle (delete) names an identifier this facility has not registered."),
    CLINS_PATIENT_CHANGED("OQSF2062", Level.FILE,
            "登録済みのBundleと患者（被保険者個人識別子）が異なります。",
            "A replacement or delete Bundle names another person than the registered Bundle of the same identifier."),
    CLINS_BUNDLE_NOT_FOUND("OQSF2063", Level.FILE,
            "指定された Bundle.identifier の登録はありません。",
            "DELETE /api/v1/clins/bundles/{identifier}: no Bundle with this identifier registered by this facility (another facility's answers the same, so nothing leaks)."),
    CLINS_NOT_ENABLED("OQSP4001", Level.PERSON,
            "電子カルテ情報共有サービスの利用設定がされていません。環境設定で電子カルテ情報共有サービスを「利用する」に設定してください。",
            "A 電子カルテ情報 retrieval (CIPsiquc01 / POST /api/v1/clins/information, or the portal's 電子カルテ情報 tab) from a facility whose 環境設定 has the service switched off; audited."),
    // ---- person level: 居宅同意取得型 re-inquiry (OQSsihvq / OQSsionq, 42xx), docs/home-care.md ----------------------
    HOME_CARE_CONSENT_MISSING("OQSP4201", Level.PERSON,
            "この医療機関等で訪問診療等・オンライン診療等の同意（居宅同意）を取得していない患者です。マイナンバーカードで同意を取得してください。",
            "OQSsihvq01req_ / OQSsionq01req_ (or the cancellation API) for a person who never gave this facility a consent for that care setting with the card — also when the numbers match nobody or several people, so the answer tells nothing a number inquiry would not."),
    HOME_CARE_TREATMENT_MISMATCH("OQSP4202", Level.PERSON,
            "診療区分（MedicalTreatmentFlag）が要求の種別と一致しません（訪問診療等は 2、オンライン診療等は 3）。",
            "The search block of a re-inquiry carries a MedicalTreatmentFlag other than 2 (OQSsihvq) or 3 (OQSsionq)."),
    HOME_CARE_CONSENT_NOT_IN_FORCE("OQSP4203", Level.PERSON,
            "この同意はすでに取り消されているか、有効期間が終了しています。",
            "Cancellation API only: the latest consent for that care setting was already cancelled or its period ended; nothing is changed."),

    // ---- 救急時医療情報閲覧 (emergency view, docs/emergency-view.md): portal only, each refusal audited ----------
    EMERGENCY_VIEW_HOSPITALS_ONLY("OQSF5001", Level.FILE,
            "救急時医療情報閲覧は、病院である医療機関のみ利用できます。",
            "環境設定 switching 救急時医療情報閲覧 on, granting 救急時閲覧権限 or opening the emergency view at a facility not registered as 病院 (clinic, pharmacy)."),
    EMERGENCY_VIEW_NOT_ENABLED("OQSF5002", Level.FILE,
            "救急時医療情報閲覧の利用設定がされていません。管理アカウントで環境設定の救急時医療情報閲覧を「利用する」に設定してください。",
            "The emergency view at a hospital whose 環境設定 has 救急時医療情報閲覧 switched off."),
    EMERGENCY_PERMISSION_MISSING("OQSF5003", Level.FILE,
            "このアカウントには救急時閲覧権限がありません。医療機関等の管理者に権限の付与を依頼してください。",
            "The emergency view (or its second-factor enrolment) by an account the administrator has not granted 救急時閲覧権限 (or whose permission was revoked)."),
    SECOND_FACTOR_REQUIRED("OQSF5004", Level.FILE,
            "救急時医療情報閲覧の前に、このログインで二要素認証（ワンタイムパスワード）を行ってください。",
            "An emergency view requested in a portal session that has not passed the TOTP second factor (skipped, or failed)."),
    SECOND_FACTOR_WRONG_CODE("OQSF5005", Level.FILE,
            "ワンタイムパスワードが正しくありません。認証アプリに表示されている6桁の数字を入力してください。",
            "The typed TOTP code is not 6 digits or matches none of the steps now-1, now, now+1 (30 s each)."),
    SECOND_FACTOR_CODE_USED("OQSF5006", Level.FILE,
            "このワンタイムパスワードは使用済みです。認証アプリに次に表示される数字を入力してください。",
            "The TOTP code's time step is not newer than the last step this account used (a replayed or re-typed code)."),
    SECOND_FACTOR_LOCKED("OQSF5007", Level.FILE,
            "ワンタイムパスワードの誤りが続いたため、二要素認証がロックされています。管理者に救急時閲覧権限の再付与を依頼してください。",
            "5 consecutive wrong TOTP codes: no code is checked until the administrator revokes and grants the permission again (which needs a new enrolment)."),
    EMERGENCY_PERMISSION_NOT_A_VIEWER("OQSF5008", Level.FILE,
            "救急時閲覧権限は医療情報閲覧アカウントにのみ付与できます。",
            "Granting 救急時閲覧権限 to an account that is not a 医療情報閲覧アカウント (I…)."),
    SECOND_FACTOR_NOT_ENROLLED("OQSF5009", Level.FILE,
            "ワンタイムパスワードが登録されていません。先に認証アプリを登録してください。",
            "A TOTP code posted for an account that has not completed its enrolment."),
    EMERGENCY_REASON_MISSING("OQSP5001", Level.PERSON,
            "閲覧理由を選択してください。",
            "An emergency view without a reason, or with a reason code not in the list."),
    EMERGENCY_REASON_TEXT("OQSP5002", Level.PERSON,
            "閲覧理由で「その他」を選んだ場合は、具体的な理由を200文字以内で入力してください。",
            "Reason その他 without free text, or free text over 200 characters or with control characters."),
    EMERGENCY_PATIENT_KEYS("OQSP5003", Level.PERSON,
            "保険者番号（6桁または8桁の数字）と被保険者証等の番号を入力してください。",
            "The emergency view's insurance keys: 保険者番号 not 6 or 8 digits, or 番号 missing or longer than 20 characters."),

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
    // ---- terminal API only: certificate renewal (91xx) and the distribution service (92xx), docs/certificates.md,
    // docs/distribution.md. No request file can show them.
    CERTIFICATE_RENEWAL_REFUSED("OQSF9101", Level.FILE,
            "電子証明書を更新できません。",
            "POST /api/v1/certificates/renew refused: unreadable CSR, another institution code, the current key reused, or no CA on this node."),
    DISTRIBUTION_PACKAGE_NOT_FOUND("OQSF9201", Level.FILE,
            "指定された配信パッケージはありません。",
            "A distribution package (component/version) or its signature that the repository does not hold."),
    INVALID_DISTRIBUTION_REQUEST("OQSF9202", Level.FILE,
            "配信アプリケーションの要求が正しくありません。",
            "A distribution API body with a missing or malformed field (computer name, component, version)."),
    // ---- terminal API only: sign-in of face-auth card readers (93xx), docs/card-path.md "Device sign-in".
    DEVICE_SIGN_IN_REFUSED("OQSF9301", Level.FILE,
            "顔認証用アカウントのIDまたはパスワードが正しくないか、アカウントが無効です。顔認証機器に設定した顔認証用アカウントを確認してください。",
            "POST /api/v1/devices/sessions refused: unknown ID, wrong password, a disabled account or one that is not a 顔認証用 (FACE_DEVICE) account of the certificate's facility (one answer for all, like the portal's login)."),
    DEVICE_ACCOUNT_LOCKED("OQSF9302", Level.FILE,
            "ログインに続けて失敗したため、顔認証用アカウントがロックされています。管理アカウントでロックを解除してください。",
            "The device sign-in hit the account lockout (5 consecutive failures, the portal's rule); a manager unlocks or re-issues the password."),
    DEVICE_SESSION_REQUIRED("OQSF9303", Level.FILE,
            "顔認証機器のログインが必要です。顔認証用アカウントでログインしてください。",
            "A card-path call without the X-OQS-Device-Session header (or with a malformed one)."),
    DEVICE_SESSION_EXPIRED("OQSF9304", Level.FILE,
            "顔認証機器のログインの有効期限が切れたか、ログインが終了しています。再度ログインしてください。",
            "The device session token is unknown, expired, signed out, or ended because its account was disabled or its password re-issued: the reader signs in again."),
    DEVICE_SESSION_FOREIGN("OQSF9305", Level.FILE,
            "この医療機関等の顔認証機器のログインではありません。",
            "The device session token belongs to another facility than the client certificate's."),
    DEVICE_CREDENTIALS_MISSING("OQSF9306", Level.FILE,
            "顔認証用アカウントが設定されていません。顔認証用アカウントのID・パスワードを資格情報 OQS_FACE_LOGIN_KEY に設定してください。",
            "Terminal only: the card reader has no 顔認証用アカウント configured (credential OQS_FACE_LOGIN_KEY), so it cannot sign in."),
    // ---- operator API only: お知らせ (94xx), docs/web-portal.md "お知らせ".
    INVALID_NOTICE_TITLE("OQSF9401", Level.FILE,
            "お知らせの件名は1〜200文字で指定してください。",
            "POST /api/v1/operator/notices: title absent, blank or longer than 200 characters."),
    INVALID_NOTICE_BODY("OQSF9402", Level.FILE,
            "お知らせの本文は1〜4000文字で指定してください。",
            "POST /api/v1/operator/notices: body absent, blank or longer than 4000 characters."),
    INVALID_NOTICE_PERIOD("OQSF9403", Level.FILE,
            "お知らせの掲載終了は掲載開始より後にしてください。",
            "POST /api/v1/operator/notices: until is not after from (or before now when from is absent)."),
    UNKNOWN_NOTICE_FACILITY("OQSF9404", Level.FILE,
            "お知らせの宛先の医療機関等は登録されていません。医療機関コードを確認してください。",
            "POST /api/v1/operator/notices: institutionCode is not a registered facility."),
    NOTICE_NOT_FOUND("OQSF9405", Level.FILE,
            "指定されたお知らせはありません（番号が誤っているか、取り下げ済みです）。",
            "DELETE /api/v1/operator/notices/{id}: no notice with this id, or it was already withdrawn."),
    // ---- terminal API only: defences from the security review (96xx), docs/security.md "Card and API".
    CARD_KEY_ISSUER_ONLY("OQSF9601", Level.FILE,
            "カードの電子証明書は発行元（地方公共団体情報システム機構・個人番号カード交付窓口）だけが発行します。医療機関等の機器からは発行できません。",
            "POST /api/v1/cards/{cardId}/certificates: a facility's reader asked to certify a card key; card keys are certified by their issuer when the card is made, never by a reader."),
    REQUEST_BODY_TOO_LARGE("OQSF9602", Level.FILE,
            "送信されたデータが大きすぎます。",
            "The request body is larger than the limit of its path (Content-Length, or counted while reading a chunked body); HTTP 413, the body is not read further."),
    CERTIFICATE_RENEWAL_TOO_EARLY("OQSF9603", Level.FILE,
            "電子証明書の更新は有効期限の90日前から行えます。",
            "POST /api/v1/certificates/renew with a certificate that expires more than the renewal window (90 days) from now."),
    TOO_MANY_CARD_CHALLENGES("OQSF9604", Level.FILE,
            "未使用の本人確認要求が多すぎます。しばらくしてから再度カードを読み取ってください。",
            "POST /api/v1/cards/{cardId}/challenges while the facility already holds the maximum of unexpired, unused challenges (per card or in total); HTTP 429."),
    TOO_MANY_TERMINALS("OQSF9605", Level.FILE,
            "この医療機関等で登録できる端末の数の上限に達しています。",
            "POST /api/v1/distribution/terminals (or a version report) for a new computer name when the facility already has the maximum number of registered terminals; HTTP 409."),
    // ---- oqs audit verify / oqs doctor (service.audit-chain): the audit chain checked outside the service
    AUDIT_CHAIN_BROKEN("OQSF9606", Level.FILE,
            "監査ログ（操作履歴）の改ざんを検出しました。データベースをそのまま保全し、システム管理者に連絡してください。",
            "oqs audit verify / oqs doctor: an audit entry does not verify (HMAC or hash, link, id sequence or head); the message names the first broken entry. Exit 1."),
    AUDIT_DATABASE_UNAVAILABLE("OQSF9607", Level.FILE,
            "監査ログのデータベースを開けません。",
            "oqs audit verify / oqs doctor: the configured database (the home's embedded H2, or --jdbc) does not exist, is in use by a running service, refuses the connection or has no audit tables. Exit 3."),
    AUDIT_KEY_UNAVAILABLE("OQSF9608", Level.FILE,
            "監査ログの鍵ファイル（chain.key）を読み込めないため、改ざんを検証できません。",
            "oqs audit verify / oqs doctor: the audit chain's key file is missing, unreadable or damaged (key=, epoch-start=). Exit 3."),
    // ---- 98xx: the service's own resources (the PDF font) ------------------------------------------------------
    PDF_FONT_UNUSABLE("OQSF9801", Level.FILE,
            "日本語フォントを読み込めないため、PDFを作成できません。システム管理者はフォントの設定（openoqs.pdf.font）を確認してください。",
            "The Japanese font configured with -Dopenoqs.pdf.font cannot be used (missing, a folder, unreadable, not TrueType, no Japanese glyphs): PDFs answer HTTP 503 with the reason, the log and oqs doctor (service.pdf-font) name it."),
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
