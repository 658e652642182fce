package org.openoqs.core.xml;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.error.ErrorCode;

/**
 * The rules every reader of request files applies before a parser sees the text — the single-file
 * {@link XmlDocumentReader} and the streaming bulk reader alike: which encoding the declaration names and whether
 * openoqs accepts it, the refusal of any DOCTYPE, and the hardened JDK parser factory.
 */
public final class XmlProlog {

    private static final Set<String> UTF8_NAMES = Set.of("utf-8", "utf8");
    private static final Set<String> SHIFT_JIS_NAMES = Set.of(
            "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis",
            "ms932", "windows-31j", "cp932", "windows-932", "cswindows31j");
    private static final Pattern ENCODING_ATTRIBUTE =
            Pattern.compile("\\sencoding\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final byte[] DECLARATION_START = "<?xml".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DECLARATION_BYTES = 512;

    private XmlProlog() {
    }

    /**
     * The encoding pseudo-attribute of the declaration starting at {@code start} (after any BOM), or {@code null}
     * when there is no declaration or no attribute.
     *
     * @throws XmlRejectedException a declaration not closed by {@code ?>} within its first 512 bytes
     */
    public static String declaredEncoding(byte[] bytes, int start) {
        if (bytes.length <= start + DECLARATION_START.length || !startsWithDeclaration(bytes, start)
                || !isXmlSpace(bytes[start + DECLARATION_START.length])) {
            return null;
        }
        int limit = Math.min(bytes.length, start + MAX_DECLARATION_BYTES);
        int end = -1;
        for (int i = start + DECLARATION_START.length; i + 1 < limit; i++) {
            if (bytes[i] == '?' && bytes[i + 1] == '>') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new XmlRejectedException(ErrorCode.MALFORMED_XML, "XML宣言が「?>」で閉じられていません");
        }
        Matcher m = ENCODING_ATTRIBUTE.matcher(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /**
     * The character code a declared encoding name stands for: UTF-8 when none is declared, the Shift_JIS family
     * as Windows-31J.
     *
     * @throws XmlRejectedException any other name, or a UTF-8 BOM in front of a Shift_JIS declaration
     */
    public static CharacterCode resolve(String declared, boolean bom) {
        if (declared == null) {
            return CharacterCode.UTF_8;
        }
        String name = declared.strip().toLowerCase(Locale.ROOT);
        if (UTF8_NAMES.contains(name)) {
            return CharacterCode.UTF_8;
        }
        if (SHIFT_JIS_NAMES.contains(name)) {
            if (bom) {
                throw new XmlRejectedException(ErrorCode.ENCODING_MISMATCH,
                        "UTF-8のBOMがありますが、XML宣言は " + printable(declared) + " です");
            }
            return CharacterCode.SHIFT_JIS;
        }
        throw new XmlRejectedException(ErrorCode.UNSUPPORTED_ENCODING, "宣言された文字コード: " + printable(declared));
    }

    /**
     * Refuses a DOCTYPE before the parser sees it: skips whitespace, processing instructions and comments of the
     * prolog and looks at what comes next. (The parser's own DTD event is the second line of defence.)
     */
    public static void rejectDoctype(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i + 2);
                if (end < 0) {
                    return;
                }
                i = end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                if (end < 0) {
                    return;
                }
                i = end + 3;
            } else {
                if (text.startsWith("<!DOCTYPE", i)) {
                    throw new XmlRejectedException(ErrorCode.DOCTYPE_FORBIDDEN, null);
                }
                return;
            }
        }
    }

    /** The JDK's own StAX parser with DTDs, external entities and external resources switched off. */
    public static XMLInputFactory secureInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK parser, never one from the classpath
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not allowed");
        });
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void trySet(XMLInputFactory factory, String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException ignored) {
            // not supported by this implementation; the DTD refusal covers it anyway
        }
    }

    /** Declared names come from the file: keep them short and printable before echoing them. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 40; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x21 && c <= 0x7E ? c : '?');
        }
        return sb.toString();
    }

    private static boolean startsWithDeclaration(byte[] bytes, int start) {
        for (int i = 0; i < DECLARATION_START.length; i++) {
            if (bytes[start + i] != DECLARATION_START[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isXmlSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
