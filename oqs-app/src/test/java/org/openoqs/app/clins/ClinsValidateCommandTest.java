package org.openoqs.app.clins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.examples.ExampleCorpus;

/**
 * {@code oqs clins validate} offline on the CLINS corpus: every valid Bundle is OK, every broken one is reported with
 * its expected code at its expected FHIRPath (except the problems only the registry can find), the exit code says
 * whether anything was found; missing input and an oversized file get their own answers.
 */
class ClinsValidateCommandTest {

    /** These need the registry or the stored Bundles, so only registration finds them. */
    private static final Set<String> NEEDS_THE_SERVICE = Set.of("OQSF2034", "OQSF2035", "OQSF2061", "OQSF2062");

    @TempDir
    Path dir;

    @Test
    void aFolderOfTheCorpusIsCheckedBundleByBundle() throws Exception {
        List<ExampleCorpus.Example> corpus = ExampleCorpus.dir("clins");
        for (ExampleCorpus.Example e : corpus) {
            Files.write(dir.resolve(e.file()), e.bytes());
        }

        ClinsCli.Run run = ClinsCli.run("validate", "--institution", ExampleCorpus.DEMO_INSTITUTION_CODE, dir.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(ClinsExitCodes.REFUSED);
        for (ExampleCorpus.Example e : corpus) {
            String block = block(run.out(), dir.resolve(e.file()).toString());
            if (!e.expectsError() || NEEDS_THE_SERVICE.contains(e.expected().split("@")[0])) {
                assertThat(block).as(e.toString()).startsWith("OK ");
            } else {
                String[] codeAt = e.expected().split("@", 2);
                assertThat(block).as(e.toString()).startsWith("NG ").contains("  " + codeAt[0] + " " + codeAt[1] + ": ");
            }
        }
        assertThat(run.out()).contains(corpus.size() + "件中 ");
    }

    @Test
    void oneValidBundleExitsZeroAndNamesWhatItHolds() throws Exception {
        Path file = write("condition-kokuho.json");

        ClinsCli.Run run = ClinsCli.run("validate", file.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("OK " + file + ": Condition 3件（0113810014^2026^");
    }

    @Test
    void anotherFacilitysBundleIsReportedWhenTheFacilityIsNamed() throws Exception {
        Path file = write("condition-kokuho.json");

        ClinsCli.Run run = ClinsCli.run("validate", "--institution", "1313810010", file.toString());

        assertThat(run.exit()).isEqualTo(ClinsExitCodes.REFUSED);
        assertThat(run.out()).contains("  OQSF2023 Bundle.identifier.value: ");
    }

    @Test
    void anOversizedFileIsReportedWithoutReadingItAll() throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[10 * 1024 * 1024 + 5000]);

        ClinsCli.Run run = ClinsCli.run("validate", big.toString());

        assertThat(run.exit()).isEqualTo(ClinsExitCodes.REFUSED);
        assertThat(run.out()).contains("  OQSF2004 Bundle: ");
    }

    @Test
    void missingInputAndAFolderWithoutBundlesAreSaidSo() throws Exception {
        ClinsCli.Run missing = ClinsCli.run("validate", dir.resolve("nothing.json").toString());
        Files.writeString(dir.resolve("readme.txt"), "not a bundle");
        ClinsCli.Run empty = ClinsCli.run("validate", dir.toString());

        assertThat(missing.exit()).isEqualTo(ClinsExitCodes.NO_INPUT);
        assertThat(missing.err()).contains("検査する .json ファイルがありません");
        assertThat(empty.exit()).isEqualTo(ClinsExitCodes.NO_INPUT);
    }

    private Path write(String name) throws Exception {
        ExampleCorpus.Example e = ExampleCorpus.dir("clins").stream().filter(x -> x.file().equals(name)).findFirst()
                .orElseThrow();
        return Files.write(dir.resolve(name), e.bytes());
    }

    /** The lines of one file's report: its OK/NG line and the problem lines under it. */
    private static String block(String out, String file) {
        StringBuilder block = new StringBuilder();
        boolean in = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("OK ") || line.startsWith("NG ")) {
                in = line.startsWith("OK " + file + ":") || line.startsWith("NG " + file + ":");
            }
            if (in) {
                block.append(line).append('\n');
            }
        }
        return block.toString();
    }
}
