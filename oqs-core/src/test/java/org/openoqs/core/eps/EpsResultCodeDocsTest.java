package org.openoqs.core.eps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The EPS codes keep their format, are unique, and docs/e-prescription.md lists each with its message. */
class EpsResultCodeDocsTest {

    static Path docs() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        for (Path p = module.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/e-prescription.md"))) {
                return p.resolve("docs/e-prescription.md");
            }
        }
        throw new AssertionError("docs/e-prescription.md not found above " + module.toAbsolutePath());
    }

    @Test
    void everyCodeHasTheEpsFormatAndIsUnique() {
        assertThat(Arrays.stream(EpsResultCode.values()).map(EpsResultCode::code))
                .allMatch(c -> c.matches("EPS[A-D]\\d{4}[IWE]"))
                .doesNotHaveDuplicates();
        assertThat(EpsResultCode.ALREADY_CANCELLED.code()).isEqualTo("EPSB1032W");
        assertThat(EpsResultCode.ALREADY_CANCELLED.carriedOut()).isFalse();
        assertThat(EpsResultCode.ALREADY_REGISTERED.carriedOut()).isTrue();
        assertThat(EpsResultCode.fromCode(" EPSA1001E ")).contains(EpsResultCode.NOT_ENABLED);
        assertThat(EpsResultCode.fromCode("OQSF1001")).isEmpty();
    }

    @Test
    void docsListEveryCodeWithItsMessage() throws IOException {
        String md = Files.readString(docs(), StandardCharsets.UTF_8);
        for (EpsResultCode c : EpsResultCode.values()) {
            assertThat(md).as("docs/e-prescription.md row of %s", c)
                    .contains("| `" + c.code() + "` | `" + c.name() + "` | " + (c.carriedOut() ? "1" : "2") + " | "
                            + c.message() + " | " + c.description() + " |");
        }
    }
}
