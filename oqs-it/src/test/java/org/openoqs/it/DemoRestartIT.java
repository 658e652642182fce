package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.examples.ExampleCorpus;

/**
 * A crash (SIGKILL) with requests in flight, then a restart on the same home: every request is answered
 * exactly once, no temporary or claimed file is left, and the service keeps its data.
 */
class DemoRestartIT {

    static final int REQUESTS = 200;

    @TempDir
    Path home;

    @Test
    void killedWhileBusyThenRestartedAnswersEveryRequestExactlyOnce() throws Exception {
        byte[] request = ExampleCorpus.valid().get(0).bytes();
        List<String> names = new ArrayList<>();
        try (DemoProcess first = DemoProcess.start(home)) {
            for (int i = 0; i < REQUESTS; i++) {
                String name = String.format("OQSsiquc01req_crash%04d.xml", i);
                Folders.drop(first.req(), name, request);
                names.add(name);
            }
            Thread.sleep(150); // some answered, some in flight, some not yet seen
            first.kill();
        }
        int answeredBeforeCrash = Folders.names(home.resolve("OQS/res")).size();

        try (DemoProcess second = DemoProcess.start(home)) {
            for (String name : names) {
                String result = name.replace("req_", "res_");
                byte[] bytes = Folders.awaitFile(second.res().resolve(result), Duration.ofSeconds(60));
                assertThat(QualificationMessages.parseResult(bytes).header().segmentOfResult())
                        .as(result).isEqualTo(SegmentOfResult.COMPLETED);
            }
            assertThat(Folders.names(second.res())).hasSize(REQUESTS).allMatch(n -> n.startsWith("OQSsiquc01res_"));
            assertThat(Folders.names(second.req())).isEmpty();
            assertThat(Folders.names(home.resolve("terminal/work/processing"))).isEmpty();
            assertThat(completionLinesPerRequest()).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));
            assertThat(second.output()).as("answers before the crash: " + answeredBeforeCrash).contains("OQS demo ready");
        }
    }

    @Test
    void secondStartKeepsCaCertificatesAndPasswords() throws Exception {
        String firstMaster;
        String firstClientPassword;
        try (DemoProcess first = DemoProcess.start(home)) {
            firstMaster = first.properties().getProperty("master.password");
            firstClientPassword = first.properties().getProperty("client.p12.password");
        }
        byte[] caBefore = Files.readAllBytes(home.resolve("ca/ca.pem"));
        try (DemoProcess second = DemoProcess.start(home)) {
            assertThat(second.properties().getProperty("master.password")).isEqualTo(firstMaster);
            assertThat(second.properties().getProperty("client.p12.password")).isEqualTo(firstClientPassword);
            assertThat(Files.readAllBytes(home.resolve("ca/ca.pem"))).isEqualTo(caBefore);
            Folders.drop(second.req(), "OQSsiquc01req_after-restart.xml", ExampleCorpus.valid().get(0).bytes());
            byte[] result = Folders.awaitFile(second.res().resolve("OQSsiquc01res_after-restart.xml"),
                    Duration.ofSeconds(20));
            assertThat(QualificationMessages.parseResult(result).body().qualificationValidity()).isNotNull();
        }
    }

    /** Journal completion lines are {@code <millis>\t<request>\t<result>\t<sha256>}. */
    private Map<String, Long> completionLinesPerRequest() throws Exception {
        Path journal = home.resolve("terminal/work/answered.log");
        return Files.readAllLines(journal).stream()
                .map(line -> line.split("\t"))
                .filter(fields -> fields.length == 4 && fields[0].chars().allMatch(Character::isDigit))
                .map(fields -> fields[1])
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
