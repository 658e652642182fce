package org.openoqs.server.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.message.Consent;
import org.openoqs.core.message.ElderlyRecipientCertificateInfo;
import org.openoqs.core.message.LimitApplicationCertificateRelatedInfo;
import org.openoqs.core.message.MedicalTicketDetails;
import org.openoqs.core.message.MedicalTicketInfo;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.message.SpecificDiseasesCertificateInfo;

/**
 * A qualification result laid out for the 資格情報確認 screen: every element of the result with its Japanese name
 * (the person's records first, then the search echo and the header), and every coded value as the code table's
 * label followed by the code. Absent elements are shown as 「－」 so that the screen always lists the whole record.
 */
public final class QualificationResultView {

    /** One line: the element's Japanese name and its value as shown. */
    public record Row(String label, String value) {
    }

    /** A titled group of rows (the header, one result record, a sub-block of it). */
    public record Section(String title, List<Row> rows) {
    }

    static final String ABSENT = "－";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");

    private final String validity;
    private final List<Section> sections;

    private QualificationResultView(String validity, List<Section> sections) {
        this.validity = validity;
        this.sections = sections;
    }

    /** For a completed result with a body (file-level errors are shown on the search form instead). */
    public static QualificationResultView of(QualificationInquiryResult result) {
        QualificationResultBody body = result.body();
        List<Section> sections = new ArrayList<>();
        int n = 0;
        for (ResultOfQualificationConfirmation r : body.results()) { // what the counter needs first
            n++;
            String suffix = body.results().size() > 1 ? "（" + n + "件目）" : "";
            sections.addAll(record(r, suffix));
        }
        int m = 0;
        for (org.openoqs.core.subsidy.MedicalSubsidyCertificate c : body.medicalSubsidies()) { // PMH, docs/pmh.md
            sections.add(subsidy(c, body.medicalSubsidies().size() > 1 ? "（" + ++m + "件目）" : ""));
        }
        if (body.searchInfoEcho() != null) {
            sections.add(searchEcho(body.searchInfoEcho()));
        }
        sections.add(header(result.header(), body));
        return new QualificationResultView(code(body.qualificationValidity()), sections);
    }

    /** 資格有効性 as label (code). */
    public String validity() {
        return validity;
    }

    public List<Section> sections() {
        return sections;
    }

