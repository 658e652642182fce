package org.openoqs.core.codec.eps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.code.Sex;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.eps.CheckResult;
import org.openoqs.core.eps.EpsResultCode;
import org.openoqs.core.eps.InsuredPatient;
import org.openoqs.core.eps.Medication;
import org.openoqs.core.eps.PrescriptionDocument;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.number.InvalidNumberException;
import org.openoqs.core.validation.InquiryValidator;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;

/**
 * The XML form of a {@link PrescriptionDocument} — the bytes the doctor signs:
 * <pre>
 * &lt;PrescriptionDocument&gt;
 *   &lt;MedicalInstitutionCode/&gt; &lt;MedicalInstitutionName/&gt;? &lt;DoctorName/&gt; &lt;IssueDate/&gt; &lt;ExpiryDate/&gt;?
 *   &lt;Patient&gt; InsurerNumber InsuredCardSymbol? InsuredIdentificationNumber InsuredBranchNumber? Name NameKana?
 *            Birthdate Sex? &lt;/Patient&gt;
 *   &lt;MedicationList&gt; &lt;Medication&gt; DrugCode? DrugName Dose DoseUnit Usage Days &lt;/Medication&gt;… &lt;/MedicationList&gt;
 *   &lt;Remarks/&gt;?
 * &lt;/PrescriptionDocument&gt;
 * </pre>
 * Reading checks every rule and reports every broken one ({@link CheckResult}); the same hardened reader as the
 * request files refuses DOCTYPEs, bad encodings and oversized input.
 */
public final class PrescriptionDocuments {

    public static final String ROOT = "PrescriptionDocument";
    public static final int MAX_MEDICATIONS = 100;
    /** Far above any real prescription; the signed payload as a whole is limited by the request size. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final XmlDocumentReader READER = new XmlDocumentReader(MAX_BYTES);
    private static final XmlDocumentWriter WRITER = new XmlDocumentWriter();

    private PrescriptionDocuments() {
    }

    /** The outcome of reading: a document, or every problem found. */
    public record Reading(PrescriptionDocument document, List<CheckResult> problems) {
        public Reading {
            problems = List.copyOf(problems);
            if ((document == null) == problems.isEmpty()) {
                throw new IllegalArgumentException("either a document or problems");
            }
        }

        public boolean ok() {
            return document != null;
        }
    }

    /** UTF-8 bytes of the document (what gets signed). */
    public static byte[] write(PrescriptionDocument d) {
        return WRITER.writeBytes(toXml(d), CharacterCode.UTF_8);
    }

    public static XmlNode toXml(PrescriptionDocument d) {
        InsuredPatient p = d.patient();
        XmlNode.Builder root = XmlNode.builder(ROOT)
                .leaf("MedicalInstitutionCode", d.medicalInstitutionCode())
                .leaf("MedicalInstitutionName", d.medicalInstitutionName())
                .leaf("DoctorName", d.doctorName())
                .leaf("IssueDate", d.issueDate().format(QualificationMessages.DATE))
                .leaf("ExpiryDate", d.expiryDate().format(QualificationMessages.DATE))
                .child("Patient", b -> b
                        .leaf("InsurerNumber", p.insurerNumber())
                        .leaf("InsuredCardSymbol", p.insuredCardSymbol())
                        .leaf("InsuredIdentificationNumber", p.insuredIdentificationNumber())
                        .leaf("InsuredBranchNumber", p.insuredBranchNumber())
                        .leaf("Name", p.name())
                        .leaf("NameKana", p.nameKana())
                        .leaf("Birthdate", p.birthdate().format(QualificationMessages.DATE))
                        .leaf("Sex", p.sex()));
        root.child("MedicationList", list -> {
            for (Medication m : d.medications()) {
                list.child("Medication", b -> b
                        .leaf("DrugCode", m.drugCode())
                        .leaf("DrugName", m.drugName())
                        .leaf("Dose", m.dose())
                        .leaf("DoseUnit", m.doseUnit())
                        .leaf("Usage", m.usage())
                        .leaf("Days", Integer.toString(m.days())));
            }
        });
        return root.leaf("Remarks", d.remarks()).build();
    }

    /** Reads signed content; never throws for bad input. */
    public static Reading read(byte[] bytes) {
        XmlNode root;
        try {
            root = READER.read(bytes);
        } catch (InputRejectedException e) {
            return problems(new CheckResult(EpsResultCode.INVALID_PRESCRIPTION_CONTENT,
                    "処方箋文書: " + e.errorCode().code() + " " + e.userMessage()));
        }
        return read(root);
    }

