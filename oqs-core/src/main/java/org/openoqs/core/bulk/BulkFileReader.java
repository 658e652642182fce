package org.openoqs.core.bulk;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.MessageFormatException;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.core.xml.XmlProlog;
import org.openoqs.core.xml.XmlRejectedException;
import org.openoqs.core.xml.XmlTreeBuilder;

/**
 * Reads a bulk file ({@code OQSmu…01req_}, or a large {@code …02res_}) as a stream: the {@code MessageHeader} and
 * then each child of {@code MessageBody} are handed over one at a time as small {@link XmlNode} trees, built by
 * core/xml's one tree builder ({@link XmlTreeBuilder}), so a file of 10,000 persons never exists as one tree in
 * memory.
 *
 * <p>It refuses the same hostile or ambiguous input as {@link org.openoqs.core.xml.XmlDocumentReader}, with the
 * same file-level error codes: empty file, size over the limit, UTF-16/32 and NUL bytes, encodings other than UTF-8
 * and the Shift_JIS family (decoded as windows-31j), bytes that do not decode strictly, DOCTYPE of any kind, depth
 * and element limits, malformed XML, a root other than {@code XmlMsg}, a missing header or body.
 *
 * <p>The handler may be called for body elements before a problem later in the file is found (a truncated file,
 * a missing header after the body): callers store what they receive atomically, e.g. in one transaction, and
 * discard it when {@link #read} throws. Instances are immutable and thread-safe.
 */
public final class BulkFileReader {

    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_BODY_ELEMENTS = 100_000;
    /** Elements of one header or body element (a result unit has about 60; 2,000 leaves room for long lists). */
    public static final int MAX_ELEMENTS_PER_ITEM = 2_000;
    public static final int MAX_DEPTH = 32;

    private static final int PREFIX_BYTES = 512;

    /** Receives the parts of a file in document order. */
    public interface Handler {

        /** The {@code MessageHeader} element. */
        void header(XmlNode header);

        /** One child of {@code MessageBody}, e.g. a {@code QualificationConfirmSearchInfo}. */
        void bodyElement(XmlNode element);
    }

    private final long maxBytes;
    private final int maxBodyElements;

