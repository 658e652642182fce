package org.openoqs.server.clins.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A document Bundle as a reader sees it on screen: its title and sections in the Composition's order, each with its
 * Japanese title, its narrative and one line per referenced entry (傷病名, 医療機関, 医師, 入院期間, 添付文書) — and an
 * attached 退院時サマリー rendered the same way below it. Plain text only: the narrative's XHTML is reduced to its text, so
 * nothing of the sender's markup reaches the page.
 */
public final class DocumentRendering {

    /** One section: its depth (0 top, 1 inside 構造情報), title, narrative and entry lines. */
    public record Section(int depth, String code, String title, String text, List<String> entries) {
    }

    /** A rendered document; {@code attachments} holds the attached 退院時サマリー. */
    public record Rendered(String title, String patientName, String date, List<Section> sections,
            List<Rendered> attachments) {
    }

    private DocumentRendering() {
    }

    public static Rendered render(Bundle bundle) {
        Map<String, Resource> byUrl = bundle.getEntry().stream().filter(e -> e.getFullUrl() != null)
                .collect(Collectors.toMap(Bundle.BundleEntryComponent::getFullUrl, Bundle.BundleEntryComponent::getResource,
                        (a, b) -> a));
        Composition composition = (Composition) bundle.getEntryFirstRep().getResource();
        String patient = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(r -> ((Patient) r).getNameFirstRep().getText()).findFirst().orElse("");
        List<Section> sections = new ArrayList<>();
        List<Rendered> attachments = new ArrayList<>();
        for (Composition.SectionComponent s : composition.getSection()) {
            add(sections, s, 0, byUrl, attachments);
        }
        return new Rendered(composition.getTitle(), patient, composition.getDateElement().getValueAsString(), sections,
                attachments);
    }

    private static void add(List<Section> out, Composition.SectionComponent s, int depth, Map<String, Resource> byUrl,
            List<Rendered> attachments) {
        List<String> entries = new ArrayList<>();
        for (Reference r : s.getEntry()) {
            Resource target = byUrl.get(r.getReference());
            if (target instanceof Bundle attached) {
                Rendered summary = render(attached);
                attachments.add(summary);
                entries.add("添付: " + summary.title());
            } else if (target != null) {
                entries.add(line(target));
            }
        }
        String text = s.hasText() && s.getText().getDiv() != null ? s.getText().getDiv().allText().strip() : "";
        out.add(new Section(depth, s.getCode().getCodingFirstRep().getCode(), s.getTitle(), text, entries));
        for (Composition.SectionComponent inner : s.getSection()) {
            add(out, inner, depth + 1, byUrl, attachments);
        }
    }

    private static final Map<Class<?>, Function<Resource, String>> LINES = Map.of(
            Condition.class, r -> "傷病名: " + ((Condition) r).getCode().getText(),
            Organization.class, r -> "医療機関: " + ((Organization) r).getName() + "（"
                    + ((Organization) r).getIdentifierFirstRep().getValue() + "）",
            Practitioner.class, r -> "医師: " + ((Practitioner) r).getNameFirstRep().getText(),
            Encounter.class, r -> "入院期間: " + ((Encounter) r).getPeriod().getStartElement().getValueAsString() + "〜"
                    + ((Encounter) r).getPeriod().getEndElement().getValueAsString(),
            DocumentReference.class, r -> documentLine((DocumentReference) r),
            Observation.class, r -> observationLine((Observation) r));

    private static String line(Resource r) {
        Function<Resource, String> f = LINES.get(r.getClass());
        return f == null ? r.fhirType() : f.apply(r);
    }

    /** A check-up result: its item and value with the unit (健康診断結果報告書). */
    private static String observationLine(Observation o) {
        String item = o.getCode().hasText() ? o.getCode().getText() : o.getCode().getCodingFirstRep().getDisplay();
        String value;
        if (o.hasValueQuantity() && o.getValueQuantity().hasValue()) {
            value = o.getValueQuantity().getValue().stripTrailingZeros().toPlainString()
                    + (o.getValueQuantity().hasUnit() ? " " + o.getValueQuantity().getUnit() : "");
        } else if (o.hasValueStringType()) {
            value = o.getValueStringType().getValue();
        } else if (o.hasValueCodeableConcept()) {
            value = o.getValueCodeableConcept().hasText() ? o.getValueCodeableConcept().getText()
                    : o.getValueCodeableConcept().getCodingFirstRep().getDisplay();
        } else {
            value = "（値なし）";
        }
        return item + ": " + value;
    }

    private static String documentLine(DocumentReference d) {
        var a = d.getContentFirstRep().getAttachment();
        String type = a.getContentType() == null ? "" : a.getContentType();
        if (type.startsWith("text/plain") && a.hasData()) {
            return (a.hasTitle() ? a.getTitle() + ": " : "") + new String(a.getData(), StandardCharsets.UTF_8);
        }
        return "添付ファイル: " + (a.hasTitle() ? a.getTitle() : "（無題）") + "（" + type + "）";
    }
}
