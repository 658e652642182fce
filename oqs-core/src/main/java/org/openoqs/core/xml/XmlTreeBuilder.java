package org.openoqs.core.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.openoqs.core.Internal;
import org.openoqs.core.error.ErrorCode;

/**
 * Builds {@link XmlNode} trees from the events of a StAX reader: the one way openoqs turns XML into its tree, used by
 * {@link XmlDocumentReader} for a whole document and by the bulk reader for one header or body element at a time. It
 * also refuses, the same way for both, the events no OQS file contains (a DTD, entity declarations and references).
 *
 * <p>Text of an element with children is stripped (indentation); a leaf keeps its text as written. Not thread-safe:
 * one builder per parse.
 */
@Internal
public final class XmlTreeBuilder {

    private final Deque<Frame> open = new ArrayDeque<>();

    /** Throws for a DTD or entity event; does nothing for any other. */
    public static void refuseDoctype(int event) {
        switch (event) {
            case XMLStreamConstants.DTD -> throw new XmlRejectedException(ErrorCode.DOCTYPE_FORBIDDEN, null);
            case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
                    XMLStreamConstants.NOTATION_DECLARATION ->
                    throw new XmlRejectedException(ErrorCode.DOCTYPE_FORBIDDEN, "実体参照は使用できません");
            default -> {
                // an event a message may contain
            }
        }
    }

    /** Opens the element the reader is at ({@code START_ELEMENT}), with its attributes. */
    public void start(XMLStreamReader reader) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        open.push(new Frame(reader.getLocalName(), attributes));
    }

    /** Adds the reader's text ({@code CHARACTERS}, {@code CDATA}, {@code SPACE}) to the innermost open element. */
    public void text(XMLStreamReader reader) {
        if (!open.isEmpty()) {
            open.peek().text.append(reader.getText());
        }
    }

    /**
     * Closes the innermost open element ({@code END_ELEMENT}).
     *
     * @return the element when it was the outermost one being built (a whole tree is done), else {@code null} (it
     *         became a child of the element around it)
     */
    public XmlNode end() {
        XmlNode node = open.pop().toNode();
        if (open.isEmpty()) {
            return node;
        }
        open.peek().children.add(node);
        return null;
    }

    /** How many elements are open. */
    public int depth() {
        return open.size();
    }

    /** Whether an element is being built. */
    public boolean building() {
        return !open.isEmpty();
    }

    private static final class Frame {
        final String name;
        final Map<String, String> attributes;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Frame(String name, Map<String, String> attributes) {
            this.name = name;
            this.attributes = attributes;
        }

        XmlNode toNode() {
            String t = children.isEmpty() ? text.toString() : text.toString().strip();
            return new XmlNode(name, attributes, t, children);
        }
    }
}
