package org.openoqs.core.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openoqs.core.error.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of an XML message, as used by the terminal API (the real OQS Web API mirrors its XML the same way):
 * {@code {"XmlMsg":{"MessageHeader":{…},"MessageBody":{…}}}}.
 *
 * <ul>
 *   <li>an element without children becomes a string (its text, verbatim; an empty element becomes {@code ""});</li>
 *   <li>an element with children becomes an object whose keys are the child names in first-appearance order;</li>
 *   <li>a name that appears more than once, or that is in {@link #LIST_ELEMENTS}, becomes an array;</li>
 *   <li>attributes (not used by OQS messages) become {@code "@name"} keys, and then the text goes to {@code "#text"}.</li>
 * </ul>
 * Reading accepts an array or a single value for any element, numbers and booleans as text, and skips
 * {@code null}. The root must be an object with exactly one key. Thread-safe.
 */
public final class JsonMirror {

    /** Elements that are always arrays in JSON, even with a single occurrence. */
    public static final Set<String> LIST_ELEMENTS = Set.of(
            "ResultOfQualificationConfirmation",
            "SpecificDiseasesCertificateInfo",
            "BulkConfirmUnit",
            "BulkRegistrationUnit",
            "MedicalTicketInfo");

    private static final String TEXT_KEY = "#text";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonMirror() {
    }

    // ---- XML → JSON -------------------------------------------------------------------------------------------

    /** {@code {"<root name>": …}} as a tree. */
    public static ObjectNode toJsonNode(XmlNode root) {
        ObjectNode wrapper = NODES.objectNode();
        wrapper.set(root.name(), valueOf(root));
        return wrapper;
    }

    /** Compact JSON text. */
    public static String toJson(XmlNode root) {
        return MAPPER.writeValueAsString(toJsonNode(root));
    }

    /** Indented JSON text, for documentation and logs. */
    public static String toPrettyJson(XmlNode root) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJsonNode(root));
    }

    public static byte[] toJsonBytes(XmlNode root) {
        return toJson(root).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode valueOf(XmlNode node) {
        if (node.children().isEmpty() && node.attributes().isEmpty()) {
            return NODES.stringNode(node.text());
        }
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, String> a : node.attributes().entrySet()) {
            object.put("@" + a.getKey(), a.getValue());
        }
        if (!node.text().isEmpty() || node.children().isEmpty()) {
            object.put(TEXT_KEY, node.text());
        }
        Map<String, List<XmlNode>> groups = new LinkedHashMap<>();
        for (XmlNode child : node.children()) {
            groups.computeIfAbsent(child.name(), k -> new ArrayList<>()).add(child);
        }
        for (Map.Entry<String, List<XmlNode>> g : groups.entrySet()) {
            if (g.getValue().size() == 1 && !LIST_ELEMENTS.contains(g.getKey())) {
                object.set(g.getKey(), valueOf(g.getValue().get(0)));
            } else {
                ArrayNode array = object.putArray(g.getKey());
                for (XmlNode child : g.getValue()) {
                    array.add(valueOf(child));
                }
            }
        }
        return object;
    }

    // ---- JSON → XML -------------------------------------------------------------------------------------------

    /** Parses JSON text; throws {@link JsonRejectedException} for anything that is not a mirrored message. */
    public static XmlNode fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new JsonRejectedException(ErrorCode.EMPTY_FILE, null);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new JsonRejectedException(ErrorCode.MALFORMED_JSON, "JSONとして解析できません", e);
        }
        return fromJsonNode(tree);
    }

    public static XmlNode fromJson(byte[] utf8) {
        if (utf8 == null || utf8.length == 0) {
            throw new JsonRejectedException(ErrorCode.EMPTY_FILE, null);
        }
        return fromJson(new String(utf8, StandardCharsets.UTF_8));
    }

    public static XmlNode fromJsonNode(JsonNode tree) {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new JsonRejectedException(ErrorCode.EMPTY_FILE, null);
        }
        if (!tree.isObject()) {
            throw new JsonRejectedException(ErrorCode.MALFORMED_JSON,
                    "ルートはオブジェクト（例: {\"XmlMsg\":{…}}）である必要があります");
        }
        if (tree.size() != 1) {
            throw new JsonRejectedException(ErrorCode.MALFORMED_JSON,
                    "ルートのキーは1つ（例: XmlMsg）である必要があります（" + tree.size() + "個）");
        }
        Map.Entry<String, JsonNode> root = tree.properties().iterator().next();
        JsonNode value = root.getValue();
        if (value.isArray()) {
            if (value.size() != 1) {
                throw new JsonRejectedException(ErrorCode.MALFORMED_JSON, "ルート要素は1つである必要があります");
            }
            value = value.get(0);
        }
        checkName(root.getKey());
        return nodeOf(root.getKey(), value, 1);
    }

    private static XmlNode nodeOf(String name, JsonNode value, int depth) {
        if (depth > XmlDocumentReader.DEFAULT_MAX_DEPTH) {
            throw new JsonRejectedException(ErrorCode.XML_TOO_COMPLEX, "階層の深さが上限を超えています");
        }
        if (value.isValueNode()) {
            return XmlNode.leaf(name, value.asString());
        }
        if (!value.isObject()) {
            throw new JsonRejectedException(ErrorCode.MALFORMED_JSON, name + " の値として配列の配列は使用できません");
        }
        XmlNode.Builder b = XmlNode.builder(name);
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            if (key.equals(TEXT_KEY)) {
                b.text(v.asString());
            } else if (key.startsWith("@")) {
                checkName(key.substring(1));
                b.attribute(key.substring(1), v.asString());
            } else {
                checkName(key);
                if (v.isArray()) {
                    for (JsonNode item : v) {
                        if (!item.isNull()) {
                            b.child(nodeOf(key, item, depth + 1));
                        }
                    }
                } else {
                    b.child(nodeOf(key, v, depth + 1));
                }
            }
        }
        return b.build();
    }

    /** Keys become element names: allow only simple XML names so a JSON body can never inject markup. */
    private static void checkName(String name) {
        boolean ok = !name.isEmpty() && name.length() <= 100
                && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_');
        for (int i = 1; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
        }
        if (!ok) {
            throw new JsonRejectedException(ErrorCode.MALFORMED_JSON, "要素名として使用できないキーがあります");
        }
    }
}