    /** Reads a parsed document; never throws for bad input. */
    public static Reading read(XmlNode root) {
        Objects.requireNonNull(root, "root");
        if (!root.name().equals(ROOT)) {
            return problems(new CheckResult(EpsResultCode.INVALID_ITEM,
                    "ルート要素は " + ROOT + " としてください（指定値: " + root.name() + "）"));
        }
        BodyFields f = BodyFields.of(root, ROOT);
        String institution = f.required("MedicalInstitutionCode", 10);
        if (institution != null && !(institution.length() == 10 && CheckDigit.isValid(institution))) {
            f.invalid("MedicalInstitutionCode", "検証番号が正しい10桁の医療機関コードで指定してください（指定値: " + institution + "）");
            institution = null;
        }
        String institutionName = f.optional("MedicalInstitutionName", 200);
        String doctor = f.required("DoctorName", 50);
        LocalDate issued = f.requiredDate("IssueDate");
        LocalDate expiry = f.optionalDate("ExpiryDate");
        if (issued != null && expiry != null && expiry.isBefore(issued)) {
            f.invalid("ExpiryDate", "交付年月日以降の日付を指定してください");
            expiry = null;
        }
        InsuredPatient patient = patient(f, root.child("Patient"), issued);
        List<Medication> medications = medications(f, root.child("MedicationList"));
        String remarks = f.optional("Remarks", 1000);
        if (!f.ok()) {
            return new Reading(null, f.problems());
        }
        return new Reading(new PrescriptionDocument(institution, institutionName, doctor, issued, expiry, patient,
                medications, remarks), List.of());
    }

    private static InsuredPatient patient(BodyFields parent, Optional<XmlNode> node, LocalDate issued) {
        if (node.isEmpty()) {
            parent.missing("Patient");
            return null;
        }
        BodyFields f = parent.nested(node.get(), parent.where("Patient"));
        String insurer = insurerNumber(f);
        String symbol = f.optional("InsuredCardSymbol", InquiryValidator.MAX_SYMBOL);
        String number = f.required("InsuredIdentificationNumber", InquiryValidator.MAX_IDENTIFICATION_NUMBER);
        String branch = f.optional("InsuredBranchNumber", 2);
        if (branch != null && !branch.matches("\\d{2}")) {
            f.invalid("InsuredBranchNumber", "2桁の数字で指定してください（指定値: " + branch + "）");
        }
        String name = f.required("Name", 100);
        String kana = f.optional("NameKana", 100);
        LocalDate birthdate = f.requiredDate("Birthdate");
        if (birthdate != null && issued != null && birthdate.isAfter(issued)) {
            f.invalid("Birthdate", "交付年月日より後の日付です");
        }
        String sex = f.optional("Sex", 1);
        if (sex != null && CodeTable.find(Sex.class, sex).isEmpty()) {
            f.invalid("Sex", "1（男）、2（女）、3（未設定）のいずれかを指定してください（指定値: " + sex + "）");
        }
        if (insurer == null || number == null || name == null || birthdate == null) {
            return null;
        }
        return new InsuredPatient(insurer, symbol, number, branch, name, kana, birthdate, sex);
    }

    /** The insurer number without padding, or null with a problem recorded. Shared with the search request. */
    static String insurerNumber(BodyFields f) {
        Optional<String> raw = f.block().text("InsurerNumber");
        if (raw.isEmpty() || raw.get().isBlank()) {
            f.missing("InsurerNumber");
            return null;
        }
        try {
            return InquiryValidator.normalizedInsurerNumber(raw.get()).digits();
        } catch (InvalidNumberException e) {
            String shown = raw.get().strip();
            f.add(EpsResultCode.INVALID_INSURER_NUMBER, "InsurerNumber",
                    "指定値: " + (shown.length() > 20 ? shown.substring(0, 20) + "…" : shown));
            return null;
        }
    }

    private static List<Medication> medications(BodyFields parent, Optional<XmlNode> list) {
        List<XmlNode> items = list.map(l -> l.children("Medication")).orElse(List.of());
        if (items.isEmpty()) {
            parent.missing("MedicationList/Medication");
            return List.of();
        }
        if (items.size() > MAX_MEDICATIONS) {
            parent.invalid("MedicationList", MAX_MEDICATIONS + "件以内で指定してください（" + items.size() + "件）");
            return List.of();
        }
        List<Medication> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BodyFields f = parent.nested(items.get(i), parent.where("MedicationList/Medication[" + (i + 1) + "]"));
            String code = f.optional("DrugCode", 20);
            String name = f.required("DrugName", 200);
            String dose = f.required("Dose", 10);
            if (dose != null && !dose.matches("\\d{1,6}(\\.\\d{1,3})?")) {
                f.invalid("Dose", "数量を数字で指定してください（指定値: " + dose + "）");
                dose = null;
            }
            String unit = f.required("DoseUnit", 10);
            String usage = f.required("Usage", 200);
            Integer days = f.requiredNumber("Days", 1, 365);
            if (name != null && dose != null && unit != null && usage != null && days != null) {
                out.add(new Medication(code, name, dose, unit, usage, days));
            }
        }
        return out;
    }

    private static Reading problems(CheckResult problem) {
        return new Reading(null, List.of(problem));
    }
}
