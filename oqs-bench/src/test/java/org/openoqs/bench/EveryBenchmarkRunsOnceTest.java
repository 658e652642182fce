package org.openoqs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.xml.JsonMirror;

/**
 * The build compiles the benchmarks but never runs JMH; this calls every benchmark method once, outside JMH, so a
 * benchmark broken by a codec change (wrong input, exception, changed meaning) fails the build instead of the next
 * person who runs {@code java -jar oqs-bench/target/oqs-bench.jar}.
 */
class EveryBenchmarkRunsOnceTest {

    @Test
    void xmlCodecBenchmarksRoundTripInBothCharacterCodes() {
        for (String code : new String[] {"UTF_8", "SHIFT_JIS"}) {
            XmlCodecBenchmark benchmark = new XmlCodecBenchmark();
            benchmark.characterCode = code;
            benchmark.prepare();

            assertThat(benchmark.parseRequest()).isEqualTo(BenchmarkMessages.personaInquiry().request);
            assertThat(benchmark.parseResult().body()).isEqualTo(BenchmarkMessages.personaInquiry().result.body());
            assertThat(benchmark.parseResult().header().characterCodeIdentifier().name()).isEqualTo(code);
            assertThat(QualificationMessages.parseRequest(benchmark.writeRequest()))
                    .isEqualTo(benchmark.parseRequest());
            assertThat(QualificationMessages.parseResult(benchmark.writeResult())).isEqualTo(benchmark.parseResult());
            assertThat(benchmark.parseResult().body().results()).as("the persona has a result record").isNotEmpty();
        }
    }

    @Test
    void jsonMirrorBenchmarksReadAndWriteTheWireFormat() {
        JsonMirrorBenchmark benchmark = new JsonMirrorBenchmark();
        benchmark.prepare();

        assertThat(benchmark.readRequestJson()).isEqualTo(BenchmarkMessages.personaInquiry().request);
        assertThat(QualificationMessages.readResult(JsonMirror.fromJson(benchmark.writeResultJson())))
                .isEqualTo(BenchmarkMessages.personaInquiry().result);
    }

    @Test
    void checkDigitBenchmarksWorkOnValidNumbers() {
        CheckDigitBenchmark benchmark = new CheckDigitBenchmark();

        assertThat(benchmark.validateInsurerNumber()).isTrue();
        assertThat(benchmark.parseInsurerNumber().digits()).isEqualTo("06199905");
        assertThat(benchmark.parseInstitutionCode().digits()).isEqualTo("0113810014");
    }
}
