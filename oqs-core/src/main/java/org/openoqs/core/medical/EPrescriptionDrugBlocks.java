package org.openoqs.core.medical;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.openoqs.core.codec.MessageFormatException;
import org.openoqs.core.eps.DispensedMedication;
import org.openoqs.core.eps.Medication;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.xml.XmlNode;

/**
 * The 電子処方箋-derived blocks of a 薬剤情報 answer (INTERFACE.md §4.7; docs/medical-information.md): {@code CzDiInf}
 * (調剤結果) and {@code ShPrInf} (処方情報), each one month-block per month and facilities, as {@code MeTrMonthInf} groups
 * claims. Element names are those the public reader maps ({@code Cz…} / {@code Sh…} beside the {@code MeTr…} ones);
 * the values openoqs writes in the 区分 elements are its own choice ({@link #CZ_ORIGIN}, {@link #SH_ORIGIN}).
 *
 * <pre>
 * CzDiInf / CzDiMonthInf (1..n)
 *   CzDiOrg 2, CzMeTrDiHCd (pharmacy), CzPrlsHCd (prescriber), CzMeTrDiHNm, CzDiMonth yyyyMM, CzPrlsHNm,
 *   CzPrIsOrg 1 (院外), CzPrCl 2 (外来)
 *   CzDiDateInfs / CzDiDateInf { CzDiDate 調剤日, CzPrDate 処方日,
 *     CzDrugInfs / CzDrugInf { CzDrugN, CzQua1, CzUnit, CzTimes } }
 * ShPrInf / ShPrMonthInf (1..n)
 *   ShPrOrg 3, ShPrHCd (prescriber), ShPrHNm, ShPrMonth yyyyMM, ShPrIsOrg 1, ShPrCl 2
 *   ShPrDateInfs / ShPrDateInf { ShPrDate 処方日,
 *     ShDrugInfs / ShDrugInf { ShDrugC, ShDrugN, ShQua1, ShUnit, ShUsageN, ShTimes } }
 * </pre>
 */
public final class EPrescriptionDrugBlocks {

