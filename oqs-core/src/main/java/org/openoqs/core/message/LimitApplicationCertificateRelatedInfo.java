package org.openoqs.core.message;

import java.time.LocalDate;
import org.openoqs.core.code.LimitApplicationCertificateClassification;
import org.openoqs.core.code.LimitApplicationCertificateClassificationFlag;

/** 限度額適用認定証関連情報, disclosed only with the patient's consent (OQSCD001). */
public record LimitApplicationCertificateRelatedInfo(
        LimitApplicationCertificateClassification classification,
        LimitApplicationCertificateClassificationFlag classificationFlag,
        LocalDate certificateDate,
        LocalDate validStartDate,
        LocalDate validEndDate,
        LocalDate longTermDate) {
}
