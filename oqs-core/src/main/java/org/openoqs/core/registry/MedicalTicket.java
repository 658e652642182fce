package org.openoqs.core.registry;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import org.openoqs.core.message.MedicalTicketDetails;

/**
 * 医療券・調剤券 registered by a welfare office for a 医療扶助 qualification and one 診療年月. A 医療扶助
 * qualification that is valid on the confirmation date but has no ticket for that month answers
 * {@code QualificationValidity} 6 (有効（未登録）).
 *
 * @param issueNumber 交付番号
 * @param medicalTreatmentMonth 診療年月
 * @param validDate 有効開始日 (nullable: whole month)
 * @param expirationDate 有効終了日 (nullable: whole month)
 * @param designatedMedicalInstitutionCode 指定医療機関コード (nullable: the ticket names none)
 * @param details what else the welfare office wrote on the ticket ({@link MedicalTicketDetails#NONE}: nothing)
 */
public record MedicalTicket(
        String issueNumber,
        YearMonth medicalTreatmentMonth,
        LocalDate validDate,
        LocalDate expirationDate,
        String designatedMedicalInstitutionCode,
        MedicalTicketDetails details) {

    public MedicalTicket {
        Objects.requireNonNull(medicalTreatmentMonth, "medicalTreatmentMonth");
        details = details == null ? MedicalTicketDetails.NONE : details;
    }

    /** A ticket with nothing written besides its number, month, dates and 指定医療機関. */
    public MedicalTicket(String issueNumber, YearMonth medicalTreatmentMonth, LocalDate validDate,
            LocalDate expirationDate, String designatedMedicalInstitutionCode) {
        this(issueNumber, medicalTreatmentMonth, validDate, expirationDate, designatedMedicalInstitutionCode,
                MedicalTicketDetails.NONE);
    }

    /** True when the ticket covers {@code date}: same 診療年月 and inside the optional valid dates. */
    public boolean covers(LocalDate date) {
        return YearMonth.from(date).equals(medicalTreatmentMonth)
                && (validDate == null || !date.isBefore(validDate))
                && (expirationDate == null || !date.isAfter(expirationDate));
    }
}
