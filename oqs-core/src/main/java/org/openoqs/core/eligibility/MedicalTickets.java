package org.openoqs.core.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.openoqs.core.code.DesignatedMedicalInstitutionFlag;
import org.openoqs.core.code.TicketType;
import org.openoqs.core.message.MedicalTicketDetails;
import org.openoqs.core.message.MedicalTicketInfo;
import org.openoqs.core.number.InstitutionCode;
import org.openoqs.core.registry.MedicalTicket;
import org.openoqs.core.registry.Qualification;

/**
 * The registry's 医療券・調剤券 as a facility sees them in a result ({@code MedicalTicketInfo}, docs/eligibility.md,
 * "医療券・調剤券"). The ticket type follows the asking facility: 調剤券 (02) for a pharmacy (点数表番号 4), 医療券 (01)
 * otherwise. {@code DesignatedMedicalInstitutionFlag} compares the ticket's 指定医療機関 with the asking facility:
 * 0 一致 with its code and name; 1 不一致 <em>without</em> the other facility's code and name, which this facility does
 * not need (it only has to know the ticket is not for it); absent when the ticket names no facility.
 */
public final class MedicalTickets {

    private final String institutionCode;
    private final TicketType ticketType;

    /** @param institutionCode the asking facility's 10-digit code */
    public MedicalTickets(String institutionCode) {
        this.institutionCode = Objects.requireNonNull(institutionCode, "institutionCode");
        this.ticketType = isPharmacy(institutionCode) ? TicketType.DISPENSING_TICKET : TicketType.MEDICAL_TICKET;
    }

    /** The tickets of a single result (number inquiry, card): those of {@code q} that cover the confirmation date. */
    public List<MedicalTicketInfo> onDate(Qualification q, LocalDate confirmationDate) {
        if (!q.isMedicalAssistance()) {
            return List.of();
        }
        return q.medicalTickets().stream().filter(t -> t.covers(confirmationDate)).map(this::toInfo).toList();
    }

    /** True when the ticket names this facility or no facility (the bulk 医療扶助 flow shows only those). */
    public boolean isForThisFacility(MedicalTicket t) {
        return designated(t) == null || designated(t).equals(institutionCode);
    }

    public MedicalTicketInfo toInfo(MedicalTicket t) {
        String designated = designated(t);
        if (designated == null) {
            return info(t, null, null, t.details());
        }
        if (designated.equals(institutionCode)) {
            return info(t, designated, DesignatedMedicalInstitutionFlag.MATCHES, t.details());
        }
        MedicalTicketDetails d = t.details();
        MedicalTicketDetails withoutOtherFacility = new MedicalTicketDetails(null,
                d.prescriptionIssuerMedicalInstitutionCode(), d.prescriptionIssuerMedicalInstitutionName(),
                d.injuryNames(), d.medicalTreatmentType(), d.selfPayAmount(), d.districtContactName(),
                d.handlingContactName(), d.singleOrCombinedUse(), d.statusOfSocialInsurance(), d.consistencyFlag(),
                d.statusOfInfection(), d.statusOfElderlyMedicalCare(), d.statusOfPrefecturalExpenses(), d.remarks());
        return info(t, null, DesignatedMedicalInstitutionFlag.DIFFERS, withoutOtherFacility);
    }

    private MedicalTicketInfo info(MedicalTicket t, String designatedCode, DesignatedMedicalInstitutionFlag flag,
            MedicalTicketDetails details) {
        return new MedicalTicketInfo(ticketType, t.validDate(), t.expirationDate(), t.issueNumber(),
                t.medicalTreatmentMonth(), designatedCode, flag, details);
    }

    private static String designated(MedicalTicket t) {
        String code = t.designatedMedicalInstitutionCode();
        return code == null || code.isBlank() ? null : code.strip();
    }

    /** 点数表番号 4, read as {@link InstitutionCode#isPharmacy} does, without re-checking a code the caller vouched for. */
    private static boolean isPharmacy(String institutionCode) {
        String code = institutionCode.strip();
        return code.length() == 10 && code.charAt(2) == '4';
    }
}
