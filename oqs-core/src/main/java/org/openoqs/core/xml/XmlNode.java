package org.openoqs.core.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A tiny immutable XML element: name, attributes (usually none in OQS files), text and ordered children.
 * No namespaces. {@code text} is the element's own character data, verbatim (leading spaces kept, as in a
 * space-padded {@code InsurerNumber}); for an element with children it is the (stripped) non-indentation text,
 * normally empty. Never {@code null}.
 */
public record XmlNode(String name, Map<String, String> attributes, String text, List<XmlNode> children) {

    public XmlNode {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("element name must not be empty");
        }
        attributes = attributes == null || attributes.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        text = text == null ? "" : text;
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** A leaf element {@code <name>text</name>}. */
    public static XmlNode leaf(String name, String text) {
        return new XmlNode(name, Map.of(), text, List.of());
    }

    /** An element with children and no text. */
    public static XmlNode element(String name, List<XmlNode> children) {
        return new XmlNode(name, Map.of(), "", children);
    }

    public static XmlNode element(String name, XmlNode... children) {
        return element(name, List.of(children));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    /** The first child with this name. */
    public Optional<XmlNode> child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** All children with this name, in document order. */
    public List<XmlNode> children(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The text of the first child with this name (verbatim, possibly empty). */
    public Optional<String> text(String childName) {
        return child(childName).map(XmlNode::text);
    }

    /** Follows a path of child names, first match at each step: {@code path("MessageBody", "ResultList")}. */
    public Optional<XmlNode> path(String... names) {
        XmlNode current = this;
        for (String n : names) {
            Optional<XmlNode> next = current.child(n);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    public Optional<String> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName));
    }

    /** Number of elements in this subtree, this one included. */
    public int elementCount() {
        int n = 1;
        for (XmlNode c : children) {
            n += c.elementCount();
        }
        return n;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb, 0);
        return sb.toString();
    }

    private void appendTo(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append(name);
        if (!attributes.isEmpty()) {
            sb.append(' ').append(attributes);
        }
        if (!text.isEmpty()) {
            sb.append(" = \"").append(text).append('"');
        }
        sb.append('\n');
        for (XmlNode c : children) {
            c.appendTo(sb, depth + 1);
        }
    }

    /** Mutable builder for writing. Helpers that take a possibly-null value skip it, so optional fields are one line. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<XmlNode> children = new ArrayList<>();
        private String text = "";

        private Builder(String name) {
            this.name = name;
        }

        public Builder attribute(String attributeName, String value) {
            attributes.put(attributeName, value);
            return this;
        }

        public Builder text(String value) {
            this.text = value == null ? "" : value;
            return this;
        }

        /** Adds a child; {@code null} is ignored. */
        public Builder child(XmlNode node) {
            if (node != null) {
                children.add(node);
            }
            return this;
        }

        /** Adds a child built in place. */
        public Builder child(String childName, Consumer<Builder> content) {
            Builder b = new Builder(childName);
            content.accept(b);
            children.add(b.build());
            return this;
        }

        /** Adds a leaf; a {@code null} value adds nothing (an empty string adds an empty element). */
        public Builder leaf(String childName, String value) {
            if (value != null) {
                children.add(XmlNode.leaf(childName, value));
            }
            return this;
        }

        public Builder children(List<XmlNode> nodes) {
            for (XmlNode n : nodes) {
                child(n);
            }
            return this;
        }

        public boolean hasChildren() {
            return !children.isEmpty();
        }

        public XmlNode build() {
            return new XmlNode(name, attributes, text, children);
        }
    }
}
