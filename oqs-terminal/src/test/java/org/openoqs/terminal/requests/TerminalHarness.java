package org.openoqs.terminal.requests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.central.CentralServicePorts;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.central.SimulatedCentralService;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;

/** A demo-facility terminal on real folders, answered by the simulated service over the personas. */
final class TerminalHarness implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:30:00Z"), ZoneId.of("Asia/Tokyo"));

    final Path root;
    final SimulatedCentralService central;
    final FacilityTerminal terminal;

    TerminalHarness(Path root) throws IOException {
        this(root, LinkageSettings.defaults().withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    TerminalHarness(Path root, LinkageSettings settings) throws IOException {
        this(root, settings, (org.openoqs.terminal.central.CardPathService) null);
    }

    /** With the service's card-path endpoints ({@code null}: unreachable, as in the other constructors). */
    TerminalHarness(Path root, LinkageSettings settings, org.openoqs.terminal.central.CardPathService cardPath)
            throws IOException {
        this(root, settings, central -> CentralServicePorts.of(central).withCardPath(cardPath));
    }

    /** With the ports built on the simulated service ({@code CentralServicePorts.simulated}, say). */
    TerminalHarness(Path root, LinkageSettings settings,
            java.util.function.Function<SimulatedCentralService, CentralServicePorts> ports) throws IOException {
        this.root = root;
        this.central = new SimulatedCentralService(ExampleCorpus.DEMO_INSTITUTION_CODE,
                new InMemoryQualificationRegistry(SyntheticPopulation.personas()), CLOCK);
        LinkageFolders folders = LinkageFolders.under(root);
        this.terminal = FacilityTerminal.start(new TerminalConfig(ExampleCorpus.DEMO_INSTITUTION_CODE,
                java.net.URI.create("https://unused.invalid/"), null, null, null, null, folders,
                settings, null, null, CLOCK), ports.apply(central));
    }

    Path req() {
        return root.resolve("req");
    }

    Path res() {
        return root.resolve("res");
    }

    /** Drops a request the way a careful レセコン does: temporary name, then rename. */
    void drop(String name, byte[] content) throws IOException {
        Path temp = req().resolve("." + name + ".tmp");
        Files.write(temp, content);
        Files.move(temp, req().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits for a result file to appear and returns its bytes. */
    byte[] awaitResult(String name, Duration timeout) throws Exception {
        Path file = res().resolve(name);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no result " + name + " within " + timeout);
            }
            Thread.sleep(10);
        }
        return Files.readAllBytes(file);
    }

    QualificationInquiryResult awaitParsed(String name) throws Exception {
        return QualificationMessages.parseResult(awaitResult(name, Duration.ofSeconds(10)));
    }

    @Override
    public void close() {
        terminal.close();
    }
}