    public BulkFileReader() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_BODY_ELEMENTS);
    }

    public BulkFileReader(long maxBytes, int maxBodyElements) {
        if (maxBytes <= 0 || maxBodyElements <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxBodyElements = maxBodyElements;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxBodyElements() {
        return maxBodyElements;
    }

    /**
     * Streams the file to the handler; the stream is read to the end of the root element but not closed.
     *
     * @return the encoding the file was written in
     * @throws XmlRejectedException bytes, encoding or XML refused (file level)
     * @throws MessageFormatException wrong root, missing header or body, more body elements than the limit (file level)
     * @throws IOException the stream itself failed
     */
    public CharacterCode read(InputStream in, Handler handler) throws IOException {
        GuardedStream guarded = new GuardedStream(in, maxBytes);
        try {
            return read(guarded, handler);
        } catch (GuardedStream.Refusal refusal) { // from reading the prefix, outside the parser
            throw new XmlRejectedException(refusal.code, refusal.detail, refusal);
        }
    }

    private CharacterCode read(GuardedStream guarded, Handler handler) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(guarded, 16 * 1024);
        buffered.mark(PREFIX_BYTES + 8);
        byte[] prefix = buffered.readNBytes(PREFIX_BYTES);
        buffered.reset();
        if (prefix.length == 0) {
            throw new XmlRejectedException(ErrorCode.EMPTY_FILE, null);
        }
        if (prefix.length >= 2 && ((prefix[0] == (byte) 0xFE && prefix[1] == (byte) 0xFF)
                || (prefix[0] == (byte) 0xFF && prefix[1] == (byte) 0xFE))) {
            throw new XmlRejectedException(ErrorCode.ENCODING_MISMATCH, "UTF-16またはUTF-32のファイルです");
        }
        boolean bom = prefix.length >= 3 && prefix[0] == (byte) 0xEF && prefix[1] == (byte) 0xBB
                && prefix[2] == (byte) 0xBF;
        if (bom) {
            buffered.skipNBytes(3);
        }
        int start = bom ? 3 : 0;
        CharacterCode encoding = XmlProlog.resolve(XmlProlog.declaredEncoding(prefix, start), bom);
        String prefixText = new String(prefix, start, prefix.length - start, encoding.charset());
        XmlProlog.rejectDoctype(prefixText);
        DecodingReader reader = new DecodingReader(new InputStreamReader(buffered, encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            parse(reader, handler);
        } catch (XmlRejectedException | MessageFormatException e) {
            if (!guarded.sawContent) {
                throw new XmlRejectedException(ErrorCode.EMPTY_FILE, null);
            }
            if (reader.failure != null) { // the parser reports a decoding error as a mere parse error
                throw new XmlRejectedException(ErrorCode.ENCODING_MISMATCH,
                        encoding.declaredName() + "として読めないバイト列があります", reader.failure);
            }
            throw e;
        }
        return encoding;
    }

    // ---- encoding -------------------------------------------------------------------------------------------

    // ---- XML ------------------------------------------------------------------------------------------------

    private void parse(Reader text, Handler handler) throws IOException {
        XMLStreamReader reader = null;
        boolean sawRoot = false;
        boolean sawHeader = false;
        boolean sawBody = false;
        int bodyElements = 0;
        try {
            reader = XmlProlog.secureInputFactory().createXMLStreamReader(text);
            XmlTreeBuilder item = new XmlTreeBuilder(); // the header or body element being collected
            int depth = 0; // 1 = XmlMsg, 2 = header/body, 3 = body children
            Part part = Part.NONE;
            int itemElements = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                XmlTreeBuilder.refuseDoctype(event);
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth > MAX_DEPTH) {
                            throw new XmlRejectedException(ErrorCode.XML_TOO_COMPLEX,
                                    "階層の深さが上限 " + MAX_DEPTH + " を超えています");
                        }
                        String name = reader.getLocalName();
                        if (depth == 1) {
                            sawRoot = true;
                            if (!QualificationMessages.ROOT.equals(name)) {
                                throw new MessageFormatException(ErrorCode.WRONG_ROOT, null, "ルート要素: " + shorten(name));
                            }
                            continue;
                        }
                        if (depth == 2) {
                            if (QualificationMessages.HEADER.equals(name) && !sawHeader) {
                                part = Part.HEADER;
                                itemElements = 0;
                            } else if (QualificationMessages.BODY.equals(name) && !sawBody) {
                                part = Part.BODY;
                                sawBody = true;
                                continue; // the body itself is not collected, its children are
                            } else {
                                part = Part.IGNORED;
                            }
                        } else if (depth == 3 && part == Part.BODY) {
                            if (++bodyElements > maxBodyElements) {
                                throw new MessageFormatException(ErrorCode.TOO_MANY_BULK_ENTRIES, null,
                                        "上限 " + maxBodyElements + "件");
                            }
                            itemElements = 0;
                        }
                        if (part == Part.HEADER || (part == Part.BODY && depth >= 3)) {
                            if (++itemElements > MAX_ELEMENTS_PER_ITEM) {
                                throw new XmlRejectedException(ErrorCode.XML_TOO_COMPLEX,
                                        name + " 内の要素数が上限 " + MAX_ELEMENTS_PER_ITEM + " を超えています");
                            }
                            item.start(reader);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        item.text(reader);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlNode node = item.building() ? item.end() : null;
                        if (node != null) { // a whole header or body element
                            if (part == Part.HEADER) {
                                sawHeader = true;
                                handler.header(node);
                            } else {
                                handler.bodyElement(node);
                            }
                        }
                        if (depth == 2) {
                            part = Part.NONE;
                        }
                        depth--;
                    }
                    default -> {
                        // comments, processing instructions, start/end document: ignored
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw translate(e);
        } catch (RuntimeException e) {
            if (e instanceof XmlRejectedException || e instanceof MessageFormatException) {
                throw e;
            }
            GuardedStream.Refusal refusal = refusalIn(e);
            if (refusal != null) {
                throw new XmlRejectedException(refusal.code, refusal.detail, e);
            }
            throw e;
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to release; the caller closes the stream
                }
            }
        }
        if (!sawRoot) {
            throw new XmlRejectedException(ErrorCode.MALFORMED_XML, "ルート要素がありません");
        }
        if (!sawHeader) {
            throw new MessageFormatException(ErrorCode.MISSING_MESSAGE_HEADER, QualificationMessages.HEADER, null);
        }
        if (!sawBody) {
            throw new MessageFormatException(ErrorCode.MISSING_MESSAGE_BODY, QualificationMessages.BODY, null);
        }
    }

    /** Maps a parser failure to a file-level error: our own stream refusals and decoding errors first. */
    private static XmlRejectedException translate(XMLStreamException e) {
        GuardedStream.Refusal refusal = refusalIn(e);
        if (refusal != null) {
            return new XmlRejectedException(refusal.code, refusal.detail, e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new XmlRejectedException(ErrorCode.ENCODING_MISMATCH, "宣言された文字コードとして読めないバイト列があります", e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String where = e.getLocation() == null || e.getLocation().getLineNumber() < 0 ? null
                : e.getLocation().getLineNumber() + "行目" + Math.max(e.getLocation().getColumnNumber(), 1) + "列目付近";
        return new XmlRejectedException(ErrorCode.MALFORMED_XML, where, e);
    }

    private static GuardedStream.Refusal refusalIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GuardedStream.Refusal r) {
                return r;
            }
            if (t instanceof XMLStreamException x && x.getNestedException() instanceof GuardedStream.Refusal r) {
                return r;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private enum Part { NONE, HEADER, BODY, IGNORED }

    /** Remembers a decoding failure, which the JDK parser turns into a message-only parse error. */
    private static final class DecodingReader extends java.io.FilterReader {
        CharacterCodingException failure;

        DecodingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (CharacterCodingException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (CharacterCodingException e) {
                failure = e;
                throw e;
            }
        }
    }

    /**
     * Counts bytes against the limit, refuses NUL bytes (no UTF-8 or Shift_JIS text contains 0x00; UTF-16 does) and
     * notes whether anything but whitespace and a BOM arrived.
     */
    private static final class GuardedStream extends FilterInputStream {
        private final long maxBytes;
        private long count;
        boolean sawContent;

        GuardedStream(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                check(buffer, offset, n);
            }
            return n;
        }

        private void check(byte[] buffer, int offset, int n) throws Refusal {
            for (int i = offset; i < offset + n; i++) {
                byte b = buffer[i];
                if (b == 0) {
                    throw new Refusal(ErrorCode.ENCODING_MISMATCH,
                            "NULバイトを含みます（UTF-16等の可能性があります）、先頭から" + (count + i - offset + 1) + "バイト目");
                }
                if (!sawContent && b != ' ' && b != '\t' && b != '\r' && b != '\n'
                        && !(count + i - offset < 3 && (b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF))) {
                    sawContent = true;
                }
            }
            count += n;
            if (count > maxBytes) {
                throw new Refusal(ErrorCode.FILE_TOO_LARGE, count + "バイト以上、上限 " + maxBytes + "バイト");
            }
        }

        /** Thrown through the parser and recognised on the other side. */
        static final class Refusal extends IOException {
            final transient ErrorCode code;
            final String detail;

            Refusal(ErrorCode code, String detail) {
                super(code.code() + " " + detail);
                this.code = code;
                this.detail = detail;
            }
        }
    }
}
