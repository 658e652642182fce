package org.openoqs.core.message;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.openoqs.core.number.CheckDigit;

/**
 * One 医療費助成 受給者証 as a municipality registers it with PMH (Public Medical Hub; shared/spec/CIP-PMH.md §2, after
 * the Digital Agency's registration API: {@code medicalSubsidyInsurerNumber}, {@code certificationName},
 * {@code medicalSubsidyRecipientNumber}, {@code segment}, {@code incomeSegment}, {@code maxCopaymentAmount},
 * {@code isAlwaysReimbursement}, {@code validFrom}/{@code validTo}, {@code designatedMedicalInstitutions}).
 *
 * @param insurerNumber          公費負担者番号: 8 digits, the last a check digit (法別 2 + 都道府県 2 + 実施機関 3 + 検証番号)
 * @param recipientNumber        公費受給者番号: national ones 7 digits with check digit, local ones up to 30 characters
 * @param certificationName      受給者証名 (≤ 100), e.g. 特定医療費（指定難病）受給者証
 * @param segment                区分 (free text as the municipality writes it), or {@code null}
 * @param incomeSegment          所得区分, or {@code null}
 * @param maxCopaymentAmount     自己負担上限額 (yen per month), {@code null} when none
 * @param alwaysReimbursement    常に償還払い (the patient pays and is reimbursed; the counter does not apply it)
 * @param validFrom              有効期間 start
 * @param validTo                有効期間 end (inclusive), or {@code null}
 * @param designatedInstitutions 指定医療機関 names (empty: any facility)
 */
public record MedicalSubsidyCertificate(
        String insurerNumber,
        String recipientNumber,
        String certificationName,
        String segment,
        String incomeSegment,
        Integer maxCopaymentAmount,
        boolean alwaysReimbursement,
        LocalDate validFrom,
        LocalDate validTo,
        List<String> designatedInstitutions) {

    public MedicalSubsidyCertificate {
        Objects.requireNonNull(insurerNumber, "insurerNumber");
        if (insurerNumber.length() != 8 || !insurerNumber.chars().allMatch(c -> c >= '0' && c <= '9')
                || !CheckDigit.isValid(insurerNumber)) {
            throw new IllegalArgumentException("公費負担者番号 must be 8 digits with a valid check digit: " + insurerNumber);
        }
        Objects.requireNonNull(recipientNumber, "recipientNumber");
        if (recipientNumber.isEmpty() || recipientNumber.length() > 30) {
            throw new IllegalArgumentException("受給者番号 must have 1-30 characters");
        }
        Objects.requireNonNull(certificationName, "certificationName");
        if (certificationName.isBlank() || certificationName.length() > 100) {
            throw new IllegalArgumentException("受給者証名 must have 1-100 characters");
        }
        Objects.requireNonNull(validFrom, "validFrom");
        if (maxCopaymentAmount != null && maxCopaymentAmount < 0) {
            throw new IllegalArgumentException("自己負担上限額 cannot be negative");
        }
        designatedInstitutions = designatedInstitutions == null ? List.of() : List.copyOf(designatedInstitutions);
    }

    /** In force on {@code date}: {@code validFrom ≤ date ≤ validTo}. */
    public boolean isValidOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** 法別番号: the first two digits of the 公費負担者番号 (54 指定難病, 52 小児慢性特定疾病, 8x local subsidies …). */
    public String lawCode() {
        return insurerNumber.substring(0, 2);
    }
}
