package org.openoqs.core.homecare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.examples.ExampleCorpus.Example;

/** Every {@code OQSsiurl01req} example (UTF-8 and Shift_JIS) is read as its index says: the selection, or the file-level code. */
class UrlRequestCorpusTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.openoqs.examples.ExampleCorpus#homeCareUrl")
    void eachExampleIsCheckedAsItsIndexSays(Example example) {
        XmlNode root;
        try {
            root = new XmlDocumentReader().read(example.bytes());
        } catch (InputRejectedException e) {
            assertThat(e.errorCode().code()).isEqualTo(example.expected());
            return;
        }
        UrlRequest.Outcome outcome = UrlRequest.check(root, ExampleCorpus.DEMO_INSTITUTION_CODE);
        if (example.expected().startsWith("url:")) {
            String[] parts = example.expected().split(":");
            assertThat(outcome.accepted()).as(String.valueOf(outcome.violation())).isTrue();
            assertThat(outcome.request().treatment().code()).isEqualTo(parts[1]);
            assertThat(outcome.request().format().code()).isEqualTo(parts[2]);
            assertThat(outcome.request().regenerate()).isEqualTo(parts.length > 3 && parts[3].equals("1"));
        } else {
            assertThat(outcome.accepted()).isFalse();
            assertThat(outcome.violation().code().code()).isEqualTo(example.expected());
            assertThat(outcome.violation().code().level()).isEqualTo(ErrorCode.Level.FILE);
        }
    }
}
