package org.openoqs.core.bulk;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;

/**
 * Pieces of an OQS file written one element at a time, so that a result of 10,000 units can be streamed (and each
 * unit stored pre-rendered). Every piece is written by {@link XmlDocumentWriter}, so escaping, indentation and the
 * Shift_JIS substitution rules are exactly those of a whole document: the element is written inside
 * {@code depth} wrapper elements and cut out of the output again.
 */
final class XmlFragments {

    private static final XmlDocumentWriter WRITER = new XmlDocumentWriter();
    private static final String WRAPPER = "w";

    private XmlFragments() {
    }

    /** The declaration line {@link XmlDocumentWriter} writes for this encoding. */
    public static String declaration(CharacterCode code) {
        return "<?xml version=\"1.0\" encoding=\"" + code.declaredName() + "\" standalone=\"no\"?>\n";
    }

    /**
     * The element as it appears at {@code depth} (indented by {@code 2 × depth} spaces) in a document written in
     * {@code code}, ending with a line end. Characters the encoding cannot hold are already substituted.
     */
    public static String render(XmlNode element, int depth, CharacterCode code) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1");
        }
        XmlNode wrapped = element;
        for (int i = 0; i < depth; i++) {
            wrapped = XmlNode.element(WRAPPER, wrapped);
        }
        String text = new String(WRITER.writeBytes(wrapped, code), code.charset());
        int start = 0;
        for (int i = 0; i < depth + 1; i++) { // the declaration and the opening wrapper lines
            start = text.indexOf('\n', start) + 1;
        }
        int end = text.length();
        for (int i = 0; i < depth; i++) { // the closing wrapper lines
            end = text.lastIndexOf('\n', end - 2) + 1;
        }
        return text.substring(start, end);
    }

    /**
     * The bytes of a fragment rendered for UTF-8, in {@code code}: encoded directly when every character survives
     * the encoding unchanged, else parsed and written again so that the writer's substitution rules apply.
     */
    public static byte[] encode(String utf8Rendered, int depth, CharacterCode code) {
        if (code == CharacterCode.UTF_8) {
            return utf8Rendered.getBytes(code.charset());
        }
        byte[] exact = encodeExactly(utf8Rendered, code);
        if (exact != null) {
            return exact;
        }
        XmlNode node = new XmlDocumentReader().read(utf8Rendered.getBytes(CharacterCode.UTF_8.charset()));
        return render(node, depth, code).getBytes(code.charset());
    }

    /** The text's bytes when it encodes and decodes back unchanged, else {@code null}. */
    static byte[] encodeExactly(String text, CharacterCode code) {
        try {
            ByteBuffer bytes = code.charset().newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] out = Arrays.copyOf(bytes.array(), bytes.limit());
            String back = code.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out)).toString();
            return back.equals(text) ? out : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
