package org.openoqs.core.message;

import java.time.LocalDate;
import org.openoqs.core.code.SpecificDiseasesDiseaseCategory;

/** 特定疾病療養受療証情報. {@code selfPay} is the monthly self-pay limit in yen, as text. */
public record SpecificDiseasesCertificateInfo(
        SpecificDiseasesDiseaseCategory diseaseCategory,
        LocalDate certificateDate,
        LocalDate validStartDate,
        LocalDate validEndDate,
        String selfPay) {
}
