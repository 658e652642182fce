package org.openoqs.core.codec;

import static org.openoqs.core.codec.MessageFields.code;
import static org.openoqs.core.codec.MessageFields.date;
import static org.openoqs.core.codec.MessageFields.dateTime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.LimitApplicationCertificateChanged;
import org.openoqs.core.code.LimitApplicationCertificateClassification;
import org.openoqs.core.code.LimitApplicationCertificateClassificationFlag;
import org.openoqs.core.code.LimitApplicationConsent;
import org.openoqs.core.code.PersonalFamilyClassification;
import org.openoqs.core.code.PreschoolClassification;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.ReasonOfLoss;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.code.Sex;
import org.openoqs.core.code.SpecificDiseasesDiseaseCategory;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.ClinsConsents;
import org.openoqs.core.message.Consent;
import org.openoqs.core.message.ElderlyRecipientCertificateInfo;
import org.openoqs.core.message.LimitApplicationCertificateRelatedInfo;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.message.SpecificDiseasesCertificateInfo;
import org.openoqs.core.xml.WrittenDocument;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;

/**
 * Maps the 資格確認 個別照会 messages ({@code OQSsiquc01req_} / {@code OQSsiquc01res_}, and the face folder's
 * {@code OQSsiquc01res_face_}) between {@link XmlNode} trees and the records of {@code org.openoqs.core.message}.
 *
 * <p>Writing follows the element order of INTERFACE.md §3.2 / §4.1 / §4.2 and skips {@code null} values.
 * Reading is order-independent and tolerant: unknown elements are ignored, {@code PrescriptionIssueSelect} is
 * accepted in {@code MessageBody} or inside a {@code ResultOfQualificationConfirmation}, a missing
 * {@code ResultList} wrapper or {@code SpecificDiseasesCertificateList} wrapper is tolerated.
 *
 * <p>Requests are read as raw strings (validation is {@code InquiryValidator}'s job; the search block is echoed
 * verbatim). Results are typed: codes go through {@link CodeTable#find}, dates are {@code yyyyMMdd}, times
 * {@code yyyyMMddHHmmss}; an unknown code or impossible date throws {@link MessageFormatException} with
 * {@link ErrorCode#CENTRAL_SERVICE_INVALID_RESPONSE}. Empty code or date elements read as absent.
 * {@code InsurerNumber} stays in file form (8 characters, 国保 space-padded).
 */
public final class QualificationMessages {

    public static final String ROOT = "XmlMsg";
    public static final String HEADER = "MessageHeader";
    public static final String BODY = "MessageBody";
    public static final String SEARCH_INFO = "QualificationConfirmSearchInfo";
    public static final String RESULT_LIST = "ResultList";
    public static final String RESULT = "ResultOfQualificationConfirmation";

    public static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private static final ErrorCode BAD_RESULT = ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE;
    private static final String[] CONSENT_PREFIXES = {
        "SpecificHealthCheckupsInfo", "PharmacistsInfo", "DiagnosisInfo", "OperationInfo"};

    private static final XmlDocumentReader DEFAULT_READER = new XmlDocumentReader();
    private static final XmlDocumentWriter WRITER = new XmlDocumentWriter();

    private QualificationMessages() {
    }

    // =====================================================================================================
    // Requests
    // =====================================================================================================

    public static XmlNode requestToXml(QualificationInquiryRequest request) {
        RequestHeader h = request.header();
        XmlNode.Builder header = XmlNode.builder(HEADER);
        if (h != null) {
            header.leaf("QualificationConfirmationDate", h.qualificationConfirmationDate())
                    .leaf("MedicalInstitutionCode", h.medicalInstitutionCode())
                    .leaf("ArbitraryFileIdentifier", h.arbitraryFileIdentifier());
        }
        XmlNode.Builder body = XmlNode.builder(BODY).child(searchInfoToXml(request.searchInfo()));
        return XmlNode.builder(ROOT).child(header.build()).child(body.build()).build();
    }

