package org.openoqs.server.clins.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.openoqs.core.clins.ClinsBundleIdentifier;
import org.openoqs.core.clins.ClinsMemberId;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.clins.ClinsBundleReading;
import org.openoqs.server.clins.ClinsIdentifierRule;
import org.openoqs.server.clins.ClinsPatientIdentifier;
import org.openoqs.server.clins.ClinsProblem;

/**
 * The registration rules of a document Bundle (診療情報提供書 with its optional 退院時サマリー attachment, 健康診断結果報告書),
 * written from ../shared/spec/CIP-PMH.md §1.5 and checked in openoqs's own code — the official packages are only a
 * second opinion (DocumentOfficialPackagesTest). Every problem is collected with its FHIRPath; an attached 退院時サマリー
 * is checked by the same rules under its own path ({@code Bundle.entry[n].resource…}).
 */
public final class DocumentRules {

    static final String RESOURCE_IDENTIFIER = "http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier";
    static final String VERSION_EXTENSION = "http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber";
    static final String INSTITUTION_SYSTEM = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";
    private static final Pattern INSTITUTION_CODE = Pattern.compile("[0-4][0-9][1-3][0-9]{7}");
    private static final Pattern UUID_URN =
            Pattern.compile("urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The verdict: the problems, or (when there are none) the upload to store. */
    public record Verdict(List<ClinsProblem> problems, DocumentUpload upload) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    private final List<ClinsProblem> problems = new ArrayList<>();

    private DocumentRules() {
    }

    /** @param ownInstitutionCode the sending facility (client certificate): its code must be in Bundle.identifier */
    public static Verdict check(Bundle bundle, String ownInstitutionCode) {
        DocumentRules rules = new DocumentRules();
        Optional<Checked> checked = rules.document(bundle, "Bundle", ownInstitutionCode, false);
        if (!rules.problems.isEmpty() || checked.isEmpty()) {
            return new Verdict(List.copyOf(rules.problems), null);
        }
        Checked c = checked.get();
        return new Verdict(List.of(), new DocumentUpload(c.identifier, c.kind, c.patient.memberId, c.patient.memberIdText,
                c.patient.location, c.patient.birthDate, c.destinationCode, c.destinationLocation, c.version,
                c.dischargeSummary, c.attachments));
    }

    private record PatientKey(String fullUrl, ClinsMemberId memberId, String memberIdText, String location,
            LocalDate birthDate) {
    }

    private static final class Checked {
        ClinsBundleIdentifier identifier;
        DocumentKind kind;
        PatientKey patient;
        String destinationCode;
        String destinationLocation;
        String version;
        boolean dischargeSummary;
        int attachments;
    }

    /** One document Bundle at {@code at}; {@code attached} is true for a 退院時サマリー inside a referral. */
    private Optional<Checked> document(Bundle bundle, String at, String own, boolean attached) {
        int before = problems.size();
        Checked out = new Checked();
        if (bundle.getType() != Bundle.BundleType.DOCUMENT) {
            problem(ErrorCode.DOCUMENT_BUNDLE_TYPE, at + ".type", bundle.hasType() ? "指定値: " + bundle.getType().toCode() : null);
        }
        out.kind = bundle.getMeta().getProfile().stream().map(CanonicalType::getValue).map(DocumentKind::ofProfile)
                .flatMap(Optional::stream).findFirst().orElse(null);
        if (attached) {
            if (out.kind != DocumentKind.DISCHARGE_SUMMARY) {
                problem(ErrorCode.DOCUMENT_ATTACHMENT_INVALID, at, out.kind == null ? null : "指定値: " + out.kind.label());
                return Optional.empty();
            }
        } else if (out.kind == DocumentKind.DISCHARGE_SUMMARY) {
            problem(ErrorCode.DISCHARGE_SUMMARY_ALONE, at + ".meta.profile", null);
            return Optional.empty();
        } else if (out.kind == null) {
            problem(ErrorCode.DOCUMENT_PROFILE, at + ".meta.profile", null);
            return Optional.empty();
        }
        out.identifier = identifier(bundle, at, own);
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        Map<String, Integer> byUrl = fullUrls(entries, at);
        out.patient = patient(entries, at);
        Composition composition = composition(entries, at);
        if (composition != null) {
            String c = at + ".entry[0].resource";
            compositionElements(composition, out.kind, c, byUrl, entries, out);
            if (out.patient != null && !out.patient.fullUrl.equals(composition.getSubject().getReference())) {
                problem(ErrorCode.DOCUMENT_SUBJECT, c + ".subject", composition.getSubject().hasReference()
                        ? "指定値: " + shown(composition.getSubject().getReference()) : "参照がありません");
            }
            sections(composition, out, c, byUrl, entries, at, own);
        }
        if (out.kind == DocumentKind.DISCHARGE_SUMMARY) {
            requireEntries(entries, at, Encounter.class, "受診情報（Encounter）1件", 1, 1);
            requireEntries(entries, at, Condition.class, "傷病名（Condition）1件以上", 1, Integer.MAX_VALUE);
        }
        return problems.size() == before ? Optional.of(out) : Optional.empty();
    }

    // ---- Bundle level ------------------------------------------------------------------------------------------

    private ClinsBundleIdentifier identifier(Bundle bundle, String at, String own) {
        return ClinsIdentifierRule.check(bundle.getIdentifier(), at, own, problems).orElse(null);
    }

    private Map<String, Integer> fullUrls(List<Bundle.BundleEntryComponent> entries, String at) {
        Map<String, Integer> byUrl = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String url = entries.get(i).getFullUrl();
            if (url == null || !UUID_URN.matcher(url).matches()) {
                problem(ErrorCode.CLINS_FULLURL_INVALID, at + ".entry[" + i + "].fullUrl",
                        url == null ? "指定がありません" : "指定値: " + shown(url));
            } else if (!seen.add(url.toLowerCase(Locale.ROOT))) {
                problem(ErrorCode.CLINS_FULLURL_INVALID, at + ".entry[" + i + "].fullUrl", "重複: " + url);
            } else {
                byUrl.put(url, i);
            }
        }
        return byUrl;
    }

