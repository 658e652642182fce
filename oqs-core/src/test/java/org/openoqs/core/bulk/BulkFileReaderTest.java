package org.openoqs.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.xml.XmlNode;

/** The streaming reader hands over the header and each body element, and refuses what the tree reader refuses. */
class BulkFileReaderTest {

    private static final String HEADER = "<MessageHeader><MedicalInstitutionCode>0113810014</MedicalInstitutionCode>"
            + "</MessageHeader>";

    private record Collected(List<XmlNode> headers, List<XmlNode> elements, CharacterCode encoding) {
    }

    private static Collected read(byte[] bytes, BulkFileReader reader) throws IOException {
        List<XmlNode> headers = new ArrayList<>();
        List<XmlNode> elements = new ArrayList<>();
        CharacterCode code = reader.read(new ByteArrayInputStream(bytes), new BulkFileReader.Handler() {
            @Override
            public void header(XmlNode header) {
                headers.add(header);
            }

            @Override
            public void bodyElement(XmlNode element) {
                elements.add(element);
            }
        });
        return new Collected(headers, elements, code);
    }

    private static Collected read(String xml) throws IOException {
        return read(xml.getBytes(StandardCharsets.UTF_8), new BulkFileReader());
    }

    private static ErrorCode refusal(byte[] bytes, BulkFileReader reader) {
        try {
            read(bytes, reader);
        } catch (InputRejectedException e) {
            return e.errorCode();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted");
    }

    private static ErrorCode refusal(String xml) {
        return refusal(xml.getBytes(StandardCharsets.UTF_8), new BulkFileReader());
    }

    @Test
    void handsOverTheHeaderAndEachBodyElementWithTextKeptVerbatim() throws IOException {
        Collected c = read("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<XmlMsg>" + HEADER + "<MessageBody>"
                + "<QualificationConfirmSearchInfo><InsurerNumber>  138008</InsurerNumber></QualificationConfirmSearchInfo>"
                + "<Unknown/>"
                + "<QualificationConfirmSearchInfo><InsurerNumber>06139992</InsurerNumber></QualificationConfirmSearchInfo>"
                + "</MessageBody></XmlMsg>");
        assertThat(c.headers()).singleElement().satisfies(h ->
                assertThat(h.text("MedicalInstitutionCode")).contains("0113810014"));
        assertThat(c.elements()).extracting(XmlNode::name)
                .containsExactly("QualificationConfirmSearchInfo", "Unknown", "QualificationConfirmSearchInfo");
        assertThat(c.elements().get(0).text("InsurerNumber")).contains("  138008");
        assertThat(c.encoding()).isEqualTo(CharacterCode.UTF_8);
    }

    @Test
    void readsShiftJisAsWindows31j() throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><XmlMsg>" + HEADER
                + "<MessageBody><Item><Name>髙橋　①～</Name></Item></MessageBody></XmlMsg>";
        Collected c = read(xml.getBytes(CharacterCode.SHIFT_JIS.charset()), new BulkFileReader());
        assertThat(c.encoding()).isEqualTo(CharacterCode.SHIFT_JIS);
        assertThat(c.elements().get(0).text("Name")).contains("髙橋　①～");
    }

    @Test
    void acceptsAHeaderAfterTheBodyAndAByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] xml = ("<XmlMsg><MessageBody><A/></MessageBody>" + HEADER + "</XmlMsg>").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + xml.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(xml, 0, bytes, 3, xml.length);
        Collected c = read(bytes, new BulkFileReader());
        assertThat(c.headers()).hasSize(1);
        assertThat(c.elements()).hasSize(1);
    }

    @Test
    void refusesEmptyAndWhitespaceOnlyFiles() {
        assertThat(refusal("")).isEqualTo(ErrorCode.EMPTY_FILE);
        assertThat(refusal(" \n\t ")).isEqualTo(ErrorCode.EMPTY_FILE);
    }

    @Test
    void refusesDoctypesAndEntities() {
        assertThat(refusal("<?xml version=\"1.0\"?><!DOCTYPE XmlMsg [<!ENTITY x \"y\">]><XmlMsg>" + HEADER
                + "<MessageBody/></XmlMsg>")).isEqualTo(ErrorCode.DOCTYPE_FORBIDDEN);
    }

    @Test
    void refusesATruncatedFileAfterSomeElementsWereHandedOver() {
        String xml = "<XmlMsg>" + HEADER + "<MessageBody><A><B>1</B></A><A><B>2";
        assertThat(refusal(xml)).isEqualTo(ErrorCode.MALFORMED_XML);
    }

    @Test
    void refusesBytesThatAreNotTheDeclaredEncoding() {
        byte[] sjis = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg>" + HEADER + "<MessageBody><A>山田</A>"
                + "</MessageBody></XmlMsg>").getBytes(CharacterCode.SHIFT_JIS.charset());
        assertThat(refusal(sjis, new BulkFileReader())).isEqualTo(ErrorCode.ENCODING_MISMATCH);
        assertThat(refusal("<?xml version=\"1.0\" encoding=\"EUC-JP\"?><XmlMsg/>")).isEqualTo(ErrorCode.UNSUPPORTED_ENCODING);
        byte[] utf16 = ("<XmlMsg>" + HEADER + "</XmlMsg>").getBytes(StandardCharsets.UTF_16LE);
        assertThat(refusal(utf16, new BulkFileReader())).isEqualTo(ErrorCode.ENCODING_MISMATCH);
    }

    @Test
    void refusesTheWrongRootAndAMissingHeaderOrBody() {
        assertThat(refusal("<Other>" + HEADER + "<MessageBody/></Other>")).isEqualTo(ErrorCode.WRONG_ROOT);
        assertThat(refusal("<XmlMsg><MessageBody/></XmlMsg>")).isEqualTo(ErrorCode.MISSING_MESSAGE_HEADER);
        assertThat(refusal("<XmlMsg>" + HEADER + "</XmlMsg>")).isEqualTo(ErrorCode.MISSING_MESSAGE_BODY);
    }

    @Test
    void enforcesTheSizeAndEntryLimits() {
        String three = "<XmlMsg>" + HEADER + "<MessageBody><A/><A/><A/></MessageBody></XmlMsg>";
        byte[] bytes = three.getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(bytes, new BulkFileReader(1_000, 2))).isEqualTo(ErrorCode.TOO_MANY_BULK_ENTRIES);
        assertThat(refusal(bytes, new BulkFileReader(50, 100))).isEqualTo(ErrorCode.FILE_TOO_LARGE);
    }

    @Test
    void refusesDeepNesting() {
        String deep = "<X>".repeat(40) + "</X>".repeat(40);
        assertThatThrownBy(() -> read("<XmlMsg>" + HEADER + "<MessageBody>" + deep + "</MessageBody></XmlMsg>"))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.XML_TOO_COMPLEX));
    }
}
