package org.openoqs.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.validation.InquiryIntake;
import org.openoqs.examples.ExampleCorpus;

/** DOCTYPE in any form is refused before anything is resolved or expanded. */
@Timeout(5)
class XmlSecurityTest {

    final XmlDocumentReader reader = new XmlDocumentReader();

    static XmlRejectedException rejection(byte[] bytes) {
        try {
            new XmlDocumentReader().read(bytes);
        } catch (XmlRejectedException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void xxeNeverLeaksTheReferencedFile(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT-42");
        List<String> targets = Files.isReadable(Path.of("/etc/passwd"))
                ? List.of(secret.toUri().toString(), "file:///etc/passwd") : List.of(secret.toUri().toString());
        String passwd = Files.isReadable(Path.of("/etc/passwd")) ? Files.readString(Path.of("/etc/passwd")) : "";
        for (String target : targets) {
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE XmlMsg [<!ENTITY xxe SYSTEM \"" + target + "\">]>\n"
                    + "<XmlMsg><MessageHeader><ArbitraryFileIdentifier>&xxe;</ArbitraryFileIdentifier>"
                    + "<MedicalInstitutionCode>0113810014</MedicalInstitutionCode></MessageHeader><MessageBody/></XmlMsg>";
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            XmlRejectedException e = rejection(bytes);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.DOCTYPE_FORBIDDEN);
            assertThat(String.valueOf(e.getMessage()) + e.detail()).doesNotContain("TOP-SECRET").doesNotContain("root:x:0");

            // and the error result built from the raw bytes does not contain it either
            InquiryIntake.Outcome outcome = InquiryIntake.check(bytes, ExampleCorpus.DEMO_INSTITUTION_CODE, java.time.LocalDate.of(2025, 4, 1));
            RequestHeader h = ((InquiryIntake.FileRejected) outcome).header();
            assertThat(h.arbitraryFileIdentifier()).isEqualTo("&xxe;");
            String result = new String(QualificationMessages.writeResult(outcome.errorResult("0113810014",
                    java.time.LocalDateTime.of(2025, 4, 1, 9, 0), org.openoqs.core.code.CharacterCode.UTF_8).orElseThrow()).bytes(),
                    StandardCharsets.UTF_8);
            assertThat(result).doesNotContain("TOP-SECRET").contains("<ErrorCode>OQSF1004</ErrorCode>");
            if (!passwd.isEmpty()) {
                assertThat(result).doesNotContain(passwd.lines().findFirst().orElseThrow());
            }
        }
    }

    @Test
    void corpusXxeFileIsRefusedWithoutLeaking() {
        var e = ExampleCorpus.invalid().stream().filter(x -> x.file().equals("doctype-xxe-file.xml")).findFirst().orElseThrow();
        XmlRejectedException r = rejection(e.bytes());
        assertThat(r.errorCode()).isEqualTo(ErrorCode.DOCTYPE_FORBIDDEN);
        assertThat(r.getMessage()).doesNotContain("root:");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE A [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        long start = System.nanoTime();
        XmlRejectedException e = rejection((dtd + "<A>&l12;</A>").getBytes(StandardCharsets.UTF_8));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.DOCTYPE_FORBIDDEN);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
    }

    @Test
    void externalDtdIsNeverFetched(@TempDir Path dir) throws IOException {
        Path dtd = dir.resolve("x.dtd");
        Files.writeString(dtd, "<!ENTITY marker \"FETCHED\">");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE A SYSTEM \"" + dtd.toUri() + "\"><A>&marker;</A>";
        XmlRejectedException e = rejection(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.DOCTYPE_FORBIDDEN);
        assertThat(e.getMessage()).doesNotContain("FETCHED");
    }

    @Test
    void evenAHarmlessOrBrokenDoctypeIsRefused() {
        assertThat(rejection("<!DOCTYPE A><A/>".getBytes(StandardCharsets.UTF_8)).errorCode()).isEqualTo(ErrorCode.DOCTYPE_FORBIDDEN);
        assertThat(rejection("<!DOCTYPE A [<!ENTITY".getBytes(StandardCharsets.UTF_8)).errorCode()).isEqualTo(ErrorCode.DOCTYPE_FORBIDDEN);
        assertThat(rejection("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><!DOCTYPE A><A/>".getBytes(StandardCharsets.US_ASCII)).errorCode())
                .isEqualTo(ErrorCode.DOCTYPE_FORBIDDEN);
    }

    @Test
    void aDoctypeInsideACommentOrTextIsJustText() {
        XmlNode a = reader.read("<!-- <!DOCTYPE x> --><A><![CDATA[<!DOCTYPE x>]]></A>".getBytes(StandardCharsets.UTF_8));
        assertThat(a.text()).isEqualTo("<!DOCTYPE x>");
        assertThatThrownBy(() -> reader.read("<A>&undefined;</A>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XmlRejectedException.class)
                .extracting(t -> ((XmlRejectedException) t).errorCode()).isEqualTo(ErrorCode.MALFORMED_XML);
    }
}
