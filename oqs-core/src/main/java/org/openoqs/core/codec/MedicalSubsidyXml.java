package org.openoqs.core.codec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.MedicalSubsidyCertificate;
import org.openoqs.core.xml.XmlNode;

/**
 * The 医療費助成 block of a qualification result (docs/pmh.md). The facility-side element names are not public; openoqs
 * names them after the Digital Agency's PMH registration API in the interface's PascalCase style, in
 * {@code MessageBody} after {@code ResultList}:
 *
 * <pre>
 * MedicalSubsidyInfoList
 *   MedicalSubsidyInfo (1..n)
 *     MedicalSubsidyInsurerNumber     公費負担者番号 (8 digits)
 *     MedicalSubsidyRecipientNumber   公費受給者番号
 *     CertificationName               受給者証名
 *     Segment                         区分 (optional)
 *     IncomeSegment                   所得区分 (optional)
 *     MaxCopaymentAmount              自己負担上限額, yen per month (optional)
 *     IsAlwaysReimbursement           常に償還払い 0 / 1
 *     ValidFrom, ValidTo              有効期間 yyyyMMdd (ValidTo optional)
 *     DesignatedMedicalInstitutionList / DesignatedMedicalInstitutionName (0..n)   指定医療機関
 * </pre>
 * The block is absent when there is nothing to give — never with a reason.
 */
public final class MedicalSubsidyXml {

    public static final String LIST = "MedicalSubsidyInfoList";
    public static final String INFO = "MedicalSubsidyInfo";

    private MedicalSubsidyXml() {
    }

    public static XmlNode toXml(List<MedicalSubsidyCertificate> certificates) {
        XmlNode.Builder list = XmlNode.builder(LIST);
        for (MedicalSubsidyCertificate c : certificates) {
            XmlNode.Builder b = XmlNode.builder(INFO)
                    .leaf("MedicalSubsidyInsurerNumber", c.insurerNumber())
                    .leaf("MedicalSubsidyRecipientNumber", c.recipientNumber())
                    .leaf("CertificationName", c.certificationName())
                    .leaf("Segment", c.segment())
                    .leaf("IncomeSegment", c.incomeSegment())
                    .leaf("MaxCopaymentAmount", c.maxCopaymentAmount() == null ? null : c.maxCopaymentAmount().toString())
                    .leaf("IsAlwaysReimbursement", c.alwaysReimbursement() ? "1" : "0")
                    .leaf("ValidFrom", QualificationMessages.DATE.format(c.validFrom()))
                    .leaf("ValidTo", c.validTo() == null ? null : QualificationMessages.DATE.format(c.validTo()));
            if (!c.designatedInstitutions().isEmpty()) {
                XmlNode.Builder d = XmlNode.builder("DesignatedMedicalInstitutionList");
                c.designatedInstitutions().forEach(n -> d.leaf("DesignatedMedicalInstitutionName", n));
                b.child(d.build());
            }
            list.child(b.build());
        }
        return list.build();
    }

    /** The certificates of a result body ({@code MessageBody}); empty when the block is absent. */
    public static List<MedicalSubsidyCertificate> read(XmlNode body) {
        List<MedicalSubsidyCertificate> out = new ArrayList<>();
        for (XmlNode list : body.children(LIST)) {
            for (XmlNode n : list.children(INFO)) {
                try {
                    String amount = n.text("MaxCopaymentAmount").orElse(null);
                    List<String> designated = new ArrayList<>();
                    n.child("DesignatedMedicalInstitutionList").ifPresent(d -> d.children("DesignatedMedicalInstitutionName")
                            .forEach(x -> designated.add(x.text())));
                    out.add(new MedicalSubsidyCertificate(n.text("MedicalSubsidyInsurerNumber").orElse(null),
                            n.text("MedicalSubsidyRecipientNumber").orElse(null), n.text("CertificationName").orElse(null),
                            n.text("Segment").orElse(null), n.text("IncomeSegment").orElse(null),
                            amount == null ? null : Integer.valueOf(amount.strip()),
                            "1".equals(n.text("IsAlwaysReimbursement").orElse("0").strip()),
                            date(n, "ValidFrom"), n.text("ValidTo").isPresent() ? date(n, "ValidTo") : null, designated));
                } catch (RuntimeException unreadable) {
                    throw new MessageFormatException(ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE, INFO,
                            "医療費助成情報を読み取れません");
                }
            }
        }
        return out;
    }

    private static LocalDate date(XmlNode n, String name) {
        return QualificationMessages.parseDate(n.text(name).orElseThrow().strip()).orElseThrow();
    }
}
