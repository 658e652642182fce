package org.openoqs.core.medical;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openoqs.core.clins.ClinsItemSummary;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.registry.Person;
import org.openoqs.core.xml.XmlNode;

/**
 * Builds the result trees of {@code YZKsiquc01res_} and {@code TKKsiquc01res_} (INTERFACE.md §4.7; the project's
 * exact layout is in docs/medical-information.md). Success and failure share the header: {@code ResultCode} 1 with
 * the data, or 2 with {@code ErrorCode} and {@code MessageContents} (the Japanese message to show) and no body.
 */
public final class MedicalInformationResults {

    public static final String RESULT_OK = "1";
    public static final String RESULT_ERROR = "2";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuuMM");

    private MedicalInformationResults() {
    }

    /**
     * 薬剤情報 (and, for file categories 3/4, 診療情報: the visit's 診療行為, diagnoses and — when given — operations).
     *
     * @param diagnoses  {@code null} unless 診療情報 is included
     * @param surgeries  {@code null} unless 手術情報 may be shown (consent and facility opt-in)
     * @param ePrescriptions the person's 電子処方箋 prescriptions and dispensing results of the requested months
     *        ({@code ShPrInf} / {@code CzDiInf}, after the claims' {@code MeTrMonthInf})
     */
    public static XmlNode drugResult(MedicalInformationRequest request, Person person, List<DispensingRecord> dispensings,
            List<Diagnosis> diagnoses, List<Surgery> surgeries, EPrescriptionHistory ePrescriptions, LocalDateTime now,
            CharacterCode characterCode) {
        boolean withServices = diagnoses != null;
        XmlNode.Builder header = header(request.medicalInstitutionCode(), request.arbitraryFileIdentifier(), now,
                characterCode, RESULT_OK, request.fileCategory());
        header.child("QuaInf", q -> q.leaf("Name", person.name()).leaf("KanaName", person.nameKana())
                .leaf("Birth", person.birthdate().format(DATE)).leaf("AdmGendCode", person.sex() == null ? "3"
                        : person.sex().code()));
        XmlNode.Builder body = XmlNode.builder("MessageBody");
        body.leaf("StartDate", request.from().format(MONTH)).leaf("EndDate", request.to().format(MONTH));
        // One MeTrMonthInf per month, dispensing place and prescriber, as claims are grouped.
        Map<String, List<DispensingRecord>> groups = new LinkedHashMap<>();
        for (DispensingRecord d : dispensings) {
            groups.computeIfAbsent(d.month().format(MONTH) + '|' + d.dispensingInstitutionCode() + '|'
                    + d.prescribingInstitutionCode(), k -> new ArrayList<>()).add(d);
        }
        for (List<DispensingRecord> group : groups.values()) {
            DispensingRecord first = group.get(0);
            body.child("MeTrMonthInf", m -> {
                m.leaf("DiOrg", "1") // 1: from claims (レセプト)
                        .leaf("MeTrDiHCd", first.dispensingInstitutionCode())
                        .leaf("PrlsHCd", first.prescribingInstitutionCode())
                        .leaf("MeTrDiHNm", first.dispensingInstitutionName())
                        .leaf("PrlsHNm", first.prescribingInstitutionName())
                        .leaf("MeTrMonth", first.month().format(MONTH))
                        .leaf("PrIsOrg", "1") // 1: 院外処方
                        .leaf("InOut", first.inpatient() ? "1" : "2");
                m.child("DiDateInfs", infs -> {
                    for (DispensingRecord d : group) {
                        infs.child("DiDateInf", inf -> {
                            inf.leaf("DiDate", d.dispensingDate().format(DATE)).leaf("PrDate", d.prescriptionDate().format(DATE));
                            inf.child("DrugInfs", drugs -> d.drugs().forEach(drug -> drugs.child("DrugInf", x -> x
                                    .leaf("DrugC", drug.drugCode()).leaf("DrugN", drug.drugName())
                                    .leaf("IngreN", drug.ingredientName()).leaf("Qua1", drug.quantity())
                                    .leaf("Unit", drug.unit()).leaf("UsageN", drug.usage())
                                    .leaf("SpInst", drug.specialInstruction())
                                    .leaf("Times", Integer.toString(drug.days())).leaf("MeTrIdCl", drug.dosageForm()))));
                            if (withServices && !d.services().isEmpty()) {
                                inf.child("MeTrInfs", services -> d.services().forEach(s -> services.child("MeTrInf", x -> x
                                        .leaf("SinInfN", s.name()).leaf("SinInfCd", s.code()).leaf("MeTrIdCl", "0")
                                        .leaf("Qua1", "1").leaf("Times", Integer.toString(s.times())).leaf("Unit", "回"))));
                            }
                        });
                    }
                });
            });
        }
        EPrescriptionDrugBlocks.append(body, ePrescriptions == null ? EPrescriptionHistory.NONE : ePrescriptions);
        if (diagnoses != null && !diagnoses.isEmpty()) {
            body.child("SickNameInfs", s -> diagnoses.forEach(d -> s.child("SickNameInf", x -> x
                    .leaf("SickNameCd", d.code()).leaf("SickNameN", d.name())
                    .leaf("StartDate", d.startDate().format(DATE)).leaf("HNm", d.institutionName()))));
        }
        if (surgeries != null && !surgeries.isEmpty()) {
            body.child("OperationInfs", s -> surgeries.forEach(o -> s.child("OperationInf", x -> x
                    .leaf("OpeDate", o.date().format(DATE)).leaf("OpeCd", o.code()).leaf("OpeN", o.name())
                    .leaf("HNm", o.institutionName()))));
        }
        return XmlNode.element("XmlMsg", header.build(), body.build());
    }

