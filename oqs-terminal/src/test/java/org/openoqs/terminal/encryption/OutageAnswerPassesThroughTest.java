package org.openoqs.terminal.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;

/**
 * The encryption layer hands the agent's "service unavailable for too long" question to the router behind it, for
 * plain and encrypted prefixes alike; without that the agent would keep such requests forever.
 */
class OutageAnswerPassesThroughTest {

    @Test
    void theInnerProcessorsOutageAnswerIsReturned() {
        ProcessedResult innerAnswer = new ProcessedResult("OQSsiquc01res_x.xml",
                "OQSF9001".getBytes(StandardCharsets.UTF_8));
        RequestProcessor router = new RequestProcessor() {
            @Override
            public ProcessedResult process(RequestFile request) {
                throw new CentralServiceUnavailableException("down (test)");
            }

            @Override
            public ProcessedResult answerServiceUnavailable(RequestFile request, Duration waited) {
                return innerAnswer;
            }
        };
        EncryptingRequestProcessor encrypting = new EncryptingRequestProcessor(router,
                EncryptionConfig.parse("OQSsiquc=e\n", null), EncryptionTestSupport.PASSWORD,
                EncryptionTestSupport.errors(), EncryptionTestSupport.LIMIT);

        RequestFile encrypted = new RequestFile("OQSsiquc01req_x.zip", new byte[] {1, 2, 3});
        RequestFile plain = new RequestFile("OQSmuquc01req_x.xml", new byte[] {4, 5, 6});

        assertThat(encrypting.answerServiceUnavailable(encrypted, Duration.ofSeconds(120))).isSameAs(innerAnswer);
        assertThat(encrypting.answerServiceUnavailable(plain, Duration.ofSeconds(120))).isSameAs(innerAnswer);
    }
}
