package org.openoqs.core.message;

import java.time.LocalDate;
import java.time.YearMonth;
import org.openoqs.core.code.DesignatedMedicalInstitutionFlag;
import org.openoqs.core.code.TicketType;

/**
 * One 医療券・調剤券 in a 医療扶助 result ({@code PublicExpenseResultList/MedicalTicketInfo}, INTERFACE.md §4.2), shared
 * by single inquiries, face results and the bulk results.
 *
 * @param designatedMedicalInstitutionFlag {@code null} when the ticket names no 指定医療機関 (or the result does not
 *        compare it with the asking facility)
 * @param details what else the ticket says ({@link MedicalTicketDetails#NONE} when nothing)
 */
public record MedicalTicketInfo(
        TicketType ticketType,
        LocalDate medicalTicketValidDate,
        LocalDate medicalTicketExpirationDate,
        String issueNumber,
        YearMonth medicalTreatmentMonth,
        String designatedMedicalInstitutionCode,
        DesignatedMedicalInstitutionFlag designatedMedicalInstitutionFlag,
        MedicalTicketDetails details) {

    public MedicalTicketInfo {
        details = details == null ? MedicalTicketDetails.NONE : details;
    }

    /** A ticket with nothing written besides its number, month, dates and 指定医療機関. */
    public MedicalTicketInfo(TicketType ticketType, LocalDate medicalTicketValidDate,
            LocalDate medicalTicketExpirationDate, String issueNumber, YearMonth medicalTreatmentMonth,
            String designatedMedicalInstitutionCode, DesignatedMedicalInstitutionFlag designatedMedicalInstitutionFlag) {
        this(ticketType, medicalTicketValidDate, medicalTicketExpirationDate, issueNumber, medicalTreatmentMonth,
                designatedMedicalInstitutionCode, designatedMedicalInstitutionFlag, MedicalTicketDetails.NONE);
    }
}
