package org.openoqs.app.clins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.demo.DemoSystem;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.examples.ExampleCorpus;

/**
 * Every Bundle of the CLINS corpus (oqs-examples clins/index.csv), in index order, through the demo clinic's
 * {@code req} folder as {@code CIPsibrg01req_} files: the real terminal sends each to the real service over mutual TLS
 * (its ClinsBundleService port) and writes {@code CIPsibrg01res_}: each valid one accepted with its outcome and
 * Bundle identifier, each broken one refused with its expected code at its expected FHIRPath among the problems, and
 * the facility's registrations unchanged by every refusal. Then a {@code CIPsibdl01req_} deletes one by identifier,
 * and a second delete of it is refused with OQSF2063.
 */
class ClinsCorpusThroughRequestFilesTest {

    @TempDir
    Path home;

    @TempDir
    Path aside;

    @Test
    void everyCorpusBundleGetsItsExpectedResultFile() throws Exception {
        try (DemoSystem demo = DemoSystem.start(home, 0)) {
            ClinsRequestFiles files = new ClinsRequestFiles(demo, aside);
            ClinsApi api = ClinsApi.forHome(home);
            List<ExampleCorpus.Example> corpus = ExampleCorpus.dir("clins");
            int n = 0;
            for (ExampleCorpus.Example e : corpus) {
                String before = api.list().body().toString();
                String id = "corpus-" + (++n);
                XmlNode result = files.send("CIPsibrg01", id, ClinsRequestFiles.register(id, e.bytes()));

                assertThat(ClinsRequestFiles.text(result, "MessageHeader", "ArbitraryFileIdentifier")).isEqualTo(id);
                switch (e.expected()) {
                    case "created" -> {
                        assertThat(ClinsRequestFiles.text(result, "MessageHeader", "ResultCode")).as(e + " " + result)
                                .isEqualTo("1");
                        assertThat(ClinsRequestFiles.text(result, "MessageBody", "Outcome")).isIn("created", "replaced");
                        assertThat(ClinsRequestFiles.text(result, "MessageBody", "BundleIdentifier"))
                                .startsWith(ExampleCorpus.DEMO_INSTITUTION_CODE + "^");
                    }
                    case "deleted" -> {
                        assertThat(ClinsRequestFiles.text(result, "MessageHeader", "ResultCode")).as(e + " " + result)
                                .isEqualTo("1");
                        assertThat(ClinsRequestFiles.text(result, "MessageBody", "Outcome")).isEqualTo("deleted");
                    }
                    default -> {
                        assertThat(ClinsRequestFiles.text(result, "MessageHeader", "ResultCode")).as(e + " " + result)
                                .isEqualTo("2");
                        assertThat(problems(result)).as(e + " " + result).contains(e.expected());
                        assertThat(api.list().body().toString()).as("stored after " + e).isEqualTo(before);
                    }
                }
            }
            assertThat(n).isGreaterThan(25);

            String identifier = "0113810014^2026^lab-kokuho-1";
            XmlNode deleted = files.send("CIPsibdl01", "delete-1", ClinsRequestFiles.delete("delete-1", identifier));
            XmlNode again = files.send("CIPsibdl01", "delete-2", ClinsRequestFiles.delete("delete-2", identifier));

            assertThat(ClinsRequestFiles.text(deleted, "MessageHeader", "ResultCode")).as(deleted.toString()).isEqualTo("1");
            assertThat(ClinsRequestFiles.text(deleted, "MessageBody", "Outcome")).isEqualTo("deleted");
            assertThat(ClinsRequestFiles.text(deleted, "MessageBody", "BundleIdentifier")).isEqualTo(identifier);
            assertThat(api.list().body().toString()).doesNotContain(identifier);
            assertThat(ClinsRequestFiles.text(again, "MessageHeader", "ResultCode")).isEqualTo("2");
            assertThat(problems(again)).contains("OQSF2063@Bundle.identifier.value");
        }
    }

    /** Each problem as {@code <code>@<FHIRPath>}, the form of index.csv's expected column. */
    private static List<String> problems(XmlNode result) {
        return result.path("MessageBody", "Problems").map(p -> p.children("Problem")).orElse(List.of()).stream()
                .map(p -> p.text("ErrorCode").orElse("") + "@" + p.text("Location").orElse("")).toList();
    }
}
