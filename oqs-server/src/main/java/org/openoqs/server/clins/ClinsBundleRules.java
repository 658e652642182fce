package org.openoqs.server.clins;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.openoqs.core.clins.ClinsBundleIdentifier;
import org.openoqs.core.clins.ClinsKind;
import org.openoqs.core.clins.ClinsMemberId;
import org.openoqs.core.error.ErrorCode;

/**
 * The registration rules of a JP_Bundle_CLINS upload (5情報), written from ../shared/spec/CIP-PMH.md §1.3–1.4 and
 * checked in openoqs's own code (the official validator is only a second opinion, docs/clins.md). Every problem is
 * collected with its FHIRPath, so one refusal lists them all.
 */
final class ClinsBundleRules {

    static final Set<String> PROCESSED_TYPES = Set.of("Condition", "AllergyIntolerance", "Observation");
    private static final Set<String> INDICATIONS = Set.of(ClinsCanonical.LONG_TERM, ClinsCanonical.UNINFORMED,
            ClinsCanonical.UNDELIVERED);
    private static final Pattern UUID_URN =
            Pattern.compile("urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INSTITUTION_NUMBER = Pattern.compile("[0-4][0-9][1-3][0-9]{7}");

    /** The rules' verdict: the problems, or (when there are none) the upload to store. */
    record Verdict(List<ClinsProblem> problems, ClinsUpload upload) {
    }

    private final List<ClinsProblem> problems = new ArrayList<>();

    private ClinsBundleRules() {
    }

    static Verdict check(Bundle bundle, String ownInstitutionCode) {
        return new ClinsBundleRules().run(bundle, ownInstitutionCode);
    }

    private Verdict run(Bundle bundle, String own) {
        if (bundle.getType() != Bundle.BundleType.COLLECTION) {
            problem(ErrorCode.CLINS_BUNDLE_TYPE, "Bundle.type", bundle.hasType() ? "指定値: " + bundle.getType().toCode() : null);
        }
        if (bundle.getMeta().getProfile().stream().map(CanonicalType::getValue)
                .noneMatch(p -> ClinsCanonical.names(p, ClinsCanonical.BUNDLE_PROFILE))) {
            problem(ErrorCode.CLINS_BUNDLE_PROFILE, "Bundle.meta.profile", null);
        }
        String resourceType = resourceTypeTag(bundle);
        Flags bundleFlags = indications(bundle.getMeta().getTag(), "Bundle.meta");
        ClinsBundleIdentifier identifier = identifier(bundle, own);
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        fullUrls(entries);
        PatientKey patient = patient(entries);
        List<ClinsUpload.Entry> stored = new ArrayList<>();
        for (int i = 1; i < entries.size(); i++) {
            entry(i, entries.get(i), resourceType, patient == null ? null : patient.fullUrl(), bundleFlags)
                    .ifPresent(stored::add);
        }
        if (!problems.isEmpty()) {
            return new Verdict(List.copyOf(problems), null);
        }
        return new Verdict(List.of(), new ClinsUpload(identifier, patient.memberId(), patient.memberIdLocation(),
                patient.birthDate(), resourceType, List.copyOf(stored)));
    }

    // ---- Bundle level ------------------------------------------------------------------------------------------

    private String resourceTypeTag(Bundle bundle) {
        List<Coding> tags = bundle.getMeta().getTag();
        String found = null;
        int count = 0;
        for (int i = 0; i < tags.size(); i++) {
            Coding tag = tags.get(i);
            if (!ClinsCanonical.RESOURCE_TYPE_TAG.equals(tag.getSystem())) {
                continue;
            }
            count++;
            if (!PROCESSED_TYPES.contains(tag.getCode())) {
                problem(ErrorCode.CLINS_RESOURCE_TYPE_TAG, "Bundle.meta.tag[" + i + "].code", "指定値: " + tag.getCode());
            } else {
                found = tag.getCode();
            }
        }
        if (count != 1) {
            problem(ErrorCode.CLINS_RESOURCE_TYPE_TAG, "Bundle.meta.tag", count == 0 ? "指定がありません" : count + "個あります");
            return null;
        }
        return found;
    }

    private ClinsBundleIdentifier identifier(Bundle bundle, String own) {
        return ClinsIdentifierRule.check(bundle.getIdentifier(), "Bundle", own, problems).orElse(null);
    }

    private void fullUrls(List<Bundle.BundleEntryComponent> entries) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String url = entries.get(i).getFullUrl();
            if (url == null || !UUID_URN.matcher(url).matches()) {
                problem(ErrorCode.CLINS_FULLURL_INVALID, "Bundle.entry[" + i + "].fullUrl",
                        url == null ? "指定がありません" : "指定値: " + shown(url));
            } else if (!seen.add(url.toLowerCase(java.util.Locale.ROOT))) {
                problem(ErrorCode.CLINS_FULLURL_INVALID, "Bundle.entry[" + i + "].fullUrl", "重複: " + url);
            }
        }
    }

    // ---- the Patient -------------------------------------------------------------------------------------------

    private record PatientKey(String fullUrl, ClinsMemberId memberId, String memberIdLocation, LocalDate birthDate) {
    }

    private PatientKey patient(List<Bundle.BundleEntryComponent> entries) {
        if (entries.isEmpty() || !(entries.get(0).getResource() instanceof Patient patient)) {
            problem(ErrorCode.CLINS_PATIENT_FIRST, entries.isEmpty() ? "Bundle.entry" : "Bundle.entry[0].resource",
                    null);
            return null;
        }
        String at = "Bundle.entry[0].resource";
        meta(patient, at);
        HumanName name = patient.getNameFirstRep();
        if (!patient.hasName() || !name.hasFamily() || !name.hasGiven() || !name.hasText()) {
            required(at + ".name", "氏名（family・given・text）");
        }
        if (!patient.hasGender()) {
            required(at + ".gender", "性別");
        }
        if (!patient.hasBirthDate()) {
            required(at + ".birthDate", "生年月日");
        }
        ClinsPatientIdentifier.Found key = ClinsPatientIdentifier.check(patient, at, problems);
        LocalDate birth = patient.hasBirthDate() ? localDate(patient.getBirthDateElement()) : null;
        return new PatientKey(entries.get(0).getFullUrl(), key.memberId(), key.location(), birth);
    }

    // ---- the entries after the Patient -------------------------------------------------------------------------

    private Optional<ClinsUpload.Entry> entry(int i, Bundle.BundleEntryComponent entry, String resourceType,
            String patientUrl, Flags bundleFlags) {
        String at = "Bundle.entry[" + i + "].resource";
        Resource resource = entry.getResource();
        if (resource instanceof Patient) {
            problem(ErrorCode.CLINS_PATIENT_FIRST, at, "Patient は最初のentryだけに指定してください");
            return Optional.empty();
        }
        if (resource == null || (resourceType != null && !resourceType.equals(resource.fhirType()))
                || !PROCESSED_TYPES.contains(resource.fhirType())) {
            problem(ErrorCode.CLINS_ENTRY_TYPE_MISMATCH, at, resource == null ? "resource がありません"
                    : resource.fhirType() + "（meta.tag: " + resourceType + "）");
            return Optional.empty();
        }
        DomainResource r = (DomainResource) resource;
        meta(r, at);
        Flags flags = bundleFlags.and(indications(r.getMeta().getTag(), at + ".meta"));
        institutionNumber(r, at);
        if (identifiers(r).stream().noneMatch(id -> ClinsCanonical.RESOURCE_IDENTIFIER.equals(id.getSystem()) && id.hasValue())) {
            required(at + ".identifier", "リソース一意識別ID（resourceInstance-identifier）");
        }
        if (r instanceof Condition c) {
            encounterAndDepartment(c, at);
            subject(c.getSubject(), patientUrl, at + ".subject");
            return condition(i, c, at, flags);
        }
        if (r instanceof Observation o) {
            encounterAndDepartment(o, at);
            subject(o.getSubject(), patientUrl, at + ".subject");
            return observation(i, o, at, flags);
        }
        AllergyIntolerance a = (AllergyIntolerance) r;
        subject(a.getPatient(), patientUrl, at + ".patient");
        return allergy(i, a, at, flags);
    }

    private Optional<ClinsUpload.Entry> condition(int i, Condition c, String at, Flags flags) {
        if (!c.hasClinicalStatus()) {
            required(at + ".clinicalStatus", "臨床状態（clinicalStatus）");
        }
        String verification = firstCode(c.getVerificationStatus());
        if (verification == null) {
            required(at + ".verificationStatus", "確からしさ（verificationStatus）");
        } else if (!Set.of("confirmed", "unconfirmed", "provisional", "differential").contains(verification)) {
            problem(ErrorCode.CLINS_INVALID_VALUE, at + ".verificationStatus", "指定値: " + verification);
        }
        if (c.getCode().getCoding().stream().noneMatch(x -> ClinsCanonical.MEDIS_DISEASE_KEY.equals(x.getSystem()) && x.hasCode())) {
            required(at + ".code.coding", "MEDIS 病名管理番号のコード");
        }
        if (!c.getCode().hasText()) {
            required(at + ".code.text", "傷病名の文字列（code.text）");
        }
        if (!c.hasOnsetDateTimeType()) {
            required(at + ".onset", "発症日（onsetDateTime）");
        }
        // verificationStatus other than confirmed is a 疑い病名: stored for replacement, never shown (§1.1)
        boolean unconfirmed = verification != null && !"confirmed".equals(verification);
        LocalDate date = c.hasOnsetDateTimeType() ? localDate(c.getOnsetDateTimeType()) : null;
        return Optional.of(new ClinsUpload.Entry(i, ClinsKind.CONDITION, key(c.getCode(), ClinsCanonical.MEDIS_DISEASE_KEY),
                c.getCode().getText(), date, unconfirmed, flags.undelivered, flags.uninformed, flags.longTerm));
    }

    private Optional<ClinsUpload.Entry> allergy(int i, AllergyIntolerance a, String at, Flags flags) {
        if (!a.hasClinicalStatus()) {
            required(at + ".clinicalStatus", "臨床状態（clinicalStatus）");
        }
        if (!a.hasVerificationStatus()) {
            required(at + ".verificationStatus", "確からしさ（verificationStatus）");
        }
        List<Coding> codings = a.getCode().getCoding();
        if (codings.isEmpty() || codings.stream().anyMatch(x -> !x.hasSystem() || !x.hasCode() || !x.hasDisplay())) {
            required(at + ".code.coding", "コード（system・code・display）");
        }
        if (!a.getCode().hasText()) {
            required(at + ".code.text", "アレルギー等の文字列（code.text）");
        }
        boolean medication = a.getCategory().stream().anyMatch(x -> x.getValue() == AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION
                || x.getValue() == AllergyIntolerance.AllergyIntoleranceCategory.BIOLOGIC);
        if (medication && a.getCategory().size() > 1) {
            problem(ErrorCode.CLINS_INVALID_VALUE, at + ".category", "薬剤（medication）と他の分類は同時に指定できません");
        }
        LocalDate date = a.hasRecordedDate() ? localDate(a.getRecordedDateElement())
                : a.hasOnsetDateTimeType() ? localDate(a.getOnsetDateTimeType()) : null;
        return Optional.of(new ClinsUpload.Entry(i, medication ? ClinsKind.DRUG_ALLERGY : ClinsKind.OTHER_ALLERGY,
                key(a.getCode(), null), a.getCode().getText(), date, false, flags.undelivered, flags.uninformed,
                flags.longTerm));
    }

    private Optional<ClinsUpload.Entry> observation(int i, Observation o, String at, Flags flags) {
        if (!o.hasStatus()) {
            required(at + ".status", "状態（status）");
        }
        if (o.getCode().getCoding().isEmpty()) {
            required(at + ".code.coding", "検査項目コード");
        }
        if (!o.hasEffectiveDateTimeType() || o.getEffectiveDateTimeType().getValue() == null) {
            required(at + ".effective", "検体採取日時（effectiveDateTime）");
        }
        if (o.getValue() instanceof Quantity q && !q.hasUnit() && !q.hasCode()) {
            required(at + ".value.unit", "単位");
        }
        boolean infection = o.getCode().getCoding().stream().anyMatch(x -> ClinsCanonical.INFECTION_CODES.equals(x.getSystem())
                || ClinsCanonical.INFECTION_CODES_JLAC11.equals(x.getSystem()));
        LocalDate date = o.hasEffectiveDateTimeType() ? localDate(o.getEffectiveDateTimeType()) : null;
        String display = o.getCode().hasText() ? o.getCode().getText() : o.getCode().getCodingFirstRep().getDisplay();
        return Optional.of(new ClinsUpload.Entry(i, infection ? ClinsKind.INFECTION : ClinsKind.LAB, key(o.getCode(), null),
                display, date, false, flags.undelivered, flags.uninformed, flags.longTerm));
    }

    // ---- shared element rules ------------------------------------------------------------------------------------

    private void meta(DomainResource r, String at) {
        if (!r.getMeta().hasLastUpdated()) {
            required(at + ".meta.lastUpdated", "最終更新日時");
        }
        if (!r.getMeta().hasProfile()) {
            required(at + ".meta.profile", "プロファイル");
        }
    }

    private void institutionNumber(DomainResource r, String at) {
        List<Extension> all = r.getExtension();
        boolean found = false;
        for (int k = 0; k < all.size(); k++) {
            Extension e = all.get(k);
            if (!ClinsCanonical.INSTITUTION_NUMBER_EXTENSION.equals(e.getUrl())) {
                continue;
            }
            found = true;
            if (!(e.getValue() instanceof Identifier id) || !ClinsCanonical.INSTITUTION_NUMBER_SYSTEM.equals(id.getSystem())
                    || id.getValue() == null || !INSTITUTION_NUMBER.matcher(id.getValue()).matches()) {
                problem(ErrorCode.CLINS_INSTITUTION_NUMBER_FORMAT, at + ".extension[" + k + "].value", null);
            }
        }
        if (!found) {
            problem(ErrorCode.CLINS_INSTITUTION_NUMBER_MISSING, at + ".extension", null);
        }
    }

    private void encounterAndDepartment(DomainResource r, String at) {
        boolean encounter = r.getContained().stream().anyMatch(c -> c instanceof Encounter e
                && e.getMeta().getProfile().stream().anyMatch(p -> ClinsCanonical.names(p.getValue(), ClinsCanonical.ENCOUNTER_PROFILE)));
        if (!encounter) {
            problem(ErrorCode.CLINS_ENCOUNTER_MISSING, at + ".contained", null);
        }
        boolean department = r.getExtension().stream().anyMatch(e -> ClinsCanonical.DEPARTMENT_EXTENSION.equals(e.getUrl())
                && e.getValue() instanceof CodeableConcept);
        if (!department) {
            problem(ErrorCode.CLINS_DEPARTMENT_MISSING, at + ".extension", null);
        }
    }

    private void subject(Reference reference, String patientUrl, String at) {
        if (patientUrl == null) {
            return; // the Patient itself is already reported
        }
        if (reference == null || !patientUrl.equals(reference.getReference())) {
            problem(ErrorCode.CLINS_SUBJECT_REFERENCE, at, reference == null || reference.getReference() == null
                    ? "参照がありません" : "指定値: " + shown(reference.getReference()));
        }
    }

    /** The 取扱いフラグ of a meta: LTS, UNINFORMED, UNDELIVERED; any other code of that system is a problem. */
    private Flags indications(List<Coding> tags, String at) {
        Flags flags = new Flags(false, false, false);
        for (int k = 0; k < tags.size(); k++) {
            Coding tag = tags.get(k);
            if (!ClinsCanonical.INDICATION_TAG.equals(tag.getSystem())) {
                continue;
            }
            if (!INDICATIONS.contains(tag.getCode())) {
                problem(ErrorCode.CLINS_INDICATION_TAG, at + ".tag[" + k + "].code", "指定値: " + shown(tag.getCode()));
                continue;
            }
            flags = flags.and(new Flags(ClinsCanonical.LONG_TERM.equals(tag.getCode()),
                    ClinsCanonical.UNINFORMED.equals(tag.getCode()), ClinsCanonical.UNDELIVERED.equals(tag.getCode())));
        }
        return flags;
    }

    private record Flags(boolean longTerm, boolean uninformed, boolean undelivered) {
        Flags and(Flags other) {
            return new Flags(longTerm || other.longTerm, uninformed || other.uninformed, undelivered || other.undelivered);
        }
    }

    private static List<Identifier> identifiers(DomainResource r) {
        if (r instanceof Condition c) {
            return c.getIdentifier();
        }
        if (r instanceof Observation o) {
            return o.getIdentifier();
        }
        return ((AllergyIntolerance) r).getIdentifier();
    }

    private static String firstCode(CodeableConcept concept) {
        return concept == null ? null : concept.getCoding().stream().map(Coding::getCode).filter(x -> x != null)
                .findFirst().orElse(null);
    }

    /** {@code system|code} of the preferred (or else first) coding. */
    private static String key(CodeableConcept concept, String preferredSystem) {
        Coding chosen = concept.getCoding().stream().filter(c -> preferredSystem != null && preferredSystem.equals(c.getSystem()))
                .findFirst().orElse(concept.getCodingFirstRep());
        String k = chosen.getSystem() + "|" + chosen.getCode();
        return k.length() > 300 ? k.substring(0, 300) : k;
    }

    /** The calendar date as written (a year or month alone counts as its first day); {@code null} when empty. */
    private static LocalDate localDate(BaseDateTimeType value) {
        if (value == null || value.getValue() == null) {
            return null;
        }
        int month = value.getPrecision().ordinal() >= TemporalPrecisionEnum.MONTH.ordinal() ? value.getMonth() + 1 : 1;
        int day = value.getPrecision().ordinal() >= TemporalPrecisionEnum.DAY.ordinal() ? value.getDay() : 1;
        return LocalDate.of(value.getYear(), month, day);
    }

    private void required(String location, String what) {
        problem(ErrorCode.CLINS_REQUIRED_ELEMENT, location, what);
    }

    private void problem(ErrorCode code, String location, String detail) {
        problems.add(new ClinsProblem(code, location, detail));
    }

    private static String shown(String value) {
        if (value == null) {
            return "（なし）";
        }
        String s = value.codePoints().limit(80).collect(StringBuilder::new,
                (sb, cp) -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp), StringBuilder::append).toString();
        return value.length() > 80 ? s + "…" : s;
    }
}
