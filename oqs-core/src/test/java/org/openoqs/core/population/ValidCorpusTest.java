package org.openoqs.core.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openoqs.core.number.InstitutionCode;

/**
 * The committed valid corpus ({@code oqs-examples/src/main/resources/org/openoqs/examples/valid/}) must equal what
 * {@link PersonaCorpus} generates. To regenerate after changing a persona run {@link WriteValidCorpus} (or this test
 * with {@code -Dopenoqs.corpus.write=true}) and commit the result.
 */
class ValidCorpusTest {

    @Test
    void committedFilesEqualGeneratedOnes() throws IOException {
        Map<String, String> expected = PersonaCorpus.files();
        if (Boolean.getBoolean("openoqs.corpus.write")) {
            WriteValidCorpus.write(WriteValidCorpus.sourceDir());
        }
        Path dir = WriteValidCorpus.sourceDir();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String committed = Files.isDirectory(dir)
                    ? Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8)
                    : classpath(e.getKey());
            assertThat(committed).as(e.getKey() + " drifted from Personas; run WriteValidCorpus").isEqualTo(e.getValue());
        }
    }

    @Test
    void corpusUsesACheckDigitValidInstitutionCode() {
        assertThat(InstitutionCode.parse(PersonaCorpus.MEDICAL_INSTITUTION_CODE).digits()).isEqualTo("0113810014");
        assertThat(PersonaCorpus.files()).hasSize(Personas.all().size() + 1);
        assertThat(PersonaCorpus.files().get("index.csv"))
                .startsWith("file,kind,expected,description\nshaho-honnin.xml,OQSsiquc01req,validity:1,社保 本人\n");
    }

    private static String classpath(String name) throws IOException {
        try (InputStream in = ValidCorpusTest.class.getClassLoader().getResourceAsStream(PersonaCorpus.RESOURCE_DIR + name)) {
            assertThat(in).as("corpus file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
