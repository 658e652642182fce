package org.openoqs.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;

/**
 * A file streamed element by element is byte for byte the file {@link XmlDocumentWriter} writes for the whole tree,
 * also in Shift_JIS with characters that need a twin or a substitute, and also from elements stored pre-rendered.
 */
class BulkDocumentWriterTest {

    private static final XmlNode HEADER = XmlNode.builder("MessageHeader")
            .leaf("MedicalInstitutionCode", "0113810014").leaf("ArbitraryFileIdentifier", "a&b<c>").build();

    private static List<XmlNode> elements() {
        List<XmlNode> out = new ArrayList<>();
        out.add(XmlNode.builder("BulkConfirmUnit").leaf("Name", "山田　太郎").leaf("Kana", "ﾔﾏﾀﾞ ﾀﾛｳ")
                .child(XmlNode.builder("Inner").leaf("Deep", "x").build()).build());
        out.add(XmlNode.builder("BulkConfirmUnit").leaf("Name", "〜−‖ ¥ 髙﨑 ①").build()); // twins and NEC/IBM kanji
        out.add(XmlNode.builder("BulkConfirmUnit").leaf("Name", "𠮷野家 😀").leaf("Multi", "line1\nline2\r").build());
        out.add(XmlNode.element("Empty"));
        return out;
    }

    private static byte[] whole(CharacterCode code) {
        return new XmlDocumentWriter().writeBytes(XmlNode.element(QualificationMessages.ROOT, HEADER,
                XmlNode.element(QualificationMessages.BODY, elements())), code);
    }

    @Test
    void streamedElementsMatchTheWholeDocument() throws IOException {
        for (CharacterCode code : CharacterCode.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BulkDocumentWriter w = new BulkDocumentWriter(out, code);
            w.begin(HEADER);
            for (XmlNode e : elements()) {
                w.element(e);
            }
            w.end();
            assertThat(out.toByteArray()).as(code.label()).isEqualTo(whole(code));
            assertThat(w.elementCount()).isEqualTo(4);
        }
    }

    @Test
    void elementsStoredPreRenderedMatchTheWholeDocumentInEitherEncoding() throws IOException {
        List<String> stored = elements().stream().map(BulkDocumentWriter::renderForStorage).toList();
        for (CharacterCode code : CharacterCode.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BulkDocumentWriter w = new BulkDocumentWriter(out, code);
            w.begin(HEADER);
            for (String s : stored) {
                w.renderedElement(s);
            }
            w.end();
            assertThat(out.toByteArray()).as(code.label()).isEqualTo(whole(code));
        }
    }

    @Test
    void anEmptyBodyIsStillAWellFormedFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BulkDocumentWriter w = new BulkDocumentWriter(out, CharacterCode.UTF_8);
        w.begin(HEADER);
        w.end();
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<XmlMsg>\n")
                .endsWith("  <MessageBody>\n  </MessageBody>\n</XmlMsg>\n");
        assertThat(new org.openoqs.core.xml.XmlDocumentReader().read(out.toByteArray()).child("MessageBody")).isPresent();
    }
}