    private static Section header(ResultHeader h, QualificationResultBody body) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("処理実行日時", dateTime(h.processExecutionTime())));
        rows.add(new Row("資格確認日", date(h.qualificationConfirmationDate())));
        rows.add(new Row("医療機関等コード", text(h.medicalInstitutionCode())));
        rows.add(new Row("任意のファイル識別子", text(h.arbitraryFileIdentifier())));
        rows.add(new Row("照会区分", code(h.referenceClassification())));
        rows.add(new Row("処理結果区分", code(h.segmentOfResult())));
        rows.add(new Row("文字コード識別", code(h.characterCodeIdentifier())));
        rows.add(new Row("処理結果状況", code(body.processingResultStatus())));
        rows.add(new Row("処理結果コード", text(body.processingResultCode())));
        rows.add(new Row("処理結果メッセージ", text(body.processingResultMessage())));
        rows.add(new Row("資格有効性", code(body.qualificationValidity())));
        rows.add(new Row("処方箋発行形態", code(body.prescriptionIssueSelect())));
        return new Section("照会結果", rows);
    }

    /** 医療費助成 受給者証 (shown only when the result carries one: absent data has no section and no reason). */
    private static Section subsidy(org.openoqs.core.subsidy.MedicalSubsidyCertificate c, String suffix) {
        return new Section("医療費助成 受給者証情報" + suffix, List.of(
                new Row("受給者証名", text(c.certificationName())),
                new Row("公費負担者番号", text(c.insurerNumber())),
                new Row("受給者番号", text(c.recipientNumber())),
                new Row("区分", text(c.segment())),
                new Row("所得区分", text(c.incomeSegment())),
                new Row("自己負担上限額", c.maxCopaymentAmount() == null ? text(null)
                        : String.format("%,d円（月額）", c.maxCopaymentAmount())),
                new Row("常に償還払い", c.alwaysReimbursement() ? "該当（1）" : "非該当（0）"),
                new Row("有効期間", date(c.validFrom()) + " 〜 " + (c.validTo() == null ? "" : date(c.validTo()))),
                new Row("指定医療機関", c.designatedInstitutions().isEmpty() ? text(null)
                        : String.join("、", c.designatedInstitutions()))));
    }

    private static Section searchEcho(QualificationConfirmSearchInfo s) {
        return new Section("照会条件", List.of(
                new Row("保険者番号", text(s.insurerNumber() == null ? null : s.insurerNumber().strip())),
                new Row("被保険者証記号", text(s.insuredCardSymbol())),
                new Row("被保険者証番号", text(s.insuredIdentificationNumber())),
                new Row("被保険者証枝番", text(s.insuredBranchNumber())),
                new Row("生年月日", text(s.birthdate())),
                new Row("限度額適用認定証関連情報提供同意", text(s.limitApplicationCertificateRelatedConsFlg())),
                new Row("任意の識別子", text(s.arbitraryIdentifier()))));
    }

    private static List<Section> record(ResultOfQualificationConfirmation r, String suffix) {
        List<Section> out = new ArrayList<>();
        out.add(new Section("資格情報" + suffix, List.of(
                new Row("被保険者証区分", code(r.insuredCardClassification())),
                new Row("保険者番号", text(r.insurerNumber() == null ? null : r.insurerNumber().strip())),
                new Row("保険者名称", text(r.insurerName())),
                new Row("被保険者証記号", text(r.insuredCardSymbol())),
                new Row("被保険者証番号", text(r.insuredIdentificationNumber())),
                new Row("被保険者証枝番", text(r.insuredBranchNumber())),
                new Row("本人・家族の別", code(r.personalFamilyClassification())),
                new Row("被保険者氏名（世帯主氏名）", text(r.insuredName())),
                new Row("氏名", text(r.name())),
                new Row("氏名（その他）", text(r.nameOfOther())),
                new Row("氏名カナ", text(r.nameKana())),
                new Row("氏名（その他）カナ", text(r.nameOfOtherKana())),
                new Row("性別1", code(r.sex1())),
                new Row("性別2", code(r.sex2())),
                new Row("生年月日", date(r.birthdate())),
                new Row("住所", text(r.address())),
                new Row("郵便番号", text(r.postNumber())),
                new Row("資格取得年月日", date(r.qualificationDate())),
                new Row("資格喪失年月日", date(r.disqualificationDate())),
                new Row("資格喪失事由", code(r.reasonOfLoss())),
                new Row("被保険者証交付年月日", date(r.insuredCertificateIssuanceDate())),
                new Row("被保険者証有効開始年月日", date(r.insuredCardValidDate())),
                new Row("被保険者証有効終了年月日", date(r.insuredCardExpirationDate())),
                new Row("一部負担金割合", ratio(r.insuredPartialContributionRatio())),
                new Row("未就学区分", code(r.preschoolClassification())),
                new Row("任意の識別子", text(r.arbitraryIdentifier())),
                new Row("照会番号", text(r.referenceNumber())))));
        out.add(elderly(r.elderlyRecipientCertificateInfo(), suffix));
        out.add(limit(r, suffix));
        out.add(specificDiseases(r, suffix));
        int n = 0;
        for (MedicalTicketInfo t : r.medicalTickets()) { // 医療扶助 only; absent for every other record
            out.add(ticket(t, suffix + (r.medicalTickets().size() > 1 ? "（" + ++n + "枚目）" : "")));
        }
        out.add(new Section("閲覧同意" + suffix, consentRows(r)));
        return out;
    }

    /**
     * One 医療券・調剤券 ({@code PublicExpenseResultList/MedicalTicketInfo}) with every field the welfare office wrote;
     * a ticket for another facility says 不一致 and, as in the result file, does not name that facility.
     */
    private static Section ticket(MedicalTicketInfo t, String suffix) {
        MedicalTicketDetails d = t.details();
        String kind = t.ticketType() == null ? "医療券・調剤券" : t.ticketType().label();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("券種別", code(t.ticketType())));
        rows.add(new Row("交付番号", text(t.issueNumber())));
        rows.add(new Row("診療年月", t.medicalTreatmentMonth() == null ? ABSENT
                : t.medicalTreatmentMonth().format(MONTH)));
        rows.add(new Row("有効期間", date(t.medicalTicketValidDate()) + " 〜 " + date(t.medicalTicketExpirationDate())));
        rows.add(new Row("指定医療機関", code(t.designatedMedicalInstitutionFlag())));
        rows.add(new Row("指定医療機関コード", text(t.designatedMedicalInstitutionCode())));
        rows.add(new Row("指定医療機関名", text(d.designatedMedicalInstitutionName())));
        rows.add(new Row("処方箋発行医療機関", text(joined(d.prescriptionIssuerMedicalInstitutionCode(),
                d.prescriptionIssuerMedicalInstitutionName()))));
        rows.add(new Row("傷病名", d.injuryNames().isEmpty() ? ABSENT : String.join("、", d.injuryNames())));
        rows.add(new Row("診療別", code(d.medicalTreatmentType())));
        rows.add(new Row("本人支払額", d.selfPayAmount() == null || d.selfPayAmount().isBlank() ? ABSENT
                : d.selfPayAmount().strip() + "円"));
        rows.add(new Row("単独・併用別", code(d.singleOrCombinedUse())));
        rows.add(new Row("社会保険の有無", code(d.statusOfSocialInsurance())));
        rows.add(new Row("不整合", code(d.consistencyFlag())));
        rows.add(new Row("感染症法37条の2", code(d.statusOfInfection())));
        rows.add(new Row("後期高齢者医療", code(d.statusOfElderlyMedicalCare())));
        rows.add(new Row("県費", code(d.statusOfPrefecturalExpenses())));
        rows.add(new Row("地区担当員名", text(d.districtContactName())));
        rows.add(new Row("取扱担当者名", text(d.handlingContactName())));
        rows.add(new Row("備考", d.remarks().isEmpty() ? ABSENT : String.join("／", d.remarks())));
        return new Section("医療扶助 " + kind + "情報" + suffix, rows);
    }

    private static String joined(String code, String name) {
        String c = code == null ? "" : code.strip();
        String n = name == null ? "" : name.strip();
        return (c + " " + n).strip();
    }

    private static Section elderly(ElderlyRecipientCertificateInfo e, String suffix) {
        return new Section("高齢受給者証情報" + suffix, List.of(
                new Row("高齢受給者証交付年月日", e == null ? ABSENT : date(e.certificateDate())),
                new Row("高齢受給者証有効開始年月日", e == null ? ABSENT : date(e.validStartDate())),
                new Row("高齢受給者証有効終了年月日", e == null ? ABSENT : date(e.validEndDate())),
                new Row("高齢受給者証一部負担金割合", e == null ? ABSENT : ratio(e.contributionRatio()))));
    }

    private static Section limit(ResultOfQualificationConfirmation r, String suffix) {
        LimitApplicationCertificateRelatedInfo l = r.limitApplicationCertificateRelatedInfo();
        return new Section("限度額適用認定証関連情報" + suffix, List.of(
                new Row("限度額適用認定証関連情報提供同意", code(r.limitApplicationCertificateRelatedConsFlg())),
                new Row("限度額適用認定証関連情報提供同意日時", dateTime(r.limitApplicationCertificateRelatedConsTime())),
                new Row("限度額適用認定証区分", l == null ? ABSENT : code(l.classification())),
                new Row("限度額適用認定証適用区分", l == null ? ABSENT : code(l.classificationFlag())),
                new Row("限度額適用認定証交付年月日", l == null ? ABSENT : date(l.certificateDate())),
                new Row("限度額適用認定証有効開始年月日", l == null ? ABSENT : date(l.validStartDate())),
                new Row("限度額適用認定証有効終了年月日", l == null ? ABSENT : date(l.validEndDate())),
                new Row("長期入院該当年月日", l == null ? ABSENT : date(l.longTermDate())),
                new Row("限度額情報変更有無", code(r.limitApplicationCertificateChanged()))));
    }

    private static Section specificDiseases(ResultOfQualificationConfirmation r, String suffix) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("特定疾病療養受療証情報提供同意", code(r.specificDiseasesCertificateRelatedConsFlg())));
        rows.add(new Row("特定疾病療養受療証情報提供同意日時", dateTime(r.specificDiseasesCertificateRelatedConsTime())));
        if (r.specificDiseasesCertificates().isEmpty()) {
            rows.add(new Row("特定疾病療養受療証", ABSENT));
        }
        int n = 0;
        for (SpecificDiseasesCertificateInfo d : r.specificDiseasesCertificates()) {
            String no = "（" + (++n) + "）";
            rows.add(new Row("認定疾病区分" + no, code(d.diseaseCategory())));
            rows.add(new Row("交付年月日" + no, date(d.certificateDate())));
            rows.add(new Row("有効開始年月日" + no, date(d.validStartDate())));
            rows.add(new Row("有効終了年月日" + no, date(d.validEndDate())));
            rows.add(new Row("自己負担限度額" + no, d.selfPay() == null ? ABSENT : d.selfPay() + "円"));
        }
        return new Section("特定疾病療養受療証情報" + suffix, rows);
    }

    /** The 電子カルテ情報共有サービス items in the order of {@code ClinsConsents.PREFIXES}. */
    private static final List<String> CLINS_ITEMS = List.of("電子カルテ情報（傷病名）", "電子カルテ情報（感染症）",
            "電子カルテ情報（その他アレルギー等）", "電子カルテ情報（薬剤アレルギー等）", "電子カルテ情報（検査）",
            "電子カルテ情報（処方）");

    private static List<Row> consentRows(ResultOfQualificationConfirmation r) {
        List<Row> rows = new ArrayList<>();
        consent(rows, "特定健診情報", r.specificHealthCheckupsInfo());
        consent(rows, "薬剤情報", r.pharmacistsInfo());
        consent(rows, "診療情報", r.diagnosisInfo());
        consent(rows, "手術情報", r.operationInfo());
        if (r.clinsConsents() != null) { // only for facilities using 電子カルテ情報共有サービス
            List<Consent> clins = r.clinsConsents().inFileOrder();
            for (int i = 0; i < clins.size(); i++) {
                consent(rows, CLINS_ITEMS.get(i), clins.get(i));
            }
        }
        return rows;
    }

    private static void consent(List<Row> rows, String what, Consent c) {
        rows.add(new Row(what + "閲覧同意", c == null ? ABSENT : code(c.flag())));
        rows.add(new Row(what + "閲覧同意日時", c == null ? ABSENT : dateTime(c.consentTime())));
        rows.add(new Row(what + "閲覧有効期限", c == null ? ABSENT : dateTime(c.availableTime())));
    }

    static String code(CodeTable value) {
        return value == null ? ABSENT : value.label() + "（" + value.code() + "）";
    }

    static String text(String value) {
        return value == null || value.isBlank() ? ABSENT : value;
    }

    static String date(LocalDate value) {
        return value == null ? ABSENT : value.format(DATE);
    }

    static String dateTime(LocalDateTime value) {
        return value == null ? ABSENT : value.format(DATE_TIME);
    }

    /** {@code 030} → 3割（030）. */
    static String ratio(String value) {
        if (value == null || value.isBlank()) {
            return ABSENT;
        }
        String v = value.strip();
        if (v.length() == 3 && v.chars().allMatch(Character::isDigit)) {
            int tenths = Integer.parseInt(v) / 10;
            return tenths + "割（" + v + "）";
        }
        return v;
    }
}
