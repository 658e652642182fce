package org.openoqs.core.bulk;

import java.util.Arrays;
import java.util.Optional;
import org.openoqs.core.message.RequestType;

/**
 * The bulk flows: each is four files, {@code <prefix>01req_} (upload) → {@code 01res_} (受付番号) →
 * {@code <prefix>02req_} (download with the 受付番号) → {@code 02res_} (result, asked again while processing).
 * INTERFACE.md §4.4–§4.6.
 */
public enum BulkKind {
    /** 資格確認 一括照会: many {@code QualificationConfirmSearchInfo}, one unit per person. */
    QUALIFICATION("OQSmuquc", "muquc", "qualifications", "資格確認（一括照会）",
            RequestType.BULK_QUALIFICATION_UPLOAD, RequestType.BULK_QUALIFICATION_DOWNLOAD,
            "QualificationConfirmSearchInfo", BulkConfirmUnit.ELEMENT),
    /** 一括照会 医療扶助: one 診療年月, one unit per 医療扶助 recipient of the facility. */
    MEDICAL_ASSISTANCE("OQSmutic", "mutic", "medical-assistance", "一括照会（医療扶助）",
            RequestType.BULK_MEDICAL_ASSISTANCE_UPLOAD, RequestType.BULK_MEDICAL_ASSISTANCE_DOWNLOAD,
            "QualificationConfirmSearchInfo", BulkConfirmUnit.ELEMENT),
    /** 一括照会 訪問診療等: a consent date range, one unit per person who consented at the facility. */
    HOME_VISIT("OQSmuhvq", "muhvq", "home-visit", "一括照会（訪問診療等）",
            RequestType.BULK_HOME_VISIT_UPLOAD, RequestType.BULK_HOME_VISIT_DOWNLOAD,
            "QualificationConfirmSearchInfo", BulkConfirmUnit.ELEMENT),
    /** 一括照会 オンライン診療等: a consent or examination date range. */
    ONLINE_CARE("OQSmuonq", "muonq", "online-care", "一括照会（オンライン診療等）",
            RequestType.BULK_ONLINE_CARE_UPLOAD, RequestType.BULK_ONLINE_CARE_DOWNLOAD,
            "QualificationConfirmSearchInfo", BulkConfirmUnit.ELEMENT),
    /** 照会番号 一括登録: many {@code ReferenceNumberRegistrationInfo}, one unit per registration. */
    REFERENCE_NUMBER("OQSmuimm", "muimm", "reference-numbers", "照会番号一括登録",
            RequestType.BULK_REFERENCE_NUMBER_UPLOAD, RequestType.BULK_REFERENCE_NUMBER_DOWNLOAD,
            "ReferenceNumberRegistrationInfo", BulkRegistrationUnit.ELEMENT);

    private final String prefix;
    private final String code;
    private final String slug;
    private final String label;
    private final RequestType upload;
    private final RequestType download;
    private final String entryElement;
    private final String unitElement;

    BulkKind(String prefix, String code, String slug, String label, RequestType upload, RequestType download,
             String entryElement, String unitElement) {
        this.prefix = prefix;
        this.code = code;
        this.slug = slug;
        this.label = label;
        this.upload = upload;
        this.download = download;
        this.entryElement = entryElement;
        this.unitElement = unitElement;
    }

    /** File name prefix without the step, e.g. {@code OQSmuquc}. */
    public String prefix() {
        return prefix;
    }

    /** Short stable code stored with a job, e.g. {@code muquc}. */
    public String code() {
        return code;
    }

    /** Path segment of the terminal API, e.g. {@code qualifications} in {@code /api/v1/bulk/qualifications/jobs}. */
    public String slug() {
        return slug;
    }

    /** Japanese name used in messages. */
    public String label() {
        return label;
    }

    public RequestType uploadType() {
        return upload;
    }

    public RequestType downloadType() {
        return download;
    }

    /** The repeated (or, for the care-setting flows, single) element of an upload's {@code MessageBody}. */
    public String entryElement() {
        return entryElement;
    }

    /** The repeated element of a {@code 02res_} body: {@code BulkConfirmUnit} or {@code BulkRegistrationUnit}. */
    public String unitElement() {
        return unitElement;
    }

    /** True for the flows whose upload names persons one by one (一括照会, 照会番号一括登録). */
    public boolean hasEntriesInRequest() {
        return this == QUALIFICATION || this == REFERENCE_NUMBER;
    }

    /** True for the flows whose upload carries one selection (医療扶助, 訪問診療等, オンライン診療等). */
    public boolean isCareSetting() {
        return !hasEntriesInRequest();
    }

    public static Optional<BulkKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public static Optional<BulkKind> ofSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    /** The kind of an upload or download request type. */
    public static Optional<BulkKind> ofRequestType(RequestType type) {
        return Arrays.stream(values()).filter(k -> k.upload == type || k.download == type).findFirst();
    }
}
