package org.openoqs.core.homecare;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.validation.InquiryIntake;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;

/**
 * Screening of a 居宅同意取得型 re-inquiry ({@code OQSsihvq01req_} 訪問診療等, {@code OQSsionq01req_} オンライン診療等).
 * The message is the 個別照会's ({@code OQSsiquc01req_}: same header, same {@code QualificationConfirmSearchInfo},
 * same rules and codes, {@link InquiryIntake}) plus one element of the search block, {@code MedicalTreatmentFlag}
 * (OQSCD028): it may be omitted (the file name already says the care setting), else it must be 2 for
 * {@code OQSsihvq} and 3 for {@code OQSsionq} — otherwise the person-level error {@code OQSP4202}.
 * Never throws for bad input.
 */
public final class HomeCareInquiryIntake {

    private static final XmlDocumentReader DEFAULT_READER = new XmlDocumentReader();
    static final String TREATMENT_ELEMENT = "MedicalTreatmentFlag";

    private HomeCareInquiryIntake() {
    }

    /** The care setting a re-inquiry prefix asks for. */
    public static MedicalTreatmentFlag treatmentOf(org.openoqs.core.message.RequestType type) {
        return switch (type) {
            case HOME_VISIT_INQUIRY -> MedicalTreatmentFlag.HOME_VISIT;
            case ONLINE_CARE_INQUIRY -> MedicalTreatmentFlag.ONLINE;
            default -> throw new IllegalArgumentException(type + " is not a home-care re-inquiry");
        };
    }

    public static InquiryIntake.Outcome check(byte[] bytes, String facility, LocalDate today,
            MedicalTreatmentFlag treatment, XmlDocumentReader reader) {
        XmlNode root;
        try {
            root = (reader == null ? DEFAULT_READER : reader).read(bytes);
        } catch (InputRejectedException e) {
            return new InquiryIntake.FileRejected(QualificationMessages.readRequestHeaderLeniently(bytes),
                    new Violation(e.errorCode(), null, e.detail()));
        }
        return check(root, facility, today, treatment);
    }

    /** The 個別照会 screening, then the care-setting flag of the search block. */
    public static InquiryIntake.Outcome check(XmlNode root, String facility, LocalDate today,
            MedicalTreatmentFlag treatment) {
        Objects.requireNonNull(treatment, "treatment");
        InquiryIntake.Outcome outcome = InquiryIntake.check(root, facility, today);
        if (!(outcome instanceof InquiryIntake.Accepted accepted)) {
            return outcome;
        }
        Optional<String> flag = root.path(QualificationMessages.BODY, QualificationMessages.SEARCH_INFO,
                TREATMENT_ELEMENT).map(XmlNode::text);
        if (flag.isEmpty() || flag.get().isBlank() || flag.get().strip().equals(treatment.code())) {
            return outcome;
        }
        QualificationInquiryRequest request = accepted.request();
        return new InquiryIntake.PersonRejected(request, new Violation(ErrorCode.HOME_CARE_TREATMENT_MISMATCH,
                TREATMENT_ELEMENT, "指定値: " + Violation.shown(flag.get()) + "、この要求種別は " + treatment.code()));
    }
}
