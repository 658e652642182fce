package org.openoqs.core.codec;

import static org.openoqs.core.codec.MessageFields.code;
import static org.openoqs.core.codec.MessageFields.date;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openoqs.core.code.ConsistencyFlag;
import org.openoqs.core.code.DesignatedMedicalInstitutionFlag;
import org.openoqs.core.code.MedicalTreatmentType;
import org.openoqs.core.code.SingleOrCombinedUse;
import org.openoqs.core.code.StatusOfElderlyMedicalCare;
import org.openoqs.core.code.StatusOfInfection;
import org.openoqs.core.code.StatusOfPrefecturalExpenses;
import org.openoqs.core.code.StatusOfSocialInsurance;
import org.openoqs.core.code.TicketType;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.MedicalTicketDetails;
import org.openoqs.core.message.MedicalTicketInfo;
import org.openoqs.core.xml.XmlNode;

/**
 * The 医療券・調剤券 block of a 医療扶助 result record ({@code PublicExpenseResultList/MedicalTicketInfo}, INTERFACE.md
 * §4.2): written in the order of the notes, skipping absent values; read order-independently, a code outside its table
 * (OQSCD018–026) or an impossible date or month is a {@link MessageFormatException} with
 * {@link ErrorCode#CENTRAL_SERVICE_INVALID_RESPONSE}. One codec for single, face and bulk results.
 */
public final class MedicalTicketXml {

    public static final String LIST = "PublicExpenseResultList";
    public static final String TICKET = "MedicalTicketInfo";
    /** {@code StatusOfInfecton}: the interface's spelling (sic), kept. */
    public static final String STATUS_OF_INFECTION = "StatusOfInfecton";

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("uuuuMM", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private MedicalTicketXml() {
    }

    /** The {@code PublicExpenseResultList} element, or {@code null} when there is no ticket (no empty list). */
    public static XmlNode listToXml(List<MedicalTicketInfo> tickets) {
        if (tickets == null || tickets.isEmpty()) {
            return null;
        }
        XmlNode.Builder list = XmlNode.builder(LIST);
        tickets.forEach(t -> list.child(toXml(t)));
        return list.build();
    }

    public static XmlNode toXml(MedicalTicketInfo t) {
        MedicalTicketDetails d = t.details();
        XmlNode.Builder x = XmlNode.builder(TICKET)
                .leaf("TicketType", code(t.ticketType()))
                .leaf("MedicalTicketValidDate", date(t.medicalTicketValidDate()))
                .leaf("MedicalTicketExpirationDate", date(t.medicalTicketExpirationDate()))
                .leaf("IssueNumber", t.issueNumber())
                .leaf("MedicalTreatmentMonth", t.medicalTreatmentMonth() == null ? null : MONTH.format(t.medicalTreatmentMonth()))
                .leaf("DesignatedMedicalInstitutionCode", t.designatedMedicalInstitutionCode())
                .leaf("DesignatedMedicalInstitutionFlag", code(t.designatedMedicalInstitutionFlag()))
                .leaf("DesignatedMedicalInstitutionName", d.designatedMedicalInstitutionName())
                .leaf("PrescriptionIssuerMedicalInstitutionCode", d.prescriptionIssuerMedicalInstitutionCode())
                .leaf("PrescriptionIssuerMedicalInstitutionName", d.prescriptionIssuerMedicalInstitutionName());
        numbered(x, "InjuryName", d.injuryNames());
        x.leaf("MedicalTreatmentType", code(d.medicalTreatmentType()))
                .leaf("SelfPayAmount", d.selfPayAmount())
                .leaf("DistrictContactName", d.districtContactName())
                .leaf("HandlingContactName", d.handlingContactName())
                .leaf("SingleOrCombinedUse", code(d.singleOrCombinedUse()))
                .leaf("StatusOfSocialInsurance", code(d.statusOfSocialInsurance()))
                .leaf("ConsistencyFlag", code(d.consistencyFlag()))
                .leaf(STATUS_OF_INFECTION, code(d.statusOfInfection()))
                .leaf("StatusOfElderlyMedicalCare", code(d.statusOfElderlyMedicalCare()))
                .leaf("StatusOfPrefecturalExpenses", code(d.statusOfPrefecturalExpenses()));
        numbered(x, "Remarks", d.remarks());
        return x.build();
    }

    /** The tickets of a result record; empty when it has none. A ticket without the list wrapper is tolerated. */
    public static List<MedicalTicketInfo> read(XmlNode record) {
        List<XmlNode> nodes = new ArrayList<>();
        for (XmlNode list : record.children(LIST)) {
            nodes.addAll(list.children(TICKET));
        }
        nodes.addAll(record.children(TICKET));
        List<MedicalTicketInfo> out = new ArrayList<>();
        for (XmlNode n : nodes) {
            out.add(readTicket(n));
        }
        return out;
    }

    public static MedicalTicketInfo readTicket(XmlNode t) {
        MedicalTicketDetails details = new MedicalTicketDetails(
                text(t, "DesignatedMedicalInstitutionName"),
                text(t, "PrescriptionIssuerMedicalInstitutionCode"),
                text(t, "PrescriptionIssuerMedicalInstitutionName"),
                numbered(t, "InjuryName"),
                code(t, "MedicalTreatmentType", MedicalTreatmentType.class),
                text(t, "SelfPayAmount"),
                text(t, "DistrictContactName"),
                text(t, "HandlingContactName"),
                code(t, "SingleOrCombinedUse", SingleOrCombinedUse.class),
                code(t, "StatusOfSocialInsurance", StatusOfSocialInsurance.class),
                code(t, "ConsistencyFlag", ConsistencyFlag.class),
                code(t, STATUS_OF_INFECTION, StatusOfInfection.class),
                code(t, "StatusOfElderlyMedicalCare", StatusOfElderlyMedicalCare.class),
                code(t, "StatusOfPrefecturalExpenses", StatusOfPrefecturalExpenses.class),
                numbered(t, "Remarks"));
        return new MedicalTicketInfo(
                code(t, "TicketType", TicketType.class),
                date(t, "MedicalTicketValidDate"),
                date(t, "MedicalTicketExpirationDate"),
                text(t, "IssueNumber"),
                month(t),
                text(t, "DesignatedMedicalInstitutionCode"),
                code(t, "DesignatedMedicalInstitutionFlag", DesignatedMedicalInstitutionFlag.class),
                details);
    }

    private static void numbered(XmlNode.Builder x, String prefix, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            x.leaf(prefix + (i + 1), values.get(i));
        }
    }

    private static List<String> numbered(XmlNode t, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= MedicalTicketDetails.NUMBERED; i++) {
            String v = text(t, prefix + i);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static String text(XmlNode t, String name) {
        return t.text(name).filter(v -> !v.isEmpty()).orElse(null);
    }

    private static YearMonth month(XmlNode t) {
        String raw = t.text("MedicalTreatmentMonth").map(String::strip).orElse("");
        if (raw.isEmpty()) {
            return null;
        }
        try {
            if (raw.length() != 6 || !QualificationMessages.isAsciiDigits(raw)) {
                throw new DateTimeParseException("not yyyyMM", raw, 0);
            }
            return YearMonth.parse(raw, MONTH);
        } catch (DateTimeParseException e) {
            throw new MessageFormatException(ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE, "MedicalTreatmentMonth",
                    "MedicalTreatmentMonth の年月「" + MessageFields.shorten(raw) + "」が yyyyMM 形式ではありません");
        }
    }
}
