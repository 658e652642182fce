package org.openoqs.core.codec.eps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.eps.CheckResult;
import org.openoqs.core.eps.DispensedMedication;
import org.openoqs.core.eps.DispensingResult;
import org.openoqs.core.eps.EpsRejectedException;
import org.openoqs.core.eps.EpsResultCode;
import org.openoqs.core.xml.XmlNode;

/**
 * The {@code DispensingResult} block, in a dispensing-result request and in a status answer:
 * <pre>
 * &lt;DispensingResult&gt;
 *   &lt;DispensingDate/&gt; &lt;PharmacistName/&gt;
 *   &lt;DispensedMedicationList&gt; &lt;DispensedMedication&gt; DrugName Quantity Unit Days &lt;/DispensedMedication&gt;…
 *   &lt;/DispensedMedicationList&gt;
 *   &lt;Message/&gt;?   (伝達事項)
 * &lt;/DispensingResult&gt;
 * </pre>
 */
public final class DispensingResults {

    public static final String BLOCK = "DispensingResult";
    public static final int MAX_MEDICATIONS = 100;

    private DispensingResults() {
    }

    public static XmlNode toXml(DispensingResult r) {
        XmlNode.Builder b = XmlNode.builder(BLOCK)
                .leaf("DispensingDate", r.dispensingDate().format(QualificationMessages.DATE))
                .leaf("PharmacistName", r.pharmacistName());
        b.child("DispensedMedicationList", list -> {
            for (DispensedMedication m : r.medications()) {
                list.child("DispensedMedication", d -> d.leaf("DrugName", m.drugName()).leaf("Quantity", m.quantity())
                        .leaf("Unit", m.unit()).leaf("Days", Integer.toString(m.days())));
            }
        });
        return b.leaf("Message", r.message()).build();
    }

    /**
     * Reads the block; every problem is reported with {@link EpsResultCode#INVALID_DISPENSING_RESULT} or
     * {@link EpsResultCode#MISSING_ITEM}.
     *
     * @param today dispensing dates after today are refused
     */
    public static DispensingResult read(Optional<XmlNode> node, LocalDate today) {
        if (node.isEmpty()) {
            throw new EpsRejectedException(EpsResultCode.MISSING_ITEM, BLOCK);
        }
        BodyFields f = BodyFields.of(node.get(), BLOCK);
        LocalDate date = f.requiredDate("DispensingDate");
        if (date != null && date.isAfter(today)) {
            f.invalid("DispensingDate", "未来の日付です");
        }
        String pharmacist = f.required("PharmacistName", 50);
        List<XmlNode> items = node.get().child("DispensedMedicationList").map(l -> l.children("DispensedMedication"))
                .orElse(List.of());
        List<DispensedMedication> medications = new ArrayList<>();
        if (items.isEmpty()) {
            f.missing("DispensedMedicationList/DispensedMedication");
        } else if (items.size() > MAX_MEDICATIONS) {
            f.invalid("DispensedMedicationList", MAX_MEDICATIONS + "件以内で指定してください");
        } else {
            for (int i = 0; i < items.size(); i++) {
                BodyFields m = f.nested(items.get(i), f.where("DispensedMedicationList/DispensedMedication[" + (i + 1) + "]"));
                String name = m.required("DrugName", 200);
                String quantity = m.required("Quantity", 10);
                if (quantity != null && !quantity.matches("\\d{1,6}(\\.\\d{1,3})?")) {
                    m.invalid("Quantity", "数量を数字で指定してください（指定値: " + quantity + "）");
                    quantity = null;
                }
                String unit = m.required("Unit", 10);
                Integer days = m.requiredNumber("Days", 1, 365);
                if (name != null && quantity != null && unit != null && days != null) {
                    medications.add(new DispensedMedication(name, quantity, unit, days));
                }
            }
        }
        String message = f.optional("Message", 1000);
        if (!f.ok()) {
            List<CheckResult> problems = new ArrayList<>();
            for (CheckResult p : f.problems()) {
                problems.add(p.code() == EpsResultCode.INVALID_ITEM
                        ? new CheckResult(EpsResultCode.INVALID_DISPENSING_RESULT, p.detail()) : p);
            }
            throw new EpsRejectedException(problems);
        }
        return new DispensingResult(date, pharmacist, medications, message);
    }

    /** Reads a block written by {@link #toXml} (a status answer); lenient, for clients. */
    public static Optional<DispensingResult> readAnswer(XmlNode body) {
        Optional<XmlNode> node = body.child(BLOCK);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(node, LocalDate.MAX.minusDays(1)));
    }
}
