package org.openoqs.server.clins;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openoqs.core.clins.ClinsItemSummary;
import org.openoqs.core.clins.ClinsKind;
import org.openoqs.core.registry.Person;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read side of 電子カルテ情報 (docs/clins.md): what every facility registered for a person, as a viewer may see it.
 * 疑い病名 and UNDELIVERED items are never shown; UNINFORMED ones are shown and marked. 傷病名・アレルギー・感染症
 * count in the months of their registration (each upload is the complete current set), 検査 in the months of the
 * specimen; 検査 then shows per item the results of the last year, and at least the last three when older.
 */
@Component
public class ClinsInformation {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 検査: results younger than this are all shown … */
    static final int LAB_YEARS = 1;
    /** … and at least this many of the newest per item. */
    static final int LAB_LAST_RESULTS = 3;

    /** What is shown: the items in order and the FHIR Bundle (JSON) carrying them with a Patient first. */
    public record View(List<ClinsItemSummary> items, List<ClinsStore.StoredItem> stored, String fhirBundleJson) {
    }

    private final ClinsStore store;
    private final JsonMapper json = JsonMapper.builder().build();

    public ClinsInformation(ClinsStore store) {
        this.store = store;
    }

    public View of(Person person, YearMonth from, YearMonth to, LocalDate today, OffsetDateTime now) {
        List<ClinsStore.StoredItem> shown = select(store.itemsOf(person.personId(), today), from, to, today);
        String patientUrl = urn("patient-" + person.personId() + "-" + now);
        ObjectNode bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        bundle.put("timestamp", now.toString());
        ArrayNode entries = bundle.putArray("entry");
        ObjectNode patientEntry = entries.addObject();
        patientEntry.put("fullUrl", patientUrl);
        patientEntry.set("resource", patient(person));
        List<ClinsItemSummary> summaries = new ArrayList<>();
        for (ClinsStore.StoredItem item : shown) {
            String url = urn("item-" + item.itemId());
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", url);
            entry.set("resource", resource(item, patientUrl));
            summaries.add(new ClinsItemSummary(item.kind(), item.display(), item.clinicalDate(),
                    LocalDate.ofInstant(item.registeredAt(), TOKYO), item.institutionCode(), item.uninformed(), url));
        }
        return new View(List.copyOf(summaries), shown, bundle.toString());
    }

    /** The viewing rules, without storage: exposed for the tests of the 検査 rule. */
    static List<ClinsStore.StoredItem> select(List<ClinsStore.StoredItem> all, YearMonth from, YearMonth to,
            LocalDate today) {
        List<ClinsStore.StoredItem> visible = all.stream().filter(i -> !i.unconfirmed() && !i.undelivered())
                .filter(i -> inMonths(monthOf(i), from, to)).toList();
        Map<String, List<ClinsStore.StoredItem>> labSeries = new HashMap<>();
        visible.stream().filter(i -> i.kind() == ClinsKind.LAB)
                .forEach(i -> labSeries.computeIfAbsent(i.itemKey(), k -> new ArrayList<>()).add(i));
        List<ClinsStore.StoredItem> labsShown = new ArrayList<>();
        LocalDate yearAgo = today.minusYears(LAB_YEARS);
        for (List<ClinsStore.StoredItem> series : labSeries.values()) {
            series.sort(Comparator.comparing(ClinsStore.StoredItem::clinicalDate,
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(ClinsStore.StoredItem::itemId,
                    Comparator.reverseOrder()));
            for (int n = 0; n < series.size(); n++) {
                ClinsStore.StoredItem i = series.get(n);
                if (n < LAB_LAST_RESULTS || (i.clinicalDate() != null && !i.clinicalDate().isBefore(yearAgo))) {
                    labsShown.add(i);
                }
            }
        }
        List<ClinsStore.StoredItem> out = new ArrayList<>(visible.stream().filter(i -> i.kind() != ClinsKind.LAB).toList());
        out.addAll(labsShown);
        out.sort(Comparator.comparing(ClinsStore.StoredItem::kind)
                .thenComparing(ClinsStore.StoredItem::clinicalDate, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ClinsStore.StoredItem::itemId));
        return out;
    }

    private static YearMonth monthOf(ClinsStore.StoredItem i) {
        if (i.kind() == ClinsKind.LAB && i.clinicalDate() != null) {
            return YearMonth.from(i.clinicalDate());
        }
        return YearMonth.from(i.registeredAt().atZone(TOKYO));
    }

    private static boolean inMonths(YearMonth m, YearMonth from, YearMonth to) {
        return !m.isBefore(from) && !m.isAfter(to);
    }

    /** The stored resource pointing at this Bundle's Patient, and tagged UNINFORMED when the Bundle was. */
    private JsonNode resource(ClinsStore.StoredItem item, String patientUrl) {
        ObjectNode r = (ObjectNode) json.readTree(item.resourceJson().getBytes(StandardCharsets.UTF_8));
        String field = "AllergyIntolerance".equals(r.path("resourceType").asString()) ? "patient" : "subject";
        r.putObject(field).put("reference", patientUrl);
        if (item.uninformed()) {
            ObjectNode meta = r.has("meta") && r.get("meta").isObject() ? (ObjectNode) r.get("meta") : r.putObject("meta");
            ArrayNode tags = meta.has("tag") && meta.get("tag").isArray() ? (ArrayNode) meta.get("tag") : meta.putArray("tag");
            boolean tagged = false;
            for (JsonNode t : tags) {
                tagged |= ClinsCanonical.INDICATION_TAG.equals(t.path("system").asString())
                        && ClinsCanonical.UNINFORMED.equals(t.path("code").asString());
            }
            if (!tagged) {
                tags.addObject().put("system", ClinsCanonical.INDICATION_TAG).put("code", ClinsCanonical.UNINFORMED)
                        .put("display", "未告知");
            }
        }
        return r;
    }

    private ObjectNode patient(Person person) {
        ObjectNode p = json.createObjectNode();
        p.put("resourceType", "Patient");
        ObjectNode name = p.putArray("name").addObject();
        name.put("use", "official");
        name.put("text", person.name());
        if (person.sex() != null) {
            p.put("gender", switch (person.sex().code()) {
                case "1" -> "male";
                case "2" -> "female";
                default -> "unknown";
            });
        }
        p.put("birthDate", person.birthdate().toString());
        return p;
    }

    private static String urn(String seed) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }
}
