package org.openoqs.core.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.xml.XmlNode;

/**
 * Writes a bulk file ({@code XmlMsg} → {@code MessageHeader}, {@code MessageBody} → many elements) to a stream one
 * body element at a time, byte for byte as {@link org.openoqs.core.xml.XmlDocumentWriter} would write the whole
 * tree. Call {@link #begin}, then {@link #element} / {@link #renderedElement} any number of times, then
 * {@link #end}. Not thread-safe; does not close the stream.
 */
public final class BulkDocumentWriter {

    private static final int BODY_ELEMENT_DEPTH = 2;

    private final OutputStream out;
    private final CharacterCode code;
    private State state = State.NEW;
    private long elements;

    private enum State { NEW, BODY, DONE }

    public BulkDocumentWriter(OutputStream out, CharacterCode code) {
        this.out = Objects.requireNonNull(out, "out");
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Declaration, root, the header, and the opening of the body. */
    public void begin(XmlNode header) throws IOException {
        require(State.NEW);
        write(XmlFragments.declaration(code) + "<" + QualificationMessages.ROOT + ">\n");
        write(XmlFragments.render(header, 1, code));
        write("  <" + QualificationMessages.BODY + ">\n");
        state = State.BODY;
    }

    /** One body element. */
    public void element(XmlNode element) throws IOException {
        require(State.BODY);
        write(XmlFragments.render(element, BODY_ELEMENT_DEPTH, code));
        elements++;
    }

    /** One body element already rendered for UTF-8 at body depth ({@link #renderForStorage}). */
    public void renderedElement(String utf8Rendered) throws IOException {
        require(State.BODY);
        out.write(XmlFragments.encode(utf8Rendered, BODY_ELEMENT_DEPTH, code));
        elements++;
    }

    /** Closes the body and the root. */
    public void end() throws IOException {
        require(State.BODY);
        write("  </" + QualificationMessages.BODY + ">\n</" + QualificationMessages.ROOT + ">\n");
        state = State.DONE;
    }

    /** Body elements written so far. */
    public long elementCount() {
        return elements;
    }

    /** The lossless UTF-8 rendering of a body element, to keep until it is written with {@link #renderedElement}. */
    public static String renderForStorage(XmlNode element) {
        return XmlFragments.render(element, BODY_ELEMENT_DEPTH, CharacterCode.UTF_8);
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(code.charset()));
    }

    private void require(State expected) {
        if (state != expected) {
            throw new IllegalStateException("writer is " + state + ", expected " + expected);
        }
    }
}
