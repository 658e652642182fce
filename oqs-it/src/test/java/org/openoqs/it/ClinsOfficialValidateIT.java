package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.examples.ExampleCorpus;

/**
 * {@code oqs clins validate --ig DIR --bundle FILE} from the packaged jar, as a vendor runs it: oqs.jar finds the
 * official validator's own jar in the build, runs it with the unmodified JP Core / JP-CLINS packages of
 * ../shared/fhir/jami-clins-ad5ab68 and passes its verdicts, errors and warnings on with its exit status — 0 for
 * a Bundle the packages accept (warnings only), 2 for one they find errors in (a documented disagreement of
 * docs/clins.md: UNDELIVERED on an Observation). Without the package folder (a clone without ../shared) it skips.
 */
class ClinsOfficialValidateIT {

    @TempDir
    Path dir;

    @Test
    void theOfficialPackagesGiveTheirVerdictThroughTheCommand() throws Exception {
        Path packages = Path.of(System.getProperty("oqs.repo", "..")).resolve("../shared/fhir/jami-clins-ad5ab68")
                .toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(packages.resolve("jp-clins.r4-1.5.2.tgz")),
                "the official packages " + packages + " are not next to this checkout (never copied into the "
                        + "repository), so the official second opinion cannot run here");
        Path accepted = write("condition-kokuho.json");
        Path disagreed = write("infection-kouki.json");

        DemoProcess.Completed ok = DemoProcess.run("clins", "validate", "--ig", packages.toString(),
                "--bundle", accepted.toString());
        DemoProcess.Completed errors = DemoProcess.run("clins", "validate", "--ig", packages.toString(),
                "--bundle", disagreed.toString());

        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("公式パッケージ " + packages + " による検証（参考")
                .contains("公式プロファイル: jp-eCSCLINS.r4#1.x.x-temp, jp-core.r4#1.1.2-url")
                .contains("OK " + accepted).contains("  WARN ").contains("検証 1件、エラーあり 0件");
        assertThat(errors.exitCode()).as(errors.output()).isEqualTo(2);
        assertThat(errors.output()).contains("NG " + disagreed)
                .contains("  ERROR Bundle.entry[2].resource.meta.tag[0]: ")
                .contains("[Validation_VAL_Profile_NotSlice]").contains("検証 1件、エラーあり 1件");
    }

    private Path write(String file) throws Exception {
        List<ExampleCorpus.Example> corpus = ExampleCorpus.dir("clins");
        return Files.write(dir.resolve(file), corpus.stream().filter(e -> e.file().equals(file)).findFirst()
                .orElseThrow().bytes());
    }
}