    /** {@code CzDiOrg}: 2 — 電子処方箋 調剤結果 (the claims-derived {@code DiOrg} is 1). */
    public static final String CZ_ORIGIN = "2";
    /** {@code ShPrOrg}: 3 — 電子処方箋 処方情報. */
    public static final String SH_ORIGIN = "3";
    /** {@code …PrIsOrg}: 1 院外処方 — an 電子処方箋 always goes to a pharmacy. */
    static final String OUTSIDE_PRESCRIPTION = "1";
    /** {@code …PrCl}: 2 外来, as {@code InOut}. */
    static final String OUTPATIENT = "2";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("uuuuMM", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private EPrescriptionDrugBlocks() {
    }

    /** Adds {@code CzDiInf} and {@code ShPrInf} to a 薬剤情報 body; nothing for an empty part. */
    public static void append(XmlNode.Builder body, EPrescriptionHistory history) {
        if (!history.dispensings().isEmpty()) {
            body.child(dispensingsToXml(history.dispensings()));
        }
        if (!history.prescriptions().isEmpty()) {
            body.child(prescriptionsToXml(history.prescriptions()));
        }
    }

    static XmlNode dispensingsToXml(List<EPrescriptionHistory.Dispensed> dispensings) {
        XmlNode.Builder inf = XmlNode.builder("CzDiInf");
        for (List<EPrescriptionHistory.Dispensed> group : groups(dispensings, d -> YearMonth.from(d.dispensingDate())
                + "|" + d.pharmacyCode() + "|" + d.prescriberCode())) {
            EPrescriptionHistory.Dispensed first = group.get(0);
            inf.child("CzDiMonthInf", m -> {
                m.leaf("CzDiOrg", CZ_ORIGIN).leaf("CzMeTrDiHCd", first.pharmacyCode()).leaf("CzPrlsHCd", first.prescriberCode())
                        .leaf("CzMeTrDiHNm", first.pharmacyName()).leaf("CzDiMonth", first.dispensingDate().format(MONTH))
                        .leaf("CzPrlsHNm", first.prescriberName()).leaf("CzPrIsOrg", OUTSIDE_PRESCRIPTION)
                        .leaf("CzPrCl", OUTPATIENT);
                m.child("CzDiDateInfs", infs -> group.forEach(d -> infs.child("CzDiDateInf", x -> {
                    x.leaf("CzDiDate", d.dispensingDate().format(DATE))
                            .leaf("CzPrDate", d.prescriptionDate() == null ? null : d.prescriptionDate().format(DATE));
                    x.child("CzDrugInfs", drugs -> d.medications().forEach(drug -> drugs.child("CzDrugInf", y -> y
                            .leaf("CzDrugN", drug.drugName()).leaf("CzQua1", drug.quantity()).leaf("CzUnit", drug.unit())
                            .leaf("CzTimes", Integer.toString(drug.days())))));
                })));
            });
        }
        return inf.build();
    }

    static XmlNode prescriptionsToXml(List<EPrescriptionHistory.Prescribed> prescriptions) {
        XmlNode.Builder inf = XmlNode.builder("ShPrInf");
        for (List<EPrescriptionHistory.Prescribed> group : groups(prescriptions,
                p -> YearMonth.from(p.issueDate()) + "|" + p.institutionCode())) {
            EPrescriptionHistory.Prescribed first = group.get(0);
            inf.child("ShPrMonthInf", m -> {
                m.leaf("ShPrOrg", SH_ORIGIN).leaf("ShPrHCd", first.institutionCode()).leaf("ShPrHNm", first.institutionName())
                        .leaf("ShPrMonth", first.issueDate().format(MONTH)).leaf("ShPrIsOrg", OUTSIDE_PRESCRIPTION)
                        .leaf("ShPrCl", OUTPATIENT);
                m.child("ShPrDateInfs", infs -> group.forEach(p -> infs.child("ShPrDateInf", x -> {
                    x.leaf("ShPrDate", p.issueDate().format(DATE));
                    x.child("ShDrugInfs", drugs -> p.medications().forEach(drug -> drugs.child("ShDrugInf", y -> y
                            .leaf("ShDrugC", drug.drugCode()).leaf("ShDrugN", drug.drugName()).leaf("ShQua1", drug.dose())
                            .leaf("ShUnit", drug.doseUnit()).leaf("ShUsageN", drug.usage())
                            .leaf("ShTimes", Integer.toString(drug.days())))));
                })));
            });
        }
        return inf.build();
    }

    /**
     * Reads both blocks of a 薬剤情報 {@code MessageBody} (for the レセコン's side and the tests). A date, month or number
     * that cannot be read is a {@link MessageFormatException} ({@link ErrorCode#CENTRAL_SERVICE_INVALID_RESPONSE}).
     */
    public static EPrescriptionHistory read(XmlNode body) {
        List<EPrescriptionHistory.Dispensed> dispensed = new ArrayList<>();
        for (XmlNode month : nodes(body, "CzDiInf", "CzDiMonthInf")) {
            for (XmlNode day : nodes(month, "CzDiDateInfs", "CzDiDateInf")) {
                List<DispensedMedication> drugs = new ArrayList<>();
                for (XmlNode d : nodes(day, "CzDrugInfs", "CzDrugInf")) {
                    drugs.add(new DispensedMedication(required(d, "CzDrugN"), required(d, "CzQua1"), required(d, "CzUnit"),
                            number(d, "CzTimes")));
                }
                dispensed.add(new EPrescriptionHistory.Dispensed(required(month, "CzMeTrDiHCd"), text(month, "CzMeTrDiHNm"),
                        required(month, "CzPrlsHCd"), text(month, "CzPrlsHNm"), date(day, "CzDiDate"),
                        day.text("CzPrDate").isPresent() ? date(day, "CzPrDate") : null, drugs));
            }
        }
        List<EPrescriptionHistory.Prescribed> prescribed = new ArrayList<>();
        for (XmlNode month : nodes(body, "ShPrInf", "ShPrMonthInf")) {
            for (XmlNode day : nodes(month, "ShPrDateInfs", "ShPrDateInf")) {
                List<Medication> drugs = new ArrayList<>();
                for (XmlNode d : nodes(day, "ShDrugInfs", "ShDrugInf")) {
                    drugs.add(new Medication(text(d, "ShDrugC"), required(d, "ShDrugN"), required(d, "ShQua1"), required(d, "ShUnit"),
                            required(d, "ShUsageN"), number(d, "ShTimes")));
                }
                prescribed.add(new EPrescriptionHistory.Prescribed(required(month, "ShPrHCd"), text(month, "ShPrHNm"),
                        date(day, "ShPrDate"), drugs));
            }
        }
        return new EPrescriptionHistory(prescribed, dispensed);
    }

    private static <T> List<List<T>> groups(List<T> items, Function<T, String> key) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        items.forEach(i -> out.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
        return new ArrayList<>(out.values());
    }

    private static List<XmlNode> nodes(XmlNode parent, String wrapper, String element) {
        List<XmlNode> out = new ArrayList<>();
        parent.children(wrapper).forEach(w -> out.addAll(w.children(element)));
        return out;
    }

    private static String text(XmlNode n, String name) {
        return n.text(name).orElse(null);
    }

    private static String required(XmlNode n, String name) {
        return n.text(name).filter(v -> !v.isBlank()).orElseThrow(() -> bad(name, ""));
    }

    private static LocalDate date(XmlNode n, String name) {
        String raw = n.text(name).map(String::strip).orElse("");
        try {
            return LocalDate.parse(raw, DATE);
        } catch (DateTimeParseException e) {
            throw bad(name, raw);
        }
    }

    private static int number(XmlNode n, String name) {
        String raw = n.text(name).map(String::strip).orElse("");
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw bad(name, raw);
        }
    }

    private static MessageFormatException bad(String name, String raw) {
        return new MessageFormatException(ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE, name,
                name + " の値「" + (raw.length() <= 40 ? raw : raw.substring(0, 40) + "…") + "」を読み取れません");
    }
}