    private Composition composition(List<Bundle.BundleEntryComponent> entries, String at) {
        Composition first = !entries.isEmpty() && entries.get(0).getResource() instanceof Composition c ? c : null;
        if (first == null) {
            problem(ErrorCode.DOCUMENT_COMPOSITION_FIRST, entries.isEmpty() ? at + ".entry" : at + ".entry[0].resource", null);
        }
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).getResource() instanceof Composition && first != null) {
                problem(ErrorCode.DOCUMENT_COMPOSITION_FIRST, at + ".entry[" + i + "].resource", "Composition は1つだけ指定してください");
            }
        }
        return first;
    }

    private PatientKey patient(List<Bundle.BundleEntryComponent> entries, String at) {
        Patient patient = null;
        int index = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getResource() instanceof Patient p) {
                if (patient != null) {
                    problem(ErrorCode.DOCUMENT_PATIENT_MISSING, at + ".entry[" + i + "].resource", "Patient が複数あります");
                    return null;
                }
                patient = p;
                index = i;
            }
        }
        if (patient == null) {
            problem(ErrorCode.DOCUMENT_PATIENT_MISSING, at + ".entry", null);
            return null;
        }
        String p = at + ".entry[" + index + "].resource";
        if (!patient.hasBirthDate()) {
            problem(ErrorCode.CLINS_REQUIRED_ELEMENT, p + ".birthDate", "生年月日");
        }
        if (!patient.hasName() || !patient.getNameFirstRep().hasText()) {
            problem(ErrorCode.CLINS_REQUIRED_ELEMENT, p + ".name", "氏名（text）");
        }
        ClinsPatientIdentifier.Found key = ClinsPatientIdentifier.check(patient, p, problems);
        if (key.memberId() == null) {
            return null; // reported; without a key there is no patient to compare or look up
        }
        var b = patient.getBirthDateElement();
        LocalDate birth = patient.hasBirthDate() ? LocalDate.of(b.getYear(), b.getMonth() + 1, b.getDay()) : null;
        return new PatientKey(entries.get(index).getFullUrl(), key.memberId(), key.text(), key.location(), birth);
    }

    // ---- the Composition ---------------------------------------------------------------------------------------

    private void compositionElements(Composition c, DocumentKind kind, String at, Map<String, Integer> byUrl,
            List<Bundle.BundleEntryComponent> entries, Checked out) {
        if (c.getStatus() != Composition.CompositionStatus.FINAL) {
            problem(ErrorCode.DOCUMENT_REQUIRED_ELEMENT, at + ".status", c.hasStatus() ? "final 以外: " + c.getStatus().toCode() : "status");
        }
        if (!RESOURCE_IDENTIFIER.equals(c.getIdentifier().getSystem()) || !c.getIdentifier().hasValue()) {
            problem(ErrorCode.DOCUMENT_REQUIRED_ELEMENT, at + ".identifier", "文書識別子（resourceInstance-identifier）");
        }
        var version = c.getExtensionByUrl(VERSION_EXTENSION);
        if (version == null || version.getValue() == null || version.getValue().primitiveValue() == null) {
            problem(ErrorCode.DOCUMENT_REQUIRED_ELEMENT, at + ".extension", "文書バージョン（composition-clinicaldocument-versionNumber）");
        } else {
            out.version = version.getValue().primitiveValue();
        }
        if (!c.hasDate()) {
            problem(ErrorCode.DOCUMENT_REQUIRED_ELEMENT, at + ".date", "作成日時");
        }
        if (!c.hasTitle() || (kind != DocumentKind.CHECKUP && !kind.label().equals(c.getTitle()))) {
            problem(ErrorCode.DOCUMENT_REQUIRED_ELEMENT, at + ".title", kind == DocumentKind.CHECKUP ? "文書タイトル"
                    : "文書タイトル「" + kind.label() + "」");
        }
        if (c.getEvent().size() != 1 || !c.getEventFirstRep().getPeriod().hasStart()) {
            problem(ErrorCode.DOCUMENT_REQUIRED_ELEMENT, at + ".event", "文書の発行イベント（event.period.start）1件");
        }
        if (!c.getCustodian().hasReference()) {
            problem(ErrorCode.DOCUMENT_REQUIRED_ELEMENT, at + ".custodian", "文書の管理責任機関（custodian）");
        } else {
            resolve(c.getCustodian(), at + ".custodian", byUrl, entries, Organization.class);
        }
        for (int k = 0; k < c.getAuthor().size(); k++) {
            resolve(c.getAuthor().get(k), at + ".author[" + k + "]", byUrl, entries, null);
        }
        List<Coding> types = c.getType().getCoding();
        if (types.size() != 1 || !DocumentKind.TYPE_SYSTEM.equals(types.get(0).getSystem())
                || !kind.typeCode().equals(types.get(0).getCode())) {
            problem(ErrorCode.DOCUMENT_TYPE_CODE, at + ".type", "指定値: " + codes(c.getType()) + "、" + kind.label() + "は "
                    + kind.typeCode());
        }
        List<Coding> categories = c.getCategory().size() == 1 ? c.getCategoryFirstRep().getCoding() : List.of();
        boolean category = categories.size() == 1 && switch (kind) {
            case REFERRAL -> DocumentKind.CATEGORY_SYSTEM.equals(categories.get(0).getSystem())
                    && DocumentKind.REFERRAL_CATEGORIES.contains(categories.get(0).getCode());
            case DISCHARGE_SUMMARY -> DocumentKind.CATEGORY_SYSTEM.equals(categories.get(0).getSystem())
                    && "DISCHARGE".equals(categories.get(0).getCode());
            case CHECKUP -> DocumentKind.CHECKUP_CATEGORY_SYSTEM.equals(categories.get(0).getSystem())
                    && categories.get(0).hasCode();
        };
        if (!category) {
            problem(ErrorCode.DOCUMENT_CATEGORY_CODE, at + ".category", c.getCategory().isEmpty() ? "指定がありません"
                    : "指定値: " + codes(c.getCategoryFirstRep()));
        }
    }

    // ---- sections ------------------------------------------------------------------------------------------------

    private void sections(Composition c, Checked out, String at, Map<String, Integer> byUrl,
            List<Bundle.BundleEntryComponent> entries, String bundleAt, String own) {
        List<Composition.SectionComponent> top = c.getSection();
        for (int i = 0; i < top.size(); i++) {
            references(top.get(i), at + ".section[" + i + "]", byUrl, entries);
        }
        if (out.kind == DocumentKind.CHECKUP) {
            checkupSections(top, at);
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).getResource() instanceof Bundle) {
                    problem(ErrorCode.DOCUMENT_ATTACHMENT_INVALID, bundleAt + ".entry[" + i + "].resource", "健康診断結果報告書");
                }
            }
            return;
        }
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < top.size(); i++) {
            String code = sectionCode(top.get(i), DocumentKind.SECTION_SYSTEM);
            if (code == null) {
                continue;
            }
            boolean repeatable = code.equals(DocumentKind.ATTACHMENT) || code.equals(DocumentKind.REMARKS)
                    || code.equals(DocumentKind.PDF);
            if (first.containsKey(code) && !repeatable) {
                problem(ErrorCode.DOCUMENT_SECTION_REPEATED, at + ".section[" + i + "]", "セクションコード " + code);
            }
            first.putIfAbsent(code, i);
        }
        if (first.containsKey(DocumentKind.CDA) && first.containsKey(DocumentKind.STRUCTURED)) {
            problem(ErrorCode.DOCUMENT_SECTION_REPEATED, at + ".section[" + Math.max(first.get(DocumentKind.CDA),
                    first.get(DocumentKind.STRUCTURED)) + "]", "CDA参照（200）と構造情報（300）は同時に指定できません");
        }
        if (out.kind == DocumentKind.REFERRAL) {
            if (!first.containsKey(DocumentKind.FROM)) {
                problem(ErrorCode.DOCUMENT_SECTION_MISSING, at + ".section", "920 紹介元情報");
            }
            destination(top, first.get(DocumentKind.TO), at, bundleAt, byUrl, entries, out);
        }
        if (!first.containsKey(DocumentKind.STRUCTURED)) {
            boolean attachmentsOnly = first.containsKey(DocumentKind.PDF) || first.containsKey(DocumentKind.ATTACHMENT)
                    || first.containsKey(DocumentKind.CDA);
            if (out.kind == DocumentKind.REFERRAL && attachmentsOnly) {
                problem(ErrorCode.REFERRAL_PDF_ONLY, at + ".section", null);
            } else {
                problem(ErrorCode.DOCUMENT_SECTION_MISSING, at + ".section", "300 構造情報");
            }
        } else {
            int s = first.get(DocumentKind.STRUCTURED);
            structured(top.get(s).getSection(), out.kind, at + ".section[" + s + "]");
        }
        for (int i = 0; i < top.size(); i++) {
            String code = sectionCode(top.get(i), DocumentKind.SECTION_SYSTEM);
            if (DocumentKind.ATTACHMENT.equals(code) || DocumentKind.PDF.equals(code)) {
                attachments(top.get(i), byUrl, entries, bundleAt, own, out);
            }
        }
    }

    private void structured(List<Composition.SectionComponent> inner, DocumentKind kind, String at) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < inner.size(); j++) {
            String code = sectionCode(inner.get(j), DocumentKind.SECTION_SYSTEM);
            if (code != null && !seen.add(code)) {
                problem(ErrorCode.DOCUMENT_SECTION_REPEATED, at + ".section[" + j + "]", "セクションコード " + code);
            }
        }
        for (DocumentKind.Section required : kind.requiredInStructured()) {
            if (!seen.contains(required.code())) {
                problem(ErrorCode.DOCUMENT_SECTION_MISSING, at + ".section", required.code() + " " + required.title());
            }
        }
    }

    /** 910 紹介先情報: its first entry is the destination Organization, which must carry a 医療機関コード. */
    private void destination(List<Composition.SectionComponent> top, Integer index, String at, String bundleAt,
            Map<String, Integer> byUrl, List<Bundle.BundleEntryComponent> entries, Checked out) {
        if (index == null) {
            problem(ErrorCode.REFERRAL_DESTINATION_MISSING, at + ".section", "910 紹介先情報がありません");
            return;
        }
        String s = at + ".section[" + index + "]";
        List<Reference> refs = top.get(index).getEntry();
        Integer target = refs.isEmpty() ? null : byUrl.get(refs.get(0).getReference());
        if (target == null || !(entries.get(target).getResource() instanceof Organization organization)) {
            problem(ErrorCode.REFERRAL_DESTINATION_MISSING, s + ".entry", "紹介先の医療機関（Organization）への参照がありません");
            return;
        }
        String org = bundleAt + ".entry[" + target + "].resource";
        for (int k = 0; k < organization.getIdentifier().size(); k++) {
            Identifier id = organization.getIdentifier().get(k);
            if (INSTITUTION_SYSTEM.equals(id.getSystem()) && id.getValue() != null
                    && INSTITUTION_CODE.matcher(id.getValue()).matches()) {
                out.destinationCode = id.getValue();
                out.destinationLocation = org + ".identifier[" + k + "].value";
                return;
            }
        }
        problem(ErrorCode.REFERRAL_DESTINATION_MISSING, org + ".identifier", "紹介先の医療機関コード（10桁）がありません");
    }

    private void checkupSections(List<Composition.SectionComponent> top, String at) {
        boolean own = false;
        for (int i = 0; i < top.size(); i++) {
            String code = sectionCode(top.get(i), DocumentKind.SECTION_SYSTEM);
            if (DocumentKind.TO.equals(code) || DocumentKind.ATTACHMENT.equals(code)) {
                problem(ErrorCode.CHECKUP_WITH_DESTINATION, at + ".section[" + i + "]", "セクションコード " + code);
            }
            own |= sectionCode(top.get(i), DocumentKind.CHECKUP_SECTION_SYSTEM) != null;
        }
        if (!own) {
            problem(ErrorCode.DOCUMENT_SECTION_MISSING, at + ".section", "健診結果のセクション（eCheckup section-code）");
        }
    }

    /** 210 添付情報 / 230 PDF entries: an attached Bundle must be a 退院時サマリー, checked by these rules too. */
    private void attachments(Composition.SectionComponent section, Map<String, Integer> byUrl,
            List<Bundle.BundleEntryComponent> entries, String bundleAt, String own, Checked out) {
        for (Reference r : section.getEntry()) {
            Integer target = byUrl.get(r.getReference());
            if (target == null) {
                continue; // reported by references()
            }
            out.attachments++;
            if (entries.get(target).getResource() instanceof Bundle attached) {
                Optional<Checked> summary = document(attached, bundleAt + ".entry[" + target + "].resource", own, true);
                if (summary.isPresent()) {
                    out.dischargeSummary = true;
                    if (out.patient != null && summary.get().patient != null
                            && !out.patient.memberIdText.equals(summary.get().patient.memberIdText)) {
                        problem(ErrorCode.DOCUMENT_SUBJECT, bundleAt + ".entry[" + target + "].resource.entry[0].resource.subject",
                                "添付の退院時サマリーの患者が診療情報提供書の患者と異なります");
                    }
                }
            }
        }
    }

    /** Every entry reference of a section (and its sub-sections) names an entry of the same Bundle. */
    private void references(Composition.SectionComponent section, String at, Map<String, Integer> byUrl,
            List<Bundle.BundleEntryComponent> entries) {
        for (int k = 0; k < section.getEntry().size(); k++) {
            resolve(section.getEntry().get(k), at + ".entry[" + k + "]", byUrl, entries, null);
        }
        for (int j = 0; j < section.getSection().size(); j++) {
            references(section.getSection().get(j), at + ".section[" + j + "]", byUrl, entries);
        }
    }

    private void resolve(Reference reference, String at, Map<String, Integer> byUrl,
            List<Bundle.BundleEntryComponent> entries, Class<? extends Resource> type) {
        Integer target = byUrl.get(reference.getReference());
        if (target == null) {
            problem(ErrorCode.DOCUMENT_REFERENCE_UNRESOLVED, at, "指定値: " + shown(reference.getReference()));
        } else if (type != null && !type.isInstance(entries.get(target).getResource())) {
            problem(ErrorCode.DOCUMENT_REFERENCE_UNRESOLVED, at, type.getSimpleName() + " ではありません");
        }
    }

    private void requireEntries(List<Bundle.BundleEntryComponent> entries, String at, Class<? extends Resource> type,
            String what, int min, int max) {
        long n = entries.stream().filter(e -> type.isInstance(e.getResource())).count();
        if (n < min || n > max) {
            problem(ErrorCode.DOCUMENT_REQUIRED_ELEMENT, at + ".entry", what + "（" + n + "件）");
        }
    }

    private static String sectionCode(Composition.SectionComponent section, String system) {
        return section.getCode().getCoding().stream().filter(x -> system.equals(x.getSystem()) && x.hasCode())
                .map(Coding::getCode).findFirst().orElse(null);
    }

    private static String codes(CodeableConcept concept) {
        return concept.getCoding().isEmpty() ? "（なし）" : shown(String.join(",", concept.getCoding().stream()
                .map(x -> x.getCode() == null ? "?" : x.getCode()).toList()));
    }

    private void problem(ErrorCode code, String location, String detail) {
        problems.add(new ClinsProblem(code, location, detail));
    }

    private static String shown(String value) {
        return value == null ? "（なし）" : ClinsBundleReading.cut(value);
    }
}
