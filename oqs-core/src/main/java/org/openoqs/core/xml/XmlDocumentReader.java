package org.openoqs.core.xml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.error.ErrorCode;

/**
 * Reads the bytes of an OQS XML file into an {@link XmlNode} tree, refusing everything hostile or ambiguous with
 * a specific file-level {@link ErrorCode} ({@link XmlRejectedException}).
 *
 * <p>Order of checks: empty → size → UTF-16/32 or NUL bytes → XML declaration sniffed from the raw bytes
 * (UTF-8 when absent; UTF-8/utf8 and the Shift_JIS family accepted, Shift_JIS always decoded as windows-31j;
 * anything else refused) → strict decoding (malformed bytes refused, never replaced) → StAX parse of the decoded
 * text with DTD support and external entities switched off; any DOCTYPE is refused outright, so XXE, entity
 * expansion and external DTDs never get processed → depth and element-count limits.
 *
 * <p>Whitespace-only text between elements is dropped; the text of a leaf element is kept verbatim (XML's
 * line-end normalisation aside). Instances are immutable and thread-safe.
 */
public final class XmlDocumentReader {

    public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 32;
    public static final int DEFAULT_MAX_ELEMENTS = 200_000;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /**
     * One configured parser factory per thread: creating and configuring a factory cost more than parsing a whole
     * request (oqs-bench's XmlCodecBenchmark, docs/performance.md), and a StAX factory is not specified as thread-safe.
     */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(XmlProlog::secureInputFactory);

    private final int maxBytes;
    private final int maxDepth;
    private final int maxElements;

    public XmlDocumentReader() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS);
    }

    public XmlDocumentReader(int maxBytes) {
        this(maxBytes, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS);
    }

    public XmlDocumentReader(int maxBytes, int maxDepth, int maxElements) {
        if (maxBytes <= 0 || maxDepth <= 0 || maxElements <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.maxElements = maxElements;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Reads a file and returns its root element. */
    public XmlNode read(byte[] bytes) {
        return readDocument(bytes).root();
    }

    /** Reads at most {@link #maxBytes()} + 1 bytes from the stream (which is not closed) and parses them. */
    public XmlNode read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw tooLarge(out.size() + "バイト以上");
            }
        }
        return read(out.toByteArray());
    }

    /** Reads a file and also reports the encoding it was written in. */
    public XmlDocument readDocument(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new XmlRejectedException(ErrorCode.EMPTY_FILE, null);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length + "バイト");
        }
        boolean bom = startsWith(bytes, 0, UTF8_BOM);
        int start = bom ? UTF8_BOM.length : 0;
        if (isBlank(bytes, start)) {
            throw new XmlRejectedException(ErrorCode.EMPTY_FILE, null);
        }
        rejectWideEncodings(bytes);

        String declared = XmlProlog.declaredEncoding(bytes, start);
        CharacterCode encoding = XmlProlog.resolve(declared, bom);
        String text = decodeStrictly(bytes, start, encoding);
        if (!text.startsWith("<?xml") && text.strip().startsWith("<?xml")) {
            throw new XmlRejectedException(ErrorCode.MALFORMED_XML, "XML宣言の前に空白などの文字があります");
        }
        XmlProlog.rejectDoctype(text);
        return new XmlDocument(parse(text), encoding, declared, bom);
    }

    // ---- bytes ----------------------------------------------------------------------------------------------

    private XmlRejectedException tooLarge(String size) {
        return new XmlRejectedException(ErrorCode.FILE_TOO_LARGE, size + "、上限 " + maxBytes + "バイト");
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** UTF-16/UTF-32 (with or without BOM) and any NUL byte: no UTF-8 or Shift_JIS text file contains 0x00. */
    private static void rejectWideEncodings(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new XmlRejectedException(ErrorCode.ENCODING_MISMATCH, "UTF-16またはUTF-32のファイルです");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new XmlRejectedException(ErrorCode.ENCODING_MISMATCH,
                        "NULバイトを含みます（UTF-16等の可能性があります）、先頭から" + (i + 1) + "バイト目");
            }
        }
    }

    private static String decodeStrictly(byte[] bytes, int start, CharacterCode encoding) {
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new XmlRejectedException(ErrorCode.ENCODING_MISMATCH, encoding.declaredName()
                    + "として読めないバイト列があります、先頭から" + (in.position() + 1) + "バイト目");
        }
        if (result.isOverflow()) {
            throw new IllegalStateException("decode buffer too small");
        }
        out.flip();
        return out.toString();
    }

    // ---- XML --------------------------------------------------------------------------------------------------

    private XmlNode parse(String text) {
        XMLStreamReader reader = null;
        boolean sawElement = false;
        try {
            reader = FACTORY.get().createXMLStreamReader(new StringReader(text));
            XmlTreeBuilder tree = new XmlTreeBuilder();
            XmlNode root = null;
            int elements = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                XmlTreeBuilder.refuseDoctype(event);
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        sawElement = true;
                        if (++elements > maxElements) {
                            throw new XmlRejectedException(ErrorCode.XML_TOO_COMPLEX,
                                    "要素数が上限 " + maxElements + " を超えています");
                        }
                        if (tree.depth() + 1 > maxDepth) {
                            throw new XmlRejectedException(ErrorCode.XML_TOO_COMPLEX,
                                    "階層の深さが上限 " + maxDepth + " を超えています");
                        }
                        tree.start(reader);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            tree.text(reader);
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlNode node = tree.end();
                        if (node != null) {
                            root = node;
                        }
                    }
                    default -> {
                        // comments, processing instructions, start/end document: ignored
                    }
                }
            }
            if (root == null) {
                throw new XmlRejectedException(ErrorCode.MALFORMED_XML, "ルート要素がありません");
            }
            return root;
        } catch (XMLStreamException e) {
            throw malformed(text, sawElement, e.getLocation(), e);
        } catch (XmlRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed(text, sawElement, null, e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release for an in-memory reader
                }
            }
        }
    }

    private static XmlRejectedException malformed(String text, boolean sawElement, Location location, Exception cause) {
        if (!sawElement && text.contains("<!DOCTYPE")) {
            return new XmlRejectedException(ErrorCode.DOCTYPE_FORBIDDEN, null, cause);
        }
        String where = location == null || location.getLineNumber() < 0 ? null
                : location.getLineNumber() + "行目" + Math.max(location.getColumnNumber(), 1) + "列目付近";
        return new XmlRejectedException(ErrorCode.MALFORMED_XML, where, cause);
    }
}
