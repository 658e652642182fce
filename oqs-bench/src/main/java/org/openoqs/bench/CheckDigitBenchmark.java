package org.openoqs.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.number.InstitutionCode;
import org.openoqs.core.number.InsurerNumber;

/**
 * The modulus-10 (weights 2-1) check digit, alone and inside the parsing of the numbers that carry it, which every
 * inquiry validates (insurer number) and every certificate names (institution code).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CheckDigitBenchmark {

    // synthetic numbers with valid check digits; non-final so the JIT cannot fold them into constants
    public String insurerNumber = "06199905";
    public String institutionCode = "0113810014";

    @Benchmark
    public boolean validateInsurerNumber() {
        return CheckDigit.isValid(insurerNumber);
    }

    @Benchmark
    public InsurerNumber parseInsurerNumber() {
        return InsurerNumber.parse(insurerNumber);
    }

    @Benchmark
    public InstitutionCode parseInstitutionCode() {
        return InstitutionCode.parse(institutionCode);
    }
}
