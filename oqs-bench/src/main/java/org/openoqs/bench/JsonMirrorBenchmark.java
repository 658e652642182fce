package org.openoqs.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;

/**
 * The terminal API's wire codec, what the central service does per inquiry besides the lookup: the JSON mirror
 * of the request read into a tree and typed, the result tree written as JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonMirrorBenchmark {

    private byte[] requestJson;
    private XmlNode resultTree;

    @Setup
    public void prepare() {
        BenchmarkMessages messages = BenchmarkMessages.personaInquiry();
        requestJson = JsonMirror.toJsonBytes(QualificationMessages.requestToXml(messages.request));
        resultTree = QualificationMessages.resultToXml(messages.result);
    }

    @Benchmark
    public Object readRequestJson() {
        return QualificationMessages.readRequest(JsonMirror.fromJson(requestJson));
    }

    @Benchmark
    public byte[] writeResultJson() {
        return JsonMirror.toJsonBytes(resultTree);
    }
}
