package org.openoqs.server.clins.document;

import java.nio.charset.StandardCharsets;
import org.openoqs.examples.ExampleCorpus;

/** The document examples of oqs-examples ({@value #DIR}/). */
final class DocumentCorpus {

    static final String DIR = "clins-documents";

    private DocumentCorpus() {
    }

    static ExampleCorpus.Example example(String file) {
        return ExampleCorpus.dir(DIR).stream().filter(e -> e.file().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("not in " + DIR + "/index.csv: " + file));
    }

    static byte[] bytes(String file) {
        return example(file).bytes();
    }

    /** The Bundle.identifier value of the example. */
    static String identifier(String file) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(bytes(file)).path("identifier")
                .path("value").asString();
    }

    static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }
}
