package org.openoqs.core.xml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Map;
import org.openoqs.core.code.CharacterCode;

/**
 * Writes an {@link XmlNode} tree as an OQS file: {@code <?xml version="1.0" encoding="UTF-8" standalone="no"?>}
 * (or {@code encoding="Shift_JIS"} with windows-31j bytes), LF line ends, 2-space indentation, no BOM, a final
 * line end. {@code &}, {@code <}, {@code >} are escaped (and {@code "} plus tab/LF/CR in attributes); a CR in text
 * is written as {@code &#13;} so it survives parsing.
 *
 * <p>Characters are never turned into {@code ?} or character references: a character the target encoding cannot
 * hold, or that XML 1.0 forbids, is replaced on purpose by the geta mark 〓 (U+3013) and counted in
 * {@link WrittenDocument#substitutions()}. For Shift_JIS, characters that have a Windows twin (〜→～, −→－, ‖→∥,
 * —→―, ¢→￠, £→￡, ¬→￢, ¥→￥, ‾→￣) are written as the twin and counted in
 * {@link WrittenDocument#normalizations()}. Instances are thread-safe.
 */
public final class XmlDocumentWriter {

    /** 〓 GETA MARK, the conventional stand-in for a character that cannot be printed or encoded. */
    public static final char SUBSTITUTE = '\u3013';

    private static final Map<Integer, Integer> SHIFT_JIS_TWINS = Map.of(
            0x301C, 0xFF5E, // WAVE DASH → FULLWIDTH TILDE
            0x2212, 0xFF0D, // MINUS SIGN → FULLWIDTH HYPHEN-MINUS
            0x2016, 0x2225, // DOUBLE VERTICAL LINE → PARALLEL TO
            0x2014, 0x2015, // EM DASH → HORIZONTAL BAR
            0x00A2, 0xFFE0, // ¢ → ￠
            0x00A3, 0xFFE1, // £ → ￡
            0x00AC, 0xFFE2, // ¬ → ￢
            0x00A5, 0xFFE5, // ¥ → ￥ (windows-31j would write 0x5C, which reads back as a backslash)
            0x203E, 0xFFE3); // ‾ → ￣

    /** Writes the document; see the class comment for the substitution rules. */
    public WrittenDocument write(XmlNode root, CharacterCode code) {
        Session s = new Session(code);
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\" encoding=\"").append(code.declaredName()).append("\" standalone=\"no\"?>\n");
        writeElement(s, out, root, 0);
        byte[] bytes;
        try {
            ByteBuffer buffer = code.charset().newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(out));
            bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("every character was checked before encoding", e);
        }
        return new WrittenDocument(bytes, s.substitutions, s.normalizations);
    }

    /** Convenience: just the bytes. */
    public byte[] writeBytes(XmlNode root, CharacterCode code) {
        return write(root, code).bytes();
    }

    private static void writeElement(Session s, StringBuilder out, XmlNode node, int depth) {
        String indent = "  ".repeat(depth);
        out.append(indent).append('<').append(node.name());
        for (Map.Entry<String, String> a : node.attributes().entrySet()) {
            out.append(' ').append(a.getKey()).append("=\"");
            s.appendEscaped(out, a.getValue(), true);
            out.append('"');
        }
        if (node.children().isEmpty()) {
            if (node.text().isEmpty()) {
                out.append("/>\n");
                return;
            }
            out.append('>');
            s.appendEscaped(out, node.text(), false);
            out.append("</").append(node.name()).append(">\n");
            return;
        }
        out.append('>');
        if (!node.text().isEmpty()) {
            s.appendEscaped(out, node.text(), false); // mixed content: not used by OQS messages
        }
        out.append('\n');
        for (XmlNode child : node.children()) {
            writeElement(s, out, child, depth + 1);
        }
        out.append(indent).append("</").append(node.name()).append(">\n");
    }

    /** Per-call state: encoder checks and counters. */
    private static final class Session {
        private final boolean shiftJis;
        private final CharsetEncoder encoder;
        private final CharsetDecoder decoder;
        int substitutions;
        int normalizations;

        Session(CharacterCode code) {
            this.shiftJis = code == CharacterCode.SHIFT_JIS;
            this.encoder = code.charset().newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            this.decoder = code.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        void appendEscaped(StringBuilder out, String text, boolean attribute) {
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                // a lone surrogate comes back from codePointAt as itself
                cp = acceptable(cp);
                switch (cp) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append(attribute ? "&quot;" : "\"");
                    case '\r' -> out.append("&#13;");
                    case '\n' -> out.append(attribute ? "&#10;" : "\n");
                    case '\t' -> out.append(attribute ? "&#9;" : "\t");
                    default -> out.appendCodePoint(cp);
                }
            }
        }

        /** The code point to write: itself, its Shift_JIS twin, or 〓. */
        private int acceptable(int cp) {
            if (!isXmlChar(cp)) {
                substitutions++;
                return SUBSTITUTE;
            }
            if (cp < 0x80 || !shiftJis) {
                return cp; // UTF-8 holds every XML character
            }
            Integer twin = SHIFT_JIS_TWINS.get(cp);
            if (twin != null) {
                normalizations++;
                return twin;
            }
            if (roundTrips(cp)) {
                return cp;
            }
            substitutions++;
            return SUBSTITUTE;
        }

        private boolean roundTrips(int cp) {
            if (cp == 0xFFFD) {
                return false; // a replacement character already means "lost"; never pass it on in Shift_JIS
            }
            String s = new String(Character.toChars(cp));
            try {
                encoder.reset();
                decoder.reset();
                ByteBuffer bytes = encoder.encode(CharBuffer.wrap(s));
                return decoder.decode(bytes).toString().equals(s);
            } catch (CharacterCodingException e) {
                return false;
            }
        }

        private static boolean isXmlChar(int cp) {
            return cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
        }
    }
}
