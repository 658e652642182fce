package org.openoqs.core.message;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The 電子カルテ情報共有サービス consents of a result record (INTERFACE.md §4.2, "2025 additions"): one triplet
 * ({@code …ConsFlg}, {@code …ConsTime}, {@code …AvailableTime}) per shared item, written in this order after
 * {@code OperationInfo…}. A component is {@code null} when its elements are absent.
 *
 * @param diagnosisName        傷病名 ({@code DiagnosisName…})
 * @param infectiousInfo       感染症 ({@code InfectiousInfo…})
 * @param allergyInfo          その他アレルギー等 ({@code AllergyInfo…})
 * @param contraindicationInfo 薬剤アレルギー等 ({@code ContraindicationInfo…})
 * @param testInfo             検査 ({@code TestInfo…})
 * @param prescriptionInfo     処方 ({@code PrescriptionInfo…})
 */
public record ClinsConsents(
        Consent diagnosisName,
        Consent infectiousInfo,
        Consent allergyInfo,
        Consent contraindicationInfo,
        Consent testInfo,
        Consent prescriptionInfo) {

    /** The element-name prefixes, in file order; {@link #inFileOrder()} lists the values the same way. */
    public static final List<String> PREFIXES = List.of("DiagnosisName", "InfectiousInfo", "AllergyInfo",
            "ContraindicationInfo", "TestInfo", "PrescriptionInfo");

    /** The six items under one consent (the reader asks once for all six). */
    public static ClinsConsents allOf(Consent consent) {
        Objects.requireNonNull(consent, "consent");
        return new ClinsConsents(consent, consent, consent, consent, consent, consent);
    }

    /** Values in the order of {@link #PREFIXES}; {@code null} entries for absent triplets. */
    public List<Consent> inFileOrder() {
        return Arrays.asList(diagnosisName, infectiousInfo, allergyInfo, contraindicationInfo, testInfo,
                prescriptionInfo);
    }

    /** From values in the order of {@link #PREFIXES}; {@code null} when all six are absent. */
    public static ClinsConsents ofFileOrder(List<Consent> values) {
        if (values.size() != PREFIXES.size()) {
            throw new IllegalArgumentException("six consents expected, got " + values.size());
        }
        if (values.stream().allMatch(Objects::isNull)) {
            return null;
        }
        return new ClinsConsents(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4),
                values.get(5));
    }
}
