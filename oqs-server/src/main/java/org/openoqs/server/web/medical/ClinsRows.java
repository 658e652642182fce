package org.openoqs.server.web.medical;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openoqs.core.clins.ClinsKind;
import org.openoqs.server.clins.ClinsInformation;
import org.openoqs.server.clins.ClinsStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 電子カルテ情報 screen's tables, one per {@link ClinsKind}, read from the registered FHIR resources so the template
 * only prints text: dates as yyyy/MM/dd, results with their unit and reference range, 未告知 marked.
 */
final class ClinsRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One registered item. {@code date}: 発症日 / 記録日 / 検体採取日; {@code detail}: アレルギー等 の分類・重篤度;
     * {@code result}, {@code unit}, {@code range}: 検査・感染症 only.
     */
    record ClinsRow(String date, String name, String code, String detail, String result, String unit, String range,
                    String institution, String registered, boolean uninformed) {
    }

    /** The rows of one table, with its Japanese heading and the element id of the table. */
    record ClinsTable(String id, String title, List<ClinsRow> rows) {
    }

    private ClinsRows() {
    }

    static List<ClinsTable> tables(List<ClinsStore.StoredItem> items) {
        Map<ClinsKind, List<ClinsRow>> byKind = new EnumMap<>(ClinsKind.class);
        for (ClinsKind kind : ClinsKind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        for (ClinsStore.StoredItem item : items) {
            byKind.get(item.kind()).add(row(item, JSON.readTree(item.resourceJson().getBytes(StandardCharsets.UTF_8))));
        }
        List<ClinsTable> tables = new ArrayList<>();
        for (ClinsKind kind : ClinsKind.values()) {
            tables.add(new ClinsTable("clins-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    title(kind), byKind.get(kind)));
        }
        return tables;
    }

    private static String title(ClinsKind kind) {
        return kind == ClinsKind.DRUG_ALLERGY ? "薬剤禁忌（" + kind.label() + "）" : kind.label();
    }

    private static ClinsRow row(ClinsStore.StoredItem item, JsonNode resource) {
        String code = item.itemKey().substring(item.itemKey().indexOf('|') + 1);
        String registered = MedicalViews.date(LocalDate.ofInstant(item.registeredAt(), ClinsInformation.TOKYO));
        String date = item.clinicalDate() == null ? MedicalViews.ABSENT : MedicalViews.date(item.clinicalDate());
        String detail = "";
        String result = "";
        String unit = "";
        String range = "";
        switch (item.kind()) {
            case DRUG_ALLERGY, OTHER_ALLERGY -> detail = allergyDetail(resource);
            case INFECTION, LAB -> {
                result = result(resource);
                unit = resource.path("valueQuantity").path("unit").asString("");
                range = range(resource.path("referenceRange").path(0));
            }
            default -> { }
        }
        return new ClinsRow(date, item.display(), code, detail, result, unit, range, item.institutionCode(), registered,
                item.uninformed());
    }

    private static String allergyDetail(JsonNode r) {
        List<String> parts = new ArrayList<>();
        for (JsonNode c : r.path("category")) {
            parts.add(switch (c.asString("")) {
                case "food" -> "食物";
                case "medication" -> "薬剤";
                case "environment" -> "環境";
                case "biologic" -> "生物製剤";
                default -> c.asString("");
            });
        }
        String criticality = switch (r.path("criticality").asString("")) {
            case "high" -> "重篤度 高";
            case "low" -> "重篤度 低";
            case "unable-to-assess" -> "重篤度 評価不能";
            default -> "";
        };
        if (!criticality.isEmpty()) {
            parts.add(criticality);
        }
        return String.join("・", parts);
    }

    private static String result(JsonNode r) {
        if (r.has("valueQuantity")) {
            return number(r.path("valueQuantity").path("value"));
        }
        if (r.has("valueString")) {
            return r.path("valueString").asString("");
        }
        JsonNode concept = r.path("valueCodeableConcept");
        if (!concept.isMissingNode()) {
            return concept.path("text").asString(concept.path("coding").path(0).path("display").asString(""));
        }
        return MedicalViews.ABSENT;
    }

    /** 基準値: the range's text, else low～high. */
    private static String range(JsonNode range) {
        if (range.isMissingNode()) {
            return "";
        }
        if (range.has("text")) {
            return range.path("text").asString("");
        }
        String low = number(range.path("low").path("value"));
        String high = number(range.path("high").path("value"));
        return low.isEmpty() && high.isEmpty() ? "" : low + "～" + high;
    }

    private static String number(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asString("");
    }
}
