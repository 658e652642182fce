package org.openoqs.app.clins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.examples.ExampleCorpus;

/**
 * {@code oqs clins validate --ig DIR}: what makes the official validation impossible is said at once, in Japanese,
 * with its own exit code, before the validator would start — no such folder, no package in it, no such Bundle, a
 * Bundle that is not UTF-8 JSON, the validator jar not there, the Bundle named twice. (The validation itself:
 * oqs-it's ClinsOfficialValidateIT with the real jars and the official packages.)
 */
class ClinsValidateWithPackagesRefusalsTest {

    @TempDir
    Path dir;

    private Path packages;
    private Path valid;

    @BeforeEach
    void folders() throws Exception {
        packages = Files.createDirectories(dir.resolve("ig"));
        Files.writeString(packages.resolve("jp-core.r4.tgz"), "only its name is looked at before the validator runs");
        valid = Files.write(dir.resolve("condition-kokuho.json"), ExampleCorpus.dir("clins").stream()
                .filter(e -> e.file().equals("condition-kokuho.json")).findFirst().orElseThrow().bytes());
    }

    @Test
    void aPackageFolderThatDoesNotExistIsNamed() {
        ClinsCli.Run run = ClinsCli.run("validate", "--ig", dir.resolve("nowhere").toString(), "--bundle", valid.toString());

        assertThat(run.exit()).isEqualTo(ClinsExitCodes.NO_INPUT);
        assertThat(run.err()).contains("--ig の公式パッケージのフォルダがありません: ").contains("nowhere");
    }

    @Test
    void aFolderWithoutPackagesIsNamed() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README.md"), "no package here");

        ClinsCli.Run run = ClinsCli.run("validate", "--ig", empty.toString(), "--bundle", valid.toString());

        assertThat(run.exit()).isEqualTo(ClinsExitCodes.NO_INPUT);
        assertThat(run.err()).contains(empty + " に FHIR パッケージ（.tgz");
    }

    @Test
    void aBundleThatDoesNotExistIsNamed() {
        ClinsCli.Run run = ClinsCli.run("validate", "--ig", packages.toString(), "--bundle",
                dir.resolve("missing.json").toString());

        assertThat(run.exit()).isEqualTo(ClinsExitCodes.NO_INPUT);
        assertThat(run.err()).contains("missing.json に検査する .json ファイルがありません");
    }

    @Test
    void malformedJsonIsRefusedWithItsLineAndColumn() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"resourceType\": \"Bundle\",\n  \"type\": \n}");

        ClinsCli.Run run = ClinsCli.run("validate", "--ig", packages.toString(), "--bundle", broken.toString());

        assertThat(run.exit()).isEqualTo(ClinsExitCodes.REFUSED);
        assertThat(run.err()).contains("Bundle が UTF-8 の JSON として正しくありません（4行 ").contains("broken.json");
        assertThat(run.out()).doesNotContain("公式パッケージ");
    }

    @Test
    void aBundleInShiftJisIsRefusedAsNotUtf8Json() throws Exception {
        Path sjis = Files.write(dir.resolve("sjis.json"),
                "{\"resourceType\": \"Bundle\", \"id\": \"高血圧症\"}".getBytes(Charset.forName("Shift_JIS")));

        ClinsCli.Run run = ClinsCli.run("validate", "--ig", packages.toString(), "--bundle", sjis.toString());

        assertThat(run.exit()).isEqualTo(ClinsExitCodes.REFUSED);
        assertThat(run.err()).contains("Bundle が UTF-8 の JSON として正しくありません").contains("sjis.json");
    }

    @Test
    void jsonThatIsNoObjectIsRefused() throws Exception {
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");

        ClinsCli.Run run = ClinsCli.run("validate", "--ig", packages.toString(), "--bundle", array.toString());

        assertThat(run.exit()).isEqualTo(ClinsExitCodes.REFUSED);
        assertThat(run.err()).contains("Bundle が JSON のオブジェクトではありません: ");
    }

    @Test
    void aMissingValidatorJarIsSaidWithWhereItWasLookedForAndHowToBuildIt() {
        Path jar = dir.resolve("lib").resolve(OfficialValidator.JAR_NAME);

        ClinsCli.Run run = ClinsCli.run("validate", "--ig", packages.toString(), "--validator-jar", jar.toString(),
                "--bundle", valid.toString());

        assertThat(run.exit()).isEqualTo(ClinsExitCodes.VALIDATOR_MISSING);
        assertThat(run.err()).contains("公式パッケージの検証プログラム oqs-clins-validator-exec.jar がありません（探した場所: "
                + jar + "）").contains("./oqs を一度実行するとビルドされます");
    }

    @Test
    void aBundleNamedTwiceOrNotAtAllIsRefused() {
        ClinsCli.Run twice = ClinsCli.run("validate", "--ig", packages.toString(), "--bundle", valid.toString(),
                valid.toString());
        ClinsCli.Run none = ClinsCli.run("validate", "--ig", packages.toString());

        assertThat(twice.exit()).isEqualTo(ClinsExitCodes.NO_INPUT);
        assertThat(twice.err()).contains("引数か --bundle のどちらか一方で指定してください");
        assertThat(none.exit()).isEqualTo(ClinsExitCodes.NO_INPUT);
        assertThat(none.err()).contains("引数か --bundle のどちらか一方で指定してください");
    }

    @Test
    void theValidatorIsFoundInTheBuildOfThisCheckoutWhenNotNamed() {
        assertThat(OfficialValidator.candidates(java.util.Optional.empty()))
                .anySatisfy(place -> assertThat(place.toString()).endsWith(
                        "oqs-clins-validator/target/" + OfficialValidator.JAR_NAME));
    }
}
