package org.openoqs.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.error.ErrorCode;

class XmlDocumentReaderTest {

    static final Charset MS932 = Charset.forName("windows-31j");
    final XmlDocumentReader reader = new XmlDocumentReader();

    static void assertRejected(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(XmlRejectedException.class)
                .extracting(t -> ((XmlRejectedException) t).errorCode()).isEqualTo(code);
    }

    @Test
    void buildsTheTreeWithVerbatimLeafTextAndNoIndentationText() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<A>\r\n\t<B>  138008</B>\n  <C> x y </C>\n  <B/>\n  <D k=\"v\"><E>1</E></D>\n</A>";
        XmlNode a = reader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(a.name()).isEqualTo("A");
        assertThat(a.text()).isEmpty();
        assertThat(a.children()).extracting(XmlNode::name).containsExactly("B", "C", "B", "D");
        assertThat(a.text("B")).contains("  138008");
        assertThat(a.children("B")).extracting(XmlNode::text).containsExactly("  138008", "");
        assertThat(a.text("C")).contains(" x y ");
        assertThat(a.child("D").orElseThrow().attribute("k")).contains("v");
        assertThat(a.path("D", "E").orElseThrow().text()).isEqualTo("1");
        assertThat(a.child("Z")).isEmpty();
        assertThat(a.text("Z")).isEmpty();
    }

    @Test
    void lineEndsInsideTextAreNormalisedToLf() {
        XmlNode a = reader.read("<A>1\r\n2</A>".getBytes(StandardCharsets.UTF_8));
        assertThat(a.text()).isEqualTo("1\n2");
    }

    @Test
    void emptyAndWhitespaceOnly() {
        assertRejected(() -> reader.read(new byte[0]), ErrorCode.EMPTY_FILE);
        assertRejected(() -> reader.read((byte[]) null), ErrorCode.EMPTY_FILE);
        assertRejected(() -> reader.read(" \n\t\r\n".getBytes(StandardCharsets.US_ASCII)), ErrorCode.EMPTY_FILE);
        assertRejected(() -> reader.read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}), ErrorCode.EMPTY_FILE);
    }

    @Test
    void oversizedIsRefusedBeforeParsing() {
        XmlDocumentReader small = new XmlDocumentReader(100);
        byte[] big = ("<A>" + "x".repeat(200) + "</A>").getBytes(StandardCharsets.US_ASCII);
        assertRejected(() -> small.read(big), ErrorCode.FILE_TOO_LARGE);
        assertRejected(() -> small.read(new ByteArrayInputStream(big)), ErrorCode.FILE_TOO_LARGE);
        assertThat(new XmlDocumentReader().maxBytes()).isEqualTo(10 * 1024 * 1024);
        byte[] tenMegPlusOne = new byte[10 * 1024 * 1024 + 1];
        assertRejected(() -> reader.read(tenMegPlusOne), ErrorCode.FILE_TOO_LARGE);
    }

    @Test
    void readsFromAStream() throws Exception {
        XmlNode a = reader.read(new ByteArrayInputStream("<A><B>1</B></A>".getBytes(StandardCharsets.UTF_8)));
        assertThat(a.text("B")).contains("1");
    }

    @Test
    void utf8WithAndWithoutBomAndDeclaration() {
        byte[] body = "<A>山田</A>".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read(body).text()).isEqualTo("山田");
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "<?xml version='1.0' encoding='utf-8' standalone='no'?><A>山田</A>".getBytes(StandardCharsets.UTF_8));
        XmlDocument doc = reader.readDocument(bom);
        assertThat(doc.root().text()).isEqualTo("山田");
        assertThat(doc.byteOrderMark()).isTrue();
        assertThat(doc.encoding()).isEqualTo(CharacterCode.UTF_8);
        assertThat(doc.declaredEncoding()).isEqualTo("utf-8");
    }

    @Test
    void everyShiftJisAliasIsDecodedAsWindows31j() {
        for (String alias : new String[] {"Shift_JIS", "shift_jis", "SJIS", "shift-jis", "MS932", "windows-31j", "CP932", "x-sjis"}) {
            byte[] bytes = ("<?xml version=\"1.0\" encoding=\"" + alias + "\"?><A>～①髙﨑－∥￢</A>").getBytes(MS932);
            XmlDocument doc = reader.readDocument(bytes);
            assertThat(doc.encoding()).as(alias).isEqualTo(CharacterCode.SHIFT_JIS);
            assertThat(doc.root().text()).as(alias).isEqualTo("～①髙﨑－∥￢");
        }
    }

    @Test
    void unsupportedDeclaredEncodings() {
        for (String enc : new String[] {"EUC-JP", "ISO-2022-JP", "UTF-16", "US-ASCII", "ISO-8859-1", "bogus"}) {
            byte[] bytes = ("<?xml version=\"1.0\" encoding=\"" + enc + "\"?><A/>").getBytes(StandardCharsets.US_ASCII);
            assertRejected(() -> reader.read(bytes), ErrorCode.UNSUPPORTED_ENCODING);
        }
    }

    @Test
    void mismatchedBytes() {
        assertRejected(() -> reader.read("<?xml version=\"1.0\" encoding=\"UTF-8\"?><A>山田</A>".getBytes(MS932)),
                ErrorCode.ENCODING_MISMATCH);
        assertRejected(() -> reader.read("<A>山田</A>".getBytes(MS932)), ErrorCode.ENCODING_MISMATCH);
        assertRejected(() -> reader.read("<?xml version=\"1.0\"?><A>x</A>".getBytes(StandardCharsets.UTF_16)),
                ErrorCode.ENCODING_MISMATCH);
        assertRejected(() -> reader.read("<A>x</A>".getBytes(StandardCharsets.UTF_16LE)), ErrorCode.ENCODING_MISMATCH);
        assertRejected(() -> reader.read(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><A/>".getBytes(MS932))), ErrorCode.ENCODING_MISMATCH);
        // a lone Shift_JIS lead byte at the end is malformed, not silently replaced
        assertRejected(() -> reader.read(concat("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><A>".getBytes(MS932),
                new byte[] {(byte) 0x82})), ErrorCode.ENCODING_MISMATCH);
    }

    @Test
    void malformedXml() {
        for (String bad : new String[] {"<A>", "<A></B>", "not xml", "<A/><B/>", "<A>&nbsp;</A>", "<A>\u0001</A>",
                "<A>&#0;</A>", " <?xml version=\"1.0\"?><A/>", "<?xml version=\"1.0\" <A/>", "<A b=1/>"}) {
            assertRejected(() -> reader.read(bad.getBytes(StandardCharsets.UTF_8)), ErrorCode.MALFORMED_XML);
        }
    }

    @Test
    void depthAndElementCountLimits() {
        String deep = "<A>".repeat(33) + "</A>".repeat(33);
        assertRejected(() -> reader.read(deep.getBytes(StandardCharsets.US_ASCII)), ErrorCode.XML_TOO_COMPLEX);
        String ok = "<A>".repeat(32) + "</A>".repeat(32);
        assertThat(reader.read(ok.getBytes(StandardCharsets.US_ASCII)).name()).isEqualTo("A");
        XmlDocumentReader few = new XmlDocumentReader(1024 * 1024, 32, 10);
        String wide = "<A>" + "<B/>".repeat(10) + "</A>";
        assertRejected(() -> few.read(wide.getBytes(StandardCharsets.US_ASCII)), ErrorCode.XML_TOO_COMPLEX);
        assertThat(few.read(("<A>" + "<B/>".repeat(9) + "</A>").getBytes(StandardCharsets.US_ASCII)).children()).hasSize(9);
    }

    @Test
    void malformedDetailNamesThePositionInJapanese() {
        assertThatThrownBy(() -> reader.read("<A>\n<B></A>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XmlRejectedException.class)
                .extracting(t -> ((XmlRejectedException) t).detail()).asString().contains("行目");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
