package org.openoqs.core.consent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a patient may agree to share when confirming with the card (the reader's 同意 screens). The viewing
 * consents carry {@code …ConsFlg}, {@code …ConsTime} and {@code …AvailableTime} in results; {@link #LIMIT} is the
 * 限度額 provision consent ({@code LimitApplicationCertificateRelatedConsFlg}, OQSCD001), which has no viewing period.
 * {@code kindCode} is the OQSCD036 閲覧同意情報種別 where one exists.
 *
 * <p>{@link #CLINS} is the 電子カルテ情報共有サービス 6情報 viewing consent (電子カルテ情報共有サービスで共有される情報の閲覧に
 * 同意する), offered only where the facility switched the service on in 環境設定. One consent covers the six items; a
 * result shows it in each of the 2025 triplets {@code DiagnosisName…}, {@code InfectiousInfo…}, {@code AllergyInfo…},
 * {@code ContraindicationInfo…}, {@code TestInfo…}, {@code PrescriptionInfo…} (docs/eligibility.md). OQSCD036 has
 * no code of its own for it (the public table spreads the six items over YZK/SRJ/SHJ), so its kind code is
 * {@code null}.
 */
public enum ConsentCategory {
    DRUG("drug", "薬剤情報", "YZK"),
    CHECKUP("checkup", "特定健診情報", "TKK"),
    DIAGNOSIS("diagnosis", "診療情報", "SRJ"),
    SURGERY("surgery", "手術情報", "SHJ"),
    CLINS("clins", "電子カルテ情報", null),
    LIMIT("limit", "限度額情報", null),
    /** PMH: provide the 医療費助成 受給者証 with this confirmation (docs/pmh.md); no viewing period of its own. */
    SUBSIDY("subsidy", "医療費助成の受給者証", null);

    private final String cliName;
    private final String label;
    private final String kindCode;

    ConsentCategory(String cliName, String label, String kindCode) {
        this.cliName = cliName;
        this.label = label;
        this.kindCode = kindCode;
    }

    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    /** OQSCD036 code, {@code null} for {@link #LIMIT} and {@link #CLINS}. */
    public String kindCode() {
        return kindCode;
    }

    /** A viewing consent with a period ({@code …AvailableTime}). */
    public boolean isViewing() {
        return this != LIMIT && this != SUBSIDY;
    }

    public static Optional<ConsentCategory> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.cliName.equals(n) || c.name().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }
}
