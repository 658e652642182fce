package org.openoqs.core.bulk;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One 医療券・調剤券 in a 医療扶助 result ({@code PublicExpenseResultList/MedicalTicketInfo}, INTERFACE.md §4.2):
 * the fields the synthetic registry holds.
 *
 * @param designatedMedicalInstitutionFlag {@code null} when the ticket names no 指定医療機関
 */
public record MedicalTicketInfo(
        TicketType ticketType,
        LocalDate medicalTicketValidDate,
        LocalDate medicalTicketExpirationDate,
        String issueNumber,
        YearMonth medicalTreatmentMonth,
        String designatedMedicalInstitutionCode,
        DesignatedMedicalInstitutionFlag designatedMedicalInstitutionFlag) {
}
