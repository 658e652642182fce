package org.openoqs.core.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;

class XmlDocumentWriterTest {

    final XmlDocumentWriter writer = new XmlDocumentWriter();
    final XmlDocumentReader reader = new XmlDocumentReader();

    static XmlNode sample() {
        return XmlNode.builder("XmlMsg")
                .child("MessageHeader", h -> h.leaf("MedicalInstitutionCode", "0113810014").leaf("Absent", null))
                .child("MessageBody", b -> b.leaf("InsurerNumber", "  279919")
                        .leaf("Name", "山田　太郎")
                        .leaf("Escapes", "a & b < c > d \"q\" 'a'")
                        .leaf("Empty", "")
                        .leaf("Lines", "1\r\n2\t3\n"))
                .build();
    }

    @Test
    void utf8LayoutIsExact() {
        WrittenDocument doc = writer.write(sample(), CharacterCode.UTF_8);
        String text = new String(doc.bytes(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <XmlMsg>
                  <MessageHeader>
                    <MedicalInstitutionCode>0113810014</MedicalInstitutionCode>
                  </MessageHeader>
                  <MessageBody>
                    <InsurerNumber>  279919</InsurerNumber>
                    <Name>山田　太郎</Name>
                    <Escapes>a &amp; b &lt; c &gt; d "q" 'a'</Escapes>
                    <Empty/>
                    <Lines>1&#13;
                2\t3
                </Lines>
                  </MessageBody>
                </XmlMsg>
                """);
        assertThat(doc.bytes()[0]).as("no BOM").isEqualTo((byte) '<');
        assertThat(text).doesNotContain("\r");
        assertThat(doc.substitutions()).isZero();
        assertThat(doc.isLossless()).isTrue();
    }

    @Test
    void roundTripsThroughTheReaderInBothEncodings() {
        for (CharacterCode cc : CharacterCode.values()) {
            byte[] bytes = writer.writeBytes(sample(), cc);
            assertThat(reader.read(bytes)).as(cc.name()).isEqualTo(sample());
        }
    }

    @Test
    void attributesAreEscapedAndRoundTrip() {
        XmlNode n = XmlNode.builder("A").attribute("v", "x\"<&>\t\n\r").text("t").build();
        String text = new String(writer.writeBytes(n, CharacterCode.UTF_8), StandardCharsets.UTF_8);
        assertThat(text).contains("<A v=\"x&quot;&lt;&amp;&gt;&#9;&#10;&#13;\">t</A>");
        assertThat(reader.read(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(n);
    }

    @Test
    void shiftJisFilesHoldRealShiftJisBytesNotCharacterReferences() {
        WrittenDocument doc = writer.write(sample(), CharacterCode.SHIFT_JIS);
        String ascii = new String(doc.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(ascii).startsWith("<?xml version=\"1.0\" encoding=\"Shift_JIS\" standalone=\"no\"?>\n");
        String afterDeclaration = ascii.substring(ascii.indexOf('\n'));
        assertThat(afterDeclaration).doesNotContain("&#x").doesNotContain("&#2").as("no '?' substitutes").doesNotContain("?");
        byte[] yamada = "山田".getBytes(Charset.forName("windows-31j"));
        assertThat(yamada).containsExactly(0x8E, 0x52, 0x93, 0x63);
        assertThat(indexOf(doc.bytes(), yamada)).isPositive();
        assertThat(new String(doc.bytes(), Charset.forName("windows-31j"))).contains("<Name>山田　太郎</Name>");
    }

    @Test
    void windowsOnlyCharactersAreWrittenInWindows31j() {
        XmlNode n = XmlNode.leaf("A", "～①髙﨑－∥￢Ⅲ");
        WrittenDocument doc = writer.write(n, CharacterCode.SHIFT_JIS);
        assertThat(doc.isLossless()).isTrue();
        assertThat(reader.read(doc.bytes()).text()).isEqualTo("～①髙﨑－∥￢Ⅲ");
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
