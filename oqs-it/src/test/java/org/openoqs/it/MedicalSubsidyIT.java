package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.examples.ExampleCorpus;

/**
 * PMH 医療費助成 through the real {@code oqs demo} process (whose facility opted in to 医療費助成情報): 山田 太郎, who holds
 * two 受給者証, provides them at the reader → the face file carries both, and so does the facility's 個別照会 through the
 * folders; when he declines, the face file carries none and nothing that says why.
 */
class MedicalSubsidyIT {

    @TempDir
    static Path home;
    static DemoProcess demo;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoProcess.start(home);
    }

    @AfterAll
    static void stopDemo() throws Exception {
        demo.stop();
    }

    private static String faceFile(String consents) throws Exception {
        DemoProcess.Completed done = DemoProcess.run("reader", "confirm", "--home", home.toString(), "--card",
                "P000000000000001", "--method", "face", "--consent", consents);
        assertThat(done.exitCode()).as(done.output()).isZero();
        Path face = Path.of(done.output().strip().lines().reduce((a, b) -> b).orElseThrow());
        return Files.readString(face, StandardCharsets.UTF_8);
    }

    @Test
    void providedTheyComeWithBothResultsDeclinedNeitherAndNoReason() throws Exception {
        String declined = faceFile("drug");
        assertThat(declined).contains("<Name>山田　太郎</Name>").doesNotContain("MedicalSubsidy", "助成");

        String provided = faceFile("subsidy,limit");
        assertThat(provided).contains("<MedicalSubsidyInfoList>", "特定医療費（指定難病）受給者証", "重度心身障害者医療費受給者証",
                "<MaxCopaymentAmount>10000</MaxCopaymentAmount>");
        assertThat(provided.split("<MedicalSubsidyInfo>", -1)).hasSize(3);

        ExampleCorpus.Example shahoHonnin = ExampleCorpus.valid().stream()
                .filter(e -> e.file().equals("shaho-honnin.xml")).findFirst().orElseThrow();
        Folders.drop(demo.req(), "OQSsiquc01req_pmh-1.xml", shahoHonnin.bytes());
        byte[] bytes = Folders.awaitFile(demo.res().resolve("OQSsiquc01res_pmh-1.xml"), Duration.ofSeconds(20));
        QualificationInquiryResult result = QualificationMessages.parseResult(bytes);
        assertThat(result.body().medicalSubsidies()).extracting(c -> c.certificationName())
                .containsExactly("特定医療費（指定難病）受給者証", "重度心身障害者医療費受給者証");

        String declinedAgain = faceFile("");
        assertThat(declinedAgain).doesNotContain("MedicalSubsidy");
    }
}
