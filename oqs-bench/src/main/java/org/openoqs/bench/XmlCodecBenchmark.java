package org.openoqs.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;

/**
 * The terminal's file codec: parse and write the {@code OQSsiquc01} request and result, in both character codes a
 * facility can choose (UTF-8, Shift_JIS written as windows-31j). Parsing includes the safety checks of the reader
 * (no DOCTYPE, size and depth limits) and the typed reading of every field.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class XmlCodecBenchmark {

    @Param({"UTF_8", "SHIFT_JIS"})
    public String characterCode;

    private CharacterCode code;
    private BenchmarkMessages messages;
    private byte[] requestBytes;
    private byte[] resultBytes;

    @Setup
    public void prepare() {
        code = CharacterCode.valueOf(characterCode);
        messages = BenchmarkMessages.personaInquiry();
        requestBytes = messages.requestBytes(code);
        resultBytes = messages.resultBytes(code);
    }

    @Benchmark
    public QualificationInquiryRequest parseRequest() {
        return QualificationMessages.parseRequest(requestBytes);
    }

    @Benchmark
    public QualificationInquiryResult parseResult() {
        return QualificationMessages.parseResult(resultBytes);
    }

    @Benchmark
    public byte[] writeRequest() {
        return QualificationMessages.writeRequest(messages.request, code).bytes();
    }

    @Benchmark
    public byte[] writeResult() {
        return QualificationMessages.writeResult(messages.result, code).bytes();
    }
}
