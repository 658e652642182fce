package org.openoqs.terminal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.central.CentralServicePorts;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.central.SimulatedCentralService;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;
import org.openoqs.terminal.requests.bulk.RecordingBulkService;

/**
 * Every request prefix the interface notes list (INTERFACE.md §2.1), dropped into a running terminal's req folder,
 * gets its defined answer: implemented types are processed, known but unimplemented ones get OQSF1302 naming the
 * type in Japanese, unknown ones OQSF1301.
 */
class EveryPrefixAnswerTest {

    /** The prefixes of INTERFACE.md §2.1, written out here so that a type dropped from RequestType is noticed. */
    static final List<String> LISTED_PREFIXES = List.of(
            "OQSsiquc01", "OQSmuquc01", "OQSmuquc02", "OQSsiimm01", "OQSmuimm01", "OQSmuimm02",
            "OQSmutic01", "OQSmutic02", "OQSmuhvq01", "OQSmuhvq02", "OQSmuonq01", "OQSmuonq02",
            "YZKsiquc01", "TKKsiquc01", "CIPsiquc01",
            "OQSsihvq01", "OQSsionq01", "OQSsihvd01", "OQSsiurl01", "OQSsiinq01", "OQSsiupd01", "PMHsimsm01");
    /** 電子処方箋: a family whose exact names are not public. */
    static final List<String> EPS_PREFIXES = List.of("EPSsiquc01", "EPSsipre01", "EPSmupre02");
    static final List<String> UNKNOWN_PREFIXES = List.of("XYZsiquc01", "OQSsiquc09", "OQSsixyz01", "YZKmuquc01");

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:30:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    static Path root;
    static FacilityTerminal terminal;

    @BeforeAll
    static void start() throws Exception {
        SimulatedCentralService central = new SimulatedCentralService(ExampleCorpus.DEMO_INSTITUTION_CODE,
                new InMemoryQualificationRegistry(SyntheticPopulation.personas()), CLOCK);
        terminal = FacilityTerminal.start(new TerminalConfig(ExampleCorpus.DEMO_INSTITUTION_CODE,
                URI.create("https://unused.invalid/"), null, null, null, null, LinkageFolders.under(root),
                LinkageSettings.defaults().withRescanInterval(Duration.ofMillis(100))
                        .withStableFor(Duration.ofMillis(20)), null, null, CLOCK),
                CentralServicePorts.of(central).withBulk(new RecordingBulkService())); // the bulk flows need the service's bulk endpoints (docs/bulk.md)
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    @Test
    void requestTypeKnowsEveryListedPrefix() {
        Set<String> known = Stream.of(RequestType.values()).map(RequestType::prefix).collect(Collectors.toSet());
        assertThat(known).containsAll(LISTED_PREFIXES);
        assertThat(RequestType.values()).allSatisfy(type -> assertThat(type.label()).isNotBlank());
        assertThat(EPS_PREFIXES).allMatch(RequestType::isKnownFamily);
    }

    static Stream<Arguments> listed() {
        return LISTED_PREFIXES.stream().map(prefix -> Arguments.of(prefix, RequestType.ofPrefix(prefix).orElseThrow()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listed")
    void listedPrefixGetsItsDefinedAnswer(String prefix, RequestType type) throws Exception {
        QualificationInquiryResult result = answer(prefix);
        if (type.implemented()) {
            assertThat(result.header().errorCode()).isNotIn("OQSF1301", "OQSF1302");
            if (type == RequestType.QUALIFICATION_INQUIRY) {
                assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
            }
        } else {
            assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(result.header().errorCode()).isEqualTo("OQSF1302");
            assertThat(result.header().errorMessage()).contains("対応していません", type.label());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("epsPrefixes")
    void prescriptionFamilyIsKnownButNotSupported(String prefix) throws Exception {
        QualificationInquiryResult result = answer(prefix);
        assertThat(result.header().errorCode()).isEqualTo("OQSF1302");
        assertThat(result.header().errorMessage()).contains("電子処方箋");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownPrefixes")
    void unknownPrefixIsAnUnknownRequest(String prefix) throws Exception {
        QualificationInquiryResult result = answer(prefix);
        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(result.header().errorCode()).isEqualTo("OQSF1301");
    }

    static List<String> epsPrefixes() {
        return EPS_PREFIXES;
    }

    static List<String> unknownPrefixes() {
        return UNKNOWN_PREFIXES;
    }

    /** Drops a valid inquiry under the prefix and returns the parsed result. */
    private static QualificationInquiryResult answer(String prefix) throws Exception {
        String id = "prefix" + prefix;
        Path req = root.resolve("req");
        Path temp = req.resolve("." + prefix + ".tmp");
        Files.write(temp, ExampleCorpus.valid().get(0).bytes());
        Files.move(temp, req.resolve(prefix + "req_" + id + ".xml"), StandardCopyOption.ATOMIC_MOVE);
        Path result = root.resolve("res").resolve(prefix + "res_" + id + ".xml");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(result)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no answer for " + prefix);
            }
            Thread.sleep(10);
        }
        return QualificationMessages.parseResult(Files.readAllBytes(result));
    }
}
