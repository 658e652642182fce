package org.openoqs.clins.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cannot be validated is said, in Japanese, with exit 3 — never a stack trace: no package or no Bundle given, a
 * package path that does not exist, a folder without packages, a file that is not a FHIR package, a Bundle path that
 * does not exist. (None of these needs the official packages.)
 */
class OfficialProfilesCommandRefusalsTest {

    @TempDir
    Path dir;

    @Test
    void withoutAPackageOrABundleTheUsageIsShown() throws Exception {
        Path bundle = Files.writeString(dir.resolve("b.json"), "{}");

        assertThat(run(bundle.toString())).isEqualTo("3 使い方: --ig <パッケージ.tgz|フォルダ> … <Bundle.json|フォルダ> …");
        assertThat(run("--ig", dir.toString())).startsWith("3 使い方");
        assertThat(run(bundle.toString(), "--ig")).isEqualTo("3 --ig の後にパッケージ（.tgz）またはそのフォルダを指定してください");
    }

    @Test
    void aMissingPackageAFolderWithoutPackagesAndAFileThatIsNoPackageAreNamed() throws Exception {
        Path bundle = Files.writeString(dir.resolve("b.json"), "{}");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path notAPackage = Files.writeString(dir.resolve("jp-core.tgz"), "not a gzip archive");

        assertThat(run("--ig", dir.resolve("nowhere").toString(), bundle.toString()))
                .startsWith("3 公式パッケージを読めません: ").contains("nowhere: ファイルまたはフォルダがありません");
        assertThat(run("--ig", empty.toString(), bundle.toString()))
                .contains("empty: フォルダにパッケージ（.tgz）がありません");
        assertThat(run("--ig", notAPackage.toString(), bundle.toString()))
                .contains("jp-core.tgz: FHIR パッケージとして読めません");
    }

    @Test
    void aBundlePathThatDoesNotExistIsNamed() throws Exception {
        Path notAPackage = Files.writeString(dir.resolve("p.tgz"), "x");

        assertThat(run("--ig", notAPackage.toString(), dir.resolve("missing.json").toString()))
                .startsWith("3 検証するファイルまたはフォルダがありません: ").contains("missing.json");
        assertThat(run("--ig", notAPackage.toString(), Files.createDirectories(dir.resolve("no-json")).toString()))
                .startsWith("3 検証する JSON ファイル（.json）がありません");
    }

    /** Exit code, a space, and what went to standard error (stripped). */
    private static String run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = OfficialProfilesCommand.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return exit + " " + err.toString(StandardCharsets.UTF_8).strip();
    }
}
