package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.drop;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;
import static org.openoqs.terminal.linkage.LinkageTestSupport.names;
import static org.openoqs.terminal.linkage.LinkageTestSupport.read;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OversizedRequestTest {

    private static final String REQUEST = "OQSsiquc01req_202504010009.xml";

    @TempDir
    Path root;

    @Test
    void anOversizedFileIsHandedOverUnreadAndAnswered() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        RecordingProcessor processor = new RecordingProcessor();
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings().withMaxRequestBytes(1024), processor)) {
            agent.start();
            drop(folders.req(), REQUEST, new byte[4096]);
            drop(folders.req(), "OQSsiquc01req_202504010010.xml", new byte[1024]); // exactly at the limit
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
        }
        assertThat(processor.requests()).filteredOn(request -> request.name().equals(REQUEST)).singleElement()
                .satisfies(request -> {
                    assertThat(request.oversized()).isTrue();
                    assertThat(request.content()).isNull();
                });
        assertThat(processor.requests()).filteredOn(request -> !request.name().equals(REQUEST)).singleElement()
                .satisfies(request -> assertThat(request.content()).hasSize(1024));
        assertThat(read(folders.res().resolve("OQSsiquc01res_202504010009.xml")))
                .isEqualTo(RecordingProcessor.answerTo(REQUEST, "oversized"));
        assertThat(names(folders.processing())).isEmpty();
    }
}
