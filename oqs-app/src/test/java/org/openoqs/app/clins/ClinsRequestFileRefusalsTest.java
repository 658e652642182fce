package org.openoqs.app.clins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.demo.DemoSystem;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.examples.ExampleCorpus;

/**
 * 6情報 request files that cannot be registered get a result file with their specific error — never silence, never
 * a stored change: a file that is not XML (the bare Bundle JSON), bytes not in the declared encoding, a file over the
 * terminal's size limit, no MessageBody, no FhirBundle / BundleIdentifier in it, another facility's code in the header
 * (all refused by the terminal itself, the file-level code in the header), and FhirBundle text that is not JSON (the
 * service's OQSF2001 among the problems). A Shift_JIS envelope is fine: the Bundle is sent as UTF-8 JSON.
 */
class ClinsRequestFileRefusalsTest {

    @TempDir
    Path home;

    @TempDir
    Path aside;

    @Test
    void eachMalformedFileGetsItsOwnErrorAndNothingIsStored() throws Exception {
        try (DemoSystem demo = DemoSystem.start(home, 0)) {
            ClinsRequestFiles files = new ClinsRequestFiles(demo, aside);
            ClinsApi api = ClinsApi.forHome(home);
            byte[] bundle = corpus("condition-kokuho.json");
            String before = api.list().body().toString();

            assertThat(fileLevelCode(files.send("CIPsibrg01", "json", bundle))).isEqualTo("OQSF1003");
            assertThat(fileLevelCode(files.send("CIPsibrg01", "sjis-as-utf8",
                    new String(ClinsRequestFiles.register("sjis-as-utf8", bundle), StandardCharsets.UTF_8)
                            .getBytes(Charset.forName("Shift_JIS"))))).isEqualTo("OQSF1006");
            byte[] huge = new byte[10 * 1024 * 1024 + 1];
            java.util.Arrays.fill(huge, (byte) ' ');
            assertThat(fileLevelCode(files.send("CIPsibrg01", "huge", huge))).isEqualTo("OQSF1002");
            assertThat(fileLevelCode(files.send("CIPsibrg01", "no-body", envelope("no-body", DemoSystem.INSTITUTION_CODE,
                    "")))).isEqualTo("OQSF1103");
            assertThat(fileLevelCode(files.send("CIPsibrg01", "empty-body", envelope("empty-body",
                    DemoSystem.INSTITUTION_CODE, "<MessageBody><FhirBundle>  </FhirBundle></MessageBody>"))))
                    .isEqualTo("OQSF2064");
            assertThat(fileLevelCode(files.send("CIPsibdl01", "no-identifier", envelope("no-identifier",
                    DemoSystem.INSTITUTION_CODE, "<MessageBody></MessageBody>")))).isEqualTo("OQSF2065");
            assertThat(fileLevelCode(files.send("CIPsibrg01", "foreign", envelope("foreign", "1313810010",
                    "<MessageBody><FhirBundle>{}</FhirBundle></MessageBody>")))).isEqualTo("OQSF1204");

            XmlNode notJson = files.send("CIPsibrg01", "not-json", envelope("not-json", DemoSystem.INSTITUTION_CODE,
                    "<MessageBody><FhirBundle>{\"resourceType\": \"Bundle\",</FhirBundle></MessageBody>"));
            assertThat(ClinsRequestFiles.text(notJson, "MessageHeader", "ResultCode")).isEqualTo("2");
            assertThat(ClinsRequestFiles.text(notJson, "MessageHeader", "ErrorCode")).isEqualTo("OQSF2001");
            assertThat(notJson.path("MessageBody", "Problems", "Problem", "ErrorCode").map(XmlNode::text))
                    .contains("OQSF2001");

            assertThat(api.list().body().toString()).as("nothing stored by any refusal").isEqualTo(before);

            XmlNode shiftJis = files.send("CIPsibrg01", "sjis", new String(ClinsRequestFiles.register("sjis", bundle),
                    StandardCharsets.UTF_8).replace("encoding=\"UTF-8\"", "encoding=\"Shift_JIS\"")
                    .getBytes(Charset.forName("Shift_JIS")));
            assertThat(ClinsRequestFiles.text(shiftJis, "MessageHeader", "ResultCode")).as(shiftJis.toString())
                    .isEqualTo("1");
            assertThat(api.list().body().toString()).contains(
                    ClinsRequestFiles.text(shiftJis, "MessageBody", "BundleIdentifier"));
        }
    }

    private static String fileLevelCode(XmlNode result) {
        assertThat(ClinsRequestFiles.text(result, "MessageHeader", "SegmentOfResult")).as(result.toString())
                .isEqualTo("9");
        return ClinsRequestFiles.text(result, "MessageHeader", "ErrorCode");
    }

    private static byte[] envelope(String fileId, String institution, String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>" + institution
                + "</MedicalInstitutionCode><ArbitraryFileIdentifier>" + fileId + "</ArbitraryFileIdentifier>"
                + "</MessageHeader>" + body + "</XmlMsg>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] corpus(String file) {
        return ExampleCorpus.dir("clins").stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow().bytes();
    }
}