    /** The {@code QualificationConfirmSearchInfo} element, or {@code null} for a {@code null} block. */
    public static XmlNode searchInfoToXml(QualificationConfirmSearchInfo s) {
        if (s == null) {
            return null;
        }
        return XmlNode.builder(SEARCH_INFO)
                .leaf("InsurerNumber", s.insurerNumber())
                .leaf("InsuredCardSymbol", s.insuredCardSymbol())
                .leaf("InsuredIdentificationNumber", s.insuredIdentificationNumber())
                .leaf("InsuredBranchNumber", s.insuredBranchNumber())
                .leaf("Birthdate", s.birthdate())
                .leaf("LimitApplicationCertificateRelatedConsFlg", s.limitApplicationCertificateRelatedConsFlg())
                .leaf("ArbitraryIdentifier", s.arbitraryIdentifier())
                .build();
    }

    /**
     * Reads a request tree. Structural problems throw {@link MessageFormatException} with
     * {@link ErrorCode#WRONG_ROOT}, {@link ErrorCode#MISSING_MESSAGE_HEADER} or {@link ErrorCode#MISSING_MESSAGE_BODY};
     * a missing search block gives {@code searchInfo == null} (a person-level error for the validator).
     */
    public static QualificationInquiryRequest readRequest(XmlNode root) {
        checkEnvelope(root, null);
        XmlNode header = root.child(HEADER).orElseThrow();
        XmlNode body = root.child(BODY).orElseThrow();
        RequestHeader h = new RequestHeader(
                header.text("QualificationConfirmationDate").orElse(null),
                header.text("MedicalInstitutionCode").orElse(null),
                header.text("ArbitraryFileIdentifier").orElse(null));
        return new QualificationInquiryRequest(h, body.child(SEARCH_INFO).map(QualificationMessages::readSearchInfo).orElse(null));
    }

    /** Reads a {@code QualificationConfirmSearchInfo} element; values are raw (absent → {@code null}). */
    public static QualificationConfirmSearchInfo readSearchInfo(XmlNode s) {
        return new QualificationConfirmSearchInfo(
                s.text("InsurerNumber").orElse(null),
                s.text("InsuredCardSymbol").orElse(null),
                s.text("InsuredIdentificationNumber").orElse(null),
                s.text("InsuredBranchNumber").orElse(null),
                s.text("Birthdate").orElse(null),
                s.text("LimitApplicationCertificateRelatedConsFlg").orElse(null),
                s.text("ArbitraryIdentifier").orElse(null));
    }

    /**
     * Whatever header values a (possibly broken) request tree has, for the header of its error result: the first
     * {@code QualificationConfirmationDate}, {@code MedicalInstitutionCode}, {@code ArbitraryFileIdentifier}
     * found anywhere (the {@code MessageHeader} first). Never throws; {@code null} root gives all-null values.
     */
    public static RequestHeader readRequestHeaderLeniently(XmlNode root) {
        if (root == null) {
            return new RequestHeader(null, null, null);
        }
        XmlNode header = root.name().equals(HEADER) ? root : root.child(HEADER).orElse(null);
        return new RequestHeader(
                lenientText(header, root, "QualificationConfirmationDate"),
                lenientText(header, root, "MedicalInstitutionCode"),
                lenientText(header, root, "ArbitraryFileIdentifier"));
    }