    /** 特定健診情報. */
    public static XmlNode checkupResult(MedicalInformationRequest request, Person person, List<HealthCheckup> checkups,
            LocalDateTime now, CharacterCode characterCode) {
        XmlNode.Builder header = header(request.medicalInstitutionCode(), request.arbitraryFileIdentifier(), now,
                characterCode, RESULT_OK, request.fileCategory());
        header.child("QualificationsInfo", q -> q.leaf("Name", person.name()).leaf("KanasName", person.nameKana())
                .leaf("Birthday", person.birthdate().format(DATE))
                .leaf("AdministrativeGenderCode", person.sex() == null ? "3" : person.sex().code()));
        XmlNode.Builder body = XmlNode.builder("MessageBody");
        for (HealthCheckup c : checkups) {
            body.child("SpecificHealthCheckupInfo", s -> {
                s.leaf("EffectiveTime", c.date().format(DATE)).leaf("HealthCheckupInstitutionName", c.institutionName());
                s.child("HealthCheckupResultAndQuestionInfos", items -> c.items().forEach(i -> items.child(
                        "HealthCheckupResultAndQuestionInfo", x -> x.leaf("ItemCode", i.code()).leaf("ItemName", i.name())
                                .leaf("DataType", i.dataType()).leaf("DataValue", i.value()).leaf("Unit", i.unit())
                                .leaf("Oid", CareCatalog.CHECKUP_ITEM_OID).leaf("DataValueName", i.valueName()))));
            });
        }
        return XmlNode.element("XmlMsg", header.build(), body.build());
    }

    /**
     * 電子カルテ情報 ({@code CIPsiquc01res_}, docs/clins.md): the patient (like 薬剤情報's {@code QuaInf}), the months,
     * one {@code ClinicalItem} per shown item and the FHIR R4 Bundle (JSON text) carrying the resources themselves.
     */
    public static XmlNode clinicalResult(MedicalInformationRequest request, Person person, List<ClinsItemSummary> items,
            String fhirBundleJson, LocalDateTime now, CharacterCode characterCode) {
        XmlNode.Builder header = header(request.medicalInstitutionCode(), request.arbitraryFileIdentifier(), now,
                characterCode, RESULT_OK, request.fileCategory());
        header.child("QuaInf", q -> q.leaf("Name", person.name()).leaf("KanaName", person.nameKana())
                .leaf("Birth", person.birthdate().format(DATE)).leaf("AdmGendCode", person.sex() == null ? "3"
                        : person.sex().code()));
        XmlNode.Builder body = XmlNode.builder("MessageBody");
        body.leaf("StartDate", request.from().format(MONTH)).leaf("EndDate", request.to().format(MONTH));
        body.child("ClinicalInformation", info -> {
            info.leaf("ItemCount", Integer.toString(items.size()));
            info.child("ClinicalItems", list -> items.forEach(i -> list.child("ClinicalItem", x -> x
                    .leaf("Kind", i.kind().name()).leaf("KindName", i.kind().label()).leaf("ItemName", i.name())
                    .leaf("ClinicalDate", i.clinicalDate() == null ? null : i.clinicalDate().format(DATE))
                    .leaf("RegisteredDate", i.registeredDate().format(DATE))
                    .leaf("InstitutionCode", i.institutionCode())
                    .leaf("Uninformed", i.uninformed() ? "1" : "0")
                    .leaf("FullUrl", i.fullUrl()))));
            info.leaf("FhirBundle", fhirBundleJson);
        });
        return XmlNode.element("XmlMsg", header.build(), body.build());
    }

    /** A refusal: {@code ResultCode} 2, the code and the Japanese message, no body content. */
    public static XmlNode error(String institutionCode, String arbitraryFileIdentifier, String errorCode, String message,
            LocalDateTime now, CharacterCode characterCode) {
        XmlNode.Builder header = header(institutionCode, arbitraryFileIdentifier, now, characterCode, RESULT_ERROR, null);
        header.leaf("ErrorCode", errorCode).leaf("ErrorMessage", message).leaf("MessageContents", message);
        return XmlNode.element("XmlMsg", header.build(), XmlNode.builder("MessageBody").build());
    }

    private static XmlNode.Builder header(String institutionCode, String fileId, LocalDateTime now,
            CharacterCode characterCode, String resultCode, String fileCategory) {
        return XmlNode.builder("MessageHeader")
                .leaf("ProcessExecutionTime", now.format(DATE_TIME))
                .leaf("MedicalInstitutionCode", institutionCode)
                .leaf("ArbitraryFileIdentifier", fileId)
                // SegmentOfResult as in every other result, so generic parsers see success or failure too
                .leaf("SegmentOfResult", RESULT_OK.equals(resultCode) ? "1" : "9")
                .leaf("CharacterCodeIdentifier", characterCode.code())
                .leaf("FileCategory", fileCategory)
                .leaf("ResultCode", resultCode);
    }

    /** The months a drug-history result covers, for callers that render it another way (PDF). */
    public static String months(YearMonth from, YearMonth to) {
        return from.format(MONTH) + "〜" + to.format(MONTH);
    }
}
