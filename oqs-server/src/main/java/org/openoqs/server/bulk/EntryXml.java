package org.openoqs.server.bulk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openoqs.core.xml.XmlNode;

/**
 * How an upload element is kept in {@code bulk_entry.request_xml}: the {@link XmlNode} tree exactly (names, verbatim
 * text, attributes, child order), in a compact form that reads back without an XML parser — a worker reads 10,000
 * of them per job. The separators are control characters XML 1.0 forbids in documents, so no parsed text contains
 * them: {@code U+0001} name {@code U+0002} text, then per attribute {@code U+0004} key {@code U+0002} value, then the
 * children, then {@code U+0003}.
 */
final class EntryXml {

    private static final char OPEN = '\u0001';
    private static final char VALUE = '\u0002';
    private static final char CLOSE = '\u0003';
    private static final char ATTRIBUTE = '\u0004';

    private EntryXml() {
    }

    static String store(XmlNode element) {
        StringBuilder sb = new StringBuilder(512);
        write(element, sb);
        return sb.toString();
    }

    private static void write(XmlNode node, StringBuilder sb) {
        sb.append(OPEN).append(node.name()).append(VALUE).append(node.text());
        for (Map.Entry<String, String> a : node.attributes().entrySet()) {
            sb.append(ATTRIBUTE).append(a.getKey()).append(VALUE).append(a.getValue());
        }
        for (XmlNode child : node.children()) {
            write(child, sb);
        }
        sb.append(CLOSE);
    }

    static XmlNode load(String stored) {
        int[] at = {0};
        XmlNode node = read(stored, at);
        if (at[0] != stored.length()) {
            throw new IllegalArgumentException("trailing characters in a stored bulk entry");
        }
        return node;
    }

    private static XmlNode read(String s, int[] at) {
        expect(s, at, OPEN);
        String name = until(s, at, VALUE);
        at[0]++;
        String text = untilAny(s, at);
        Map<String, String> attributes = new LinkedHashMap<>();
        while (s.charAt(at[0]) == ATTRIBUTE) {
            at[0]++;
            String key = until(s, at, VALUE);
            at[0]++;
            attributes.put(key, untilAny(s, at));
        }
        List<XmlNode> children = new ArrayList<>();
        while (s.charAt(at[0]) == OPEN) {
            children.add(read(s, at));
        }
        expect(s, at, CLOSE);
        return new XmlNode(name, attributes, text, children);
    }

    private static void expect(String s, int[] at, char c) {
        if (at[0] >= s.length() || s.charAt(at[0]) != c) {
            throw new IllegalArgumentException("malformed stored bulk entry at " + at[0]);
        }
        at[0]++;
    }

    private static String until(String s, int[] at, char c) {
        int end = s.indexOf(c, at[0]);
        if (end < 0) {
            throw new IllegalArgumentException("malformed stored bulk entry at " + at[0]);
        }
        String out = s.substring(at[0], end);
        at[0] = end;
        return out;
    }

    /** Text up to the next separator of any kind. */
    private static String untilAny(String s, int[] at) {
        int i = at[0];
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == OPEN || c == CLOSE || c == ATTRIBUTE) {
                break;
            }
            i++;
        }
        String out = s.substring(at[0], i);
        at[0] = i;
        return out;
    }
}