    /**
     * Header values scraped from raw bytes that may not even be XML (truncated, DOCTYPE, wrong encoding): looks for
     * {@code <Name>value</Name>} in the first 64 KiB, without parsing and without expanding anything. Never throws.
     */
    public static RequestHeader readRequestHeaderLeniently(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new RequestHeader(null, null, null);
        }
        int length = Math.min(bytes.length, 64 * 1024);
        String head = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        Charset charset = head.matches("(?s)^(\\xEF\\xBB\\xBF)?<\\?xml[^>]*encoding\\s*=\\s*[\"'](?i:shift_jis|shift-jis|sjis|x-sjis|ms932|windows-31j|cp932)[\"'].*")
                ? CharacterCode.SHIFT_JIS.charset() : StandardCharsets.UTF_8;
        String text = new String(bytes, 0, length, charset); // malformed bytes become U+FFFD here, on purpose
        return new RequestHeader(
                scrape(text, "QualificationConfirmationDate"),
                scrape(text, "MedicalInstitutionCode"),
                scrape(text, "ArbitraryFileIdentifier"));
    }

    private static String lenientText(XmlNode header, XmlNode root, String name) {
        if (header != null) {
            Optional<String> t = header.text(name);
            if (t.isPresent()) {
                return t.get();
            }
        }
        XmlNode found = findFirst(root, name, 0);
        return found == null ? null : found.text();
    }

    private static XmlNode findFirst(XmlNode node, String name, int depth) {
        if (node.name().equals(name)) {
            return node;
        }
        if (depth > 64) {
            return null;
        }
        for (XmlNode c : node.children()) {
            XmlNode f = findFirst(c, name, depth + 1);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static String scrape(String text, String name) {
        Matcher m = Pattern.compile("<" + name + "\\s*>([^<]{0,200})</" + name + "\\s*>").matcher(text);
        if (!m.find()) {
            return null;
        }
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }

    // =====================================================================================================
    // Results
    // =====================================================================================================

    public static XmlNode resultToXml(QualificationInquiryResult result) {
        ResultHeader h = result.header();
        XmlNode.Builder header = XmlNode.builder(HEADER)
                .leaf("ProcessExecutionTime", dateTime(h.processExecutionTime()))
                .leaf("QualificationConfirmationDate", date(h.qualificationConfirmationDate()))
                .leaf("MedicalInstitutionCode", h.medicalInstitutionCode())
                .leaf("ArbitraryFileIdentifier", h.arbitraryFileIdentifier())
                .leaf("ReferenceClassification", code(h.referenceClassification()))
                .leaf("SegmentOfResult", code(h.segmentOfResult()))
                .leaf("ErrorCode", h.errorCode())
                .leaf("ErrorMessage", h.errorMessage())
                .leaf("CharacterCodeIdentifier", code(h.characterCodeIdentifier()));
        XmlNode.Builder body = XmlNode.builder(BODY);
        QualificationResultBody b = result.body();
        if (b != null) {
            body.child(searchInfoToXml(b.searchInfoEcho()))
                    .leaf("ProcessingResultStatus", code(b.processingResultStatus()))
                    .leaf("ProcessingResultCode", b.processingResultCode())
                    .leaf("ProcessingResultMessage", b.processingResultMessage())
                    .leaf("QualificationValidity", code(b.qualificationValidity()))
                    .leaf("PrescriptionIssueSelect", code(b.prescriptionIssueSelect()));
            if (!b.results().isEmpty()) {
                XmlNode.Builder list = XmlNode.builder(RESULT_LIST);
                for (ResultOfQualificationConfirmation r : b.results()) {
                    list.child(recordToXml(r));
                }
                body.child(list.build());
            }
            if (!b.medicalSubsidies().isEmpty()) {
                body.child(org.openoqs.core.codec.MedicalSubsidyXml.toXml(b.medicalSubsidies()));
            }
        }
        return XmlNode.builder(ROOT).child(header.build()).child(body.build()).build();
    }

    /** One {@code ResultOfQualificationConfirmation} element, in INTERFACE.md §4.2 order. */
    public static XmlNode recordToXml(ResultOfQualificationConfirmation r) {
        XmlNode.Builder x = XmlNode.builder(RESULT)
                .leaf("InsuredCardClassification", code(r.insuredCardClassification()))
                .leaf("InsurerNumber", r.insurerNumber())
                .leaf("InsuredCardSymbol", r.insuredCardSymbol())
                .leaf("InsuredIdentificationNumber", r.insuredIdentificationNumber())
                .leaf("InsuredBranchNumber", r.insuredBranchNumber())
                .leaf("PersonalFamilyClassification", code(r.personalFamilyClassification()))
                .leaf("InsuredName", r.insuredName())
                .leaf("Name", r.name())
                .leaf("NameOfOther", r.nameOfOther())
                .leaf("NameKana", r.nameKana())
                .leaf("NameOfOtherKana", r.nameOfOtherKana())
                .leaf("Sex1", code(r.sex1()))
                .leaf("Sex2", code(r.sex2()))
                .leaf("Birthdate", date(r.birthdate()))
                .leaf("Address", r.address())
                .leaf("PostNumber", r.postNumber())
                .leaf("QualificationDate", date(r.qualificationDate()))
                .leaf("DisqualificationDate", date(r.disqualificationDate()))
                .leaf("InsuredCertificateIssuanceDate", date(r.insuredCertificateIssuanceDate()))
                .leaf("InsuredCardValidDate", date(r.insuredCardValidDate()))
                .leaf("InsuredCardExpirationDate", date(r.insuredCardExpirationDate()))
                .leaf("InsuredPartialContributionRatio", r.insuredPartialContributionRatio())
                .leaf("PreschoolClassification", code(r.preschoolClassification()))
                .leaf("ReasonOfLoss", code(r.reasonOfLoss()))
                .leaf("InsurerName", r.insurerName());
        ElderlyRecipientCertificateInfo e = r.elderlyRecipientCertificateInfo();
        if (e != null) {
            x.child(XmlNode.builder("ElderlyRecipientCertificateInfo")
                    .leaf("ElderlyRecipientCertificateDate", date(e.certificateDate()))
                    .leaf("ElderlyRecipientValidStartDate", date(e.validStartDate()))
                    .leaf("ElderlyRecipientValidEndDate", date(e.validEndDate()))
                    .leaf("ElderlyRecipientContributionRatio", e.contributionRatio())
                    .build());
        }
        x.leaf("LimitApplicationCertificateRelatedConsFlg", code(r.limitApplicationCertificateRelatedConsFlg()))
                .leaf("LimitApplicationCertificateRelatedConsTime", dateTime(r.limitApplicationCertificateRelatedConsTime()));
        LimitApplicationCertificateRelatedInfo l = r.limitApplicationCertificateRelatedInfo();
        if (l != null) {
            x.child(XmlNode.builder("LimitApplicationCertificateRelatedInfo")
                    .leaf("LimitApplicationCertificateClassification", code(l.classification()))
                    .leaf("LimitApplicationCertificateClassificationFlag", code(l.classificationFlag()))
                    .leaf("LimitApplicationCertificateDate", date(l.certificateDate()))
                    .leaf("LimitApplicationCertificateValidStartDate", date(l.validStartDate()))
                    .leaf("LimitApplicationCertificateValidEndDate", date(l.validEndDate()))
                    .leaf("LimitApplicationCertificateLongTermDate", date(l.longTermDate()))
                    .build());
        }
        x.leaf("LimitApplicationCertificateChanged", code(r.limitApplicationCertificateChanged()))
                .leaf("SpecificDiseasesCertificateRelatedConsFlg", code(r.specificDiseasesCertificateRelatedConsFlg()))
                .leaf("SpecificDiseasesCertificateRelatedConsTime", dateTime(r.specificDiseasesCertificateRelatedConsTime()));
        if (!r.specificDiseasesCertificates().isEmpty()) {
            XmlNode.Builder list = XmlNode.builder("SpecificDiseasesCertificateList");
            for (SpecificDiseasesCertificateInfo s : r.specificDiseasesCertificates()) {
                list.child(XmlNode.builder("SpecificDiseasesCertificateInfo")
                        .leaf("SpecificDiseasesDiseaseCategory", code(s.diseaseCategory()))
                        .leaf("SpecificDiseasesCertificateDate", date(s.certificateDate()))
                        .leaf("SpecificDiseasesValidStartDate", date(s.validStartDate()))
                        .leaf("SpecificDiseasesValidEndDate", date(s.validEndDate()))
                        .leaf("SpecificDiseasesSelfPay", s.selfPay())
                        .build());
            }
            x.child(list.build());
        }
        x.child(MedicalTicketXml.listToXml(r.medicalTickets())); // 医療扶助 only, after 特定疾病 (INTERFACE.md §4.2 order)
        Consent[] consents = {r.specificHealthCheckupsInfo(), r.pharmacistsInfo(), r.diagnosisInfo(), r.operationInfo()};
        for (int i = 0; i < consents.length; i++) {
            consentLeaves(x, CONSENT_PREFIXES[i], consents[i]);
        }
        if (r.clinsConsents() != null) { // the 2025 電子カルテ情報共有サービス triplets, after 手術情報 (docs/xml-codec.md)
            List<Consent> clins = r.clinsConsents().inFileOrder();
            for (int i = 0; i < clins.size(); i++) {
                consentLeaves(x, ClinsConsents.PREFIXES.get(i), clins.get(i));
            }
        }
        return x.leaf("ArbitraryIdentifier", r.arbitraryIdentifier())
                .leaf("ReferenceNumber", r.referenceNumber())
                .build();
    }

    private static void consentLeaves(XmlNode.Builder x, String prefix, Consent c) {
        if (c != null) {
            x.leaf(prefix + "ConsFlg", code(c.flag()))
                    .leaf(prefix + "ConsTime", dateTime(c.consentTime()))
                    .leaf(prefix + "AvailableTime", dateTime(c.availableTime()));
        }
    }

    /**
     * Reads a result tree. Every failure (wrong root, no header or {@code SegmentOfResult}, unknown code, impossible
     * date) is a {@link MessageFormatException} with {@link ErrorCode#CENTRAL_SERVICE_INVALID_RESPONSE}.
     * An absent or empty {@code MessageBody} gives {@code body == null}.
     */
    public static QualificationInquiryResult readResult(XmlNode root) {
        checkEnvelope(root, BAD_RESULT);
        XmlNode h = root.child(HEADER).orElseThrow();
        SegmentOfResult segment = code(h, "SegmentOfResult", SegmentOfResult.class);
        if (segment == null) {
            throw new MessageFormatException(BAD_RESULT, "SegmentOfResult", "SegmentOfResult がありません");
        }
        ResultHeader header = new ResultHeader(
                dateTime(h, "ProcessExecutionTime"),
                date(h, "QualificationConfirmationDate"),
                h.text("MedicalInstitutionCode").orElse(null),
                h.text("ArbitraryFileIdentifier").orElse(null),
                code(h, "ReferenceClassification", ReferenceClassification.class),
                segment,
                h.text("ErrorCode").orElse(null),
                h.text("ErrorMessage").orElse(null),
                code(h, "CharacterCodeIdentifier", CharacterCode.class));
        XmlNode b = root.child(BODY).orElse(null);
        if (b == null || b.children().isEmpty()) {
            return new QualificationInquiryResult(header, null);
        }
        List<XmlNode> recordNodes = new ArrayList<>();
        for (XmlNode list : b.children(RESULT_LIST)) {
            recordNodes.addAll(list.children(RESULT));
        }
        recordNodes.addAll(b.children(RESULT)); // tolerated: no ResultList wrapper
        List<ResultOfQualificationConfirmation> records = new ArrayList<>();
        PrescriptionIssueSelect prescription = code(b, "PrescriptionIssueSelect", PrescriptionIssueSelect.class);
        for (XmlNode r : recordNodes) {
            records.add(readRecord(r));
            if (prescription == null) {
                prescription = code(r, "PrescriptionIssueSelect", PrescriptionIssueSelect.class);
            }
        }
        QualificationResultBody body = new QualificationResultBody(
                b.child(SEARCH_INFO).map(QualificationMessages::readSearchInfo).orElse(null),
                code(b, "ProcessingResultStatus", ProcessingResultStatus.class),
                b.text("ProcessingResultCode").orElse(null),
                b.text("ProcessingResultMessage").orElse(null),
                code(b, "QualificationValidity", QualificationValidity.class),
                prescription,
                records,
                org.openoqs.core.codec.MedicalSubsidyXml.read(b));
        return new QualificationInquiryResult(header, body);
    }

    /** Reads one {@code ResultOfQualificationConfirmation} element. */
    public static ResultOfQualificationConfirmation readRecord(XmlNode r) {
        ResultOfQualificationConfirmation.Builder x = ResultOfQualificationConfirmation.builder()
                .insuredCardClassification(code(r, "InsuredCardClassification", InsuredCardClassification.class))
                .insurerNumber(r.text("InsurerNumber").orElse(null))
                .insuredCardSymbol(r.text("InsuredCardSymbol").orElse(null))
                .insuredIdentificationNumber(r.text("InsuredIdentificationNumber").orElse(null))
                .insuredBranchNumber(r.text("InsuredBranchNumber").orElse(null))
                .personalFamilyClassification(code(r, "PersonalFamilyClassification", PersonalFamilyClassification.class))
                .insuredName(r.text("InsuredName").orElse(null))
                .name(r.text("Name").orElse(null))
                .nameOfOther(r.text("NameOfOther").orElse(null))
                .nameKana(r.text("NameKana").orElse(null))
                .nameOfOtherKana(r.text("NameOfOtherKana").orElse(null))
                .sex1(code(r, "Sex1", Sex.class))
                .sex2(code(r, "Sex2", Sex.class))
                .birthdate(date(r, "Birthdate"))
                .address(r.text("Address").orElse(null))
                .postNumber(r.text("PostNumber").orElse(null))
                .qualificationDate(date(r, "QualificationDate"))
                .disqualificationDate(date(r, "DisqualificationDate"))
                .insuredCertificateIssuanceDate(date(r, "InsuredCertificateIssuanceDate"))
                .insuredCardValidDate(date(r, "InsuredCardValidDate"))
                .insuredCardExpirationDate(date(r, "InsuredCardExpirationDate"))
                .insuredPartialContributionRatio(r.text("InsuredPartialContributionRatio").orElse(null))
                .preschoolClassification(code(r, "PreschoolClassification", PreschoolClassification.class))
                .reasonOfLoss(code(r, "ReasonOfLoss", ReasonOfLoss.class))
                .insurerName(r.text("InsurerName").orElse(null))
                .limitApplicationCertificateRelatedConsFlg(
                        code(r, "LimitApplicationCertificateRelatedConsFlg", LimitApplicationConsent.class))
                .limitApplicationCertificateRelatedConsTime(dateTime(r, "LimitApplicationCertificateRelatedConsTime"))
                .limitApplicationCertificateChanged(
                        code(r, "LimitApplicationCertificateChanged", LimitApplicationCertificateChanged.class))
                .specificDiseasesCertificateRelatedConsFlg(
                        code(r, "SpecificDiseasesCertificateRelatedConsFlg", ConsentStatus.class))
                .specificDiseasesCertificateRelatedConsTime(dateTime(r, "SpecificDiseasesCertificateRelatedConsTime"))
                .specificHealthCheckupsInfo(consent(r, CONSENT_PREFIXES[0]))
                .pharmacistsInfo(consent(r, CONSENT_PREFIXES[1]))
                .diagnosisInfo(consent(r, CONSENT_PREFIXES[2]))
                .operationInfo(consent(r, CONSENT_PREFIXES[3]))
                .clinsConsents(ClinsConsents.ofFileOrder(
                        ClinsConsents.PREFIXES.stream().map(prefix -> consent(r, prefix)).toList()))
                .arbitraryIdentifier(r.text("ArbitraryIdentifier").orElse(null))
                .referenceNumber(r.text("ReferenceNumber").orElse(null));
        r.child("ElderlyRecipientCertificateInfo").ifPresent(e -> x.elderlyRecipientCertificateInfo(
                new ElderlyRecipientCertificateInfo(
                        date(e, "ElderlyRecipientCertificateDate"),
                        date(e, "ElderlyRecipientValidStartDate"),
                        date(e, "ElderlyRecipientValidEndDate"),
                        e.text("ElderlyRecipientContributionRatio").orElse(null))));
        r.child("LimitApplicationCertificateRelatedInfo").ifPresent(l -> x.limitApplicationCertificateRelatedInfo(
                new LimitApplicationCertificateRelatedInfo(
                        code(l, "LimitApplicationCertificateClassification", LimitApplicationCertificateClassification.class),
                        code(l, "LimitApplicationCertificateClassificationFlag",
                                LimitApplicationCertificateClassificationFlag.class),
                        date(l, "LimitApplicationCertificateDate"),
                        date(l, "LimitApplicationCertificateValidStartDate"),
                        date(l, "LimitApplicationCertificateValidEndDate"),
                        date(l, "LimitApplicationCertificateLongTermDate"))));
        List<XmlNode> diseaseNodes = new ArrayList<>();
        for (XmlNode list : r.children("SpecificDiseasesCertificateList")) {
            diseaseNodes.addAll(list.children("SpecificDiseasesCertificateInfo"));
        }
        diseaseNodes.addAll(r.children("SpecificDiseasesCertificateInfo")); // tolerated: no list wrapper
        List<SpecificDiseasesCertificateInfo> diseases = new ArrayList<>();
        for (XmlNode s : diseaseNodes) {
            diseases.add(new SpecificDiseasesCertificateInfo(
                    code(s, "SpecificDiseasesDiseaseCategory", SpecificDiseasesDiseaseCategory.class),
                    date(s, "SpecificDiseasesCertificateDate"),
                    date(s, "SpecificDiseasesValidStartDate"),
                    date(s, "SpecificDiseasesValidEndDate"),
                    s.text("SpecificDiseasesSelfPay").orElse(null)));
        }
        return x.specificDiseasesCertificates(diseases).medicalTickets(MedicalTicketXml.read(r)).build();
    }

    private static Consent consent(XmlNode r, String prefix) {
        ConsentStatus flag = code(r, prefix + "ConsFlg", ConsentStatus.class);
        LocalDateTime time = dateTime(r, prefix + "ConsTime");
        LocalDateTime available = dateTime(r, prefix + "AvailableTime");
        return flag == null && time == null && available == null ? null : new Consent(flag, time, available);
    }

    // =====================================================================================================
    // Bytes convenience
    // =====================================================================================================

    /** Parses request bytes with the default reader; throws {@code XmlRejectedException} or {@link MessageFormatException}. */
    public static QualificationInquiryRequest parseRequest(byte[] bytes) {
        return readRequest(DEFAULT_READER.read(bytes));
    }

    public static QualificationInquiryResult parseResult(byte[] bytes) {
        return readResult(DEFAULT_READER.read(bytes));
    }

    public static WrittenDocument writeRequest(QualificationInquiryRequest request, CharacterCode code) {
        return WRITER.write(requestToXml(request), code);
    }

    /** Writes a result in the given encoding; the header's {@code CharacterCodeIdentifier} is set to match. */
    public static WrittenDocument writeResult(QualificationInquiryResult result, CharacterCode code) {
        QualificationInquiryResult consistent = new QualificationInquiryResult(
                result.header().withCharacterCode(code), result.body());
        return WRITER.write(resultToXml(consistent), code);
    }

    /** Writes a result in the encoding its header names (UTF-8 when it names none). */
    public static WrittenDocument writeResult(QualificationInquiryResult result) {
        CharacterCode code = result.header().characterCodeIdentifier();
        return writeResult(result, code == null ? CharacterCode.UTF_8 : code);
    }

    // =====================================================================================================
    // Helpers
    // =====================================================================================================

    private static void checkEnvelope(XmlNode root, ErrorCode override) {
        if (root == null || !root.name().equals(ROOT)) {
            throw new MessageFormatException(override != null ? override : ErrorCode.WRONG_ROOT, null,
                    "ルート要素: " + (root == null ? "なし" : shorten(root.name())));
        }
        if (root.child(HEADER).isEmpty()) {
            throw new MessageFormatException(override != null ? override : ErrorCode.MISSING_MESSAGE_HEADER, HEADER, null);
        }
        if (override == null && root.child(BODY).isEmpty()) {
            throw new MessageFormatException(ErrorCode.MISSING_MESSAGE_BODY, BODY, null);
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** Parses {@code yyyyMMdd} strictly (8 ASCII digits, a real calendar date). */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.length() != 8 || !isAsciiDigits(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Parses {@code yyyyMMddHHmmss} strictly. */
    public static Optional<LocalDateTime> parseDateTime(String text) {
        if (text == null || text.length() != 14 || !isAsciiDigits(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
