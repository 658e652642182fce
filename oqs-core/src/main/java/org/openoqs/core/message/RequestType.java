package org.openoqs.core.message;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every request prefix the public notes on the interface list (INTERFACE.md §2.1), with whether this version
 * of openoqs answers it. Known but unimplemented types get a specific "not supported" error rather than the
 * "unknown request" one, so a vendor can tell a typo from a missing feature.
 */
public enum RequestType {
    QUALIFICATION_INQUIRY("OQSsiquc01", "資格確認（個別照会）", true),
    BULK_QUALIFICATION_UPLOAD("OQSmuquc01", "資格確認（一括照会）登録", true),
    BULK_QUALIFICATION_DOWNLOAD("OQSmuquc02", "資格確認（一括照会）結果取得", true),
    REFERENCE_NUMBER_REGISTRATION("OQSsiimm01", "照会番号登録", true),
    BULK_REFERENCE_NUMBER_UPLOAD("OQSmuimm01", "照会番号一括登録", true),
    BULK_REFERENCE_NUMBER_DOWNLOAD("OQSmuimm02", "照会番号一括登録 結果取得", true),
    BULK_MEDICAL_ASSISTANCE_UPLOAD("OQSmutic01", "一括照会（医療扶助）登録", true),
    BULK_MEDICAL_ASSISTANCE_DOWNLOAD("OQSmutic02", "一括照会（医療扶助）結果取得", true),
    BULK_HOME_VISIT_UPLOAD("OQSmuhvq01", "一括照会（訪問診療等）登録", true),
    BULK_HOME_VISIT_DOWNLOAD("OQSmuhvq02", "一括照会（訪問診療等）結果取得", true),
    BULK_ONLINE_CARE_UPLOAD("OQSmuonq01", "一括照会（オンライン診療等）登録", true),
    BULK_ONLINE_CARE_DOWNLOAD("OQSmuonq02", "一括照会（オンライン診療等）結果取得", true),
    HOME_VISIT_INQUIRY("OQSsihvq01", "資格確認（訪問診療等）", true),
    ONLINE_CARE_INQUIRY("OQSsionq01", "資格確認（オンライン診療等）", true),
    HOME_VISIT_DETAIL("OQSsihvd01", "訪問診療等 関連照会", false),
    URL_ISSUE("OQSsiurl01", "URL取得", true),
    INQUIRY_OTHER("OQSsiinq01", "照会（その他）", false),
    UPDATE_OTHER("OQSsiupd01", "更新（その他）", false),
    DRUG_INFORMATION("YZKsiquc01", "薬剤情報取得", true),
    HEALTH_CHECKUP_INFORMATION("TKKsiquc01", "特定健診情報取得", true),
    CLINICAL_INFORMATION("CIPsiquc01", "臨床情報取得", true),
    PUBLIC_MEDICAL_HUB("PMHsimsm01", "医療費助成等（PMH）", false),
    // 電子カルテ情報共有サービス 文書: the official names are not public; these are openoqs's own (docs/clins.md).
    CLINS_DOCUMENT_LIST("CIPsidcl01", "電子カルテ情報 文書一覧取得", true),
    CLINS_DOCUMENT_FETCH("CIPsidcg01", "電子カルテ情報 文書取得", true),
    CLINS_CHECKUP_REPORTS("CIPsickr01", "電子カルテ情報 健康診断結果報告書取得", true),
    // 電子カルテ情報共有サービス 6情報 registration: openoqs's own names too (docs/clins.md "Registration through req").
    CLINS_BUNDLE_REGISTER("CIPsibrg01", "電子カルテ情報 6情報登録", true),
    CLINS_BUNDLE_DELETE("CIPsibdl01", "電子カルテ情報 6情報削除", true),
    // 電子処方箋: the real names are not public; these are openoqs's own (docs/e-prescription.md, EpsOperation).
    E_PRESCRIPTION_REGISTER("EPSsireg01", "電子処方箋 処方箋登録", true),
    E_PRESCRIPTION_SEARCH("EPSsisrc01", "電子処方箋 処方箋検索", true),
    E_PRESCRIPTION_STATUS("EPSsists01", "電子処方箋 処方箋状態取得", true),
    E_PRESCRIPTION_CANCEL("EPSsicnl01", "電子処方箋 処方箋取消", true),
    E_PRESCRIPTION_COPY("EPSsicpy01", "電子処方箋 処方箋控え取得", true),
    E_PRESCRIPTION_RECEIVE("EPSsircv01", "電子処方箋 処方箋受付", true),
    E_PRESCRIPTION_DISPENSING_RESULT("EPSsidsp01", "電子処方箋 調剤結果登録", true),
    E_PRESCRIPTION_DISPENSING_RESULTS("EPSsidrl01", "電子処方箋 調剤結果一覧取得", true);

    private final String prefix;
    private final String label;
    private final boolean implemented;

    RequestType(String prefix, String label, boolean implemented) {
        this.prefix = prefix;
        this.label = label;
        this.implemented = implemented;
    }

    public String prefix() {
        return prefix;
    }

    /** Japanese name used in messages. */
    public String label() {
        return label;
    }

    public boolean implemented() {
        return implemented;
    }

    /**
     * The type of a prefix. 電子処方箋 files ({@code EPS…}) other than openoqs's own names (the {@code E_PRESCRIPTION_…}
     * types) resolve to empty here and are reported as not supported by the caller via {@link #isKnownFamily}.
     */
    public static Optional<RequestType> ofPrefix(String prefix) {
        return Arrays.stream(values()).filter(t -> t.prefix.equals(prefix)).findFirst();
    }

    /** True for prefixes of a family the notes know but do not detail (電子処方箋, EPS… beyond openoqs's own names). */
    public static boolean isKnownFamily(String prefix) {
        return prefix != null && prefix.startsWith("EPS");
    }
}
