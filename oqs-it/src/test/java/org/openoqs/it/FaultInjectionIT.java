package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.pki.TrustStores;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.health.HealthProblem;
import org.openoqs.terminal.health.TerminalHealth;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults injected between a terminal and the real central service of one shared {@code oqs demo} process: the
 * service unreachable or hanging while requests arrive, a full or read-only {@code res}, a request rewritten while
 * it is answered, and a slow service that shows the limit of 20 concurrent sessions. Each test runs its own
 * terminal (the product's {@link FacilityTerminal}, HTTPS with the demo facility's certificate) on its own folders,
 * through a {@link FaultProxy}; the crash case (SIGKILL) is {@link DemoRestartIT}. docs/reliability.md describes
 * the behaviour these tests pin down.
 */
class FaultInjectionIT {

    static final String MOUNT_NEEDED = "a full or read-only result folder is a tiny tmpfs mount: run the tests as root "
            + "(as ./mvnw verify does in CI) or as a user with passwordless sudo";

    private static final String INSTITUTION = "0113810014";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path shared;
    static DemoProcess demo;
    static FaultProxy proxy;
    static Path clientP12;
    static char[] clientPassword;
    static Path trustStore;

    @TempDir
    Path root;

    @BeforeAll
    static void startDemoBehindProxy() throws Exception {
        demo = DemoProcess.start(shared.resolve("demo"));
        Properties props = demo.properties();
        proxy = new FaultProxy(URI.create(props.getProperty("api.url")).getPort());
        clientP12 = Path.of(props.getProperty("client.p12"));
        clientPassword = props.getProperty("client.p12.password").toCharArray();
        trustStore = shared.resolve("trust.p12");
        try (InputStream pem = Files.newInputStream(Path.of(props.getProperty("ca.pem")))) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
            TrustStores.writeTrustStore(trustStore, clientPassword, ca);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (demo != null) {
            demo.stop();
        }
    }

    @BeforeEach
    void healthyNetwork() {
        proxy.switchTo(FaultProxy.Mode.FORWARD);
        proxy.delayEachChunk(Duration.ZERO);
    }

    @Test
    void requestsArrivingDuringAnOutageAreKeptRetriedWithBackOffAndAllAnsweredWhenTheServiceReturns()
            throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        LinkageSettings settings = LinkageSettings.defaults()
                .withRetryDelays(Duration.ofMillis(200), Duration.ofMillis(800));
        proxy.switchTo(FaultProxy.Mode.REFUSE);
        try (FacilityTerminal terminal = terminal(folders, settings, Duration.ofSeconds(2))) {
            List<String> names = dropPersonaRequests(folders.req(), "outage", 20);

            await("every request failed twice", () -> terminal.linkageAgent().status().failedAttempts() >= 40);
            JsonNode degraded = awaitHealth(folders, "DEGRADED");

            assertThat(Folders.names(folders.res())).isEmpty();
            assertThat(Folders.names(folders.processing())).hasSize(20);
            assertThat(problemCodes(degraded)).containsExactly(HealthProblem.CENTRAL_SERVICE_UNREACHABLE);
            assertThat(degraded.path("requests").path("inFlight").asInt()).isEqualTo(20);
            // back-off: 200, 400, 800, 800 ms … — a hot loop would have made hundreds of attempts by now
            assertThat(terminal.linkageAgent().status().failedAttempts()).isLessThan(20 * 6);

            proxy.switchTo(FaultProxy.Mode.FORWARD);

            for (String name : names) {
                assertThat(awaitResult(folders, name).header().segmentOfResult()).as(name)
                        .isEqualTo(SegmentOfResult.COMPLETED);
            }
            assertAnsweredExactlyOnce(folders, names);
            assertThat(problemCodes(awaitHealth(folders, "UP"))).isEmpty();
        }
    }

    @Test
    void aServiceThatStaysSilentPastTheTimeoutGetsAnErrorResultForEachRequestNotBefore() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        Duration outageTimeout = Duration.ofSeconds(3);
        LinkageSettings settings = LinkageSettings.defaults()
                .withRetryDelays(Duration.ofMillis(200), Duration.ofSeconds(10))
                .withServiceOutageTimeout(outageTimeout);
        proxy.switchTo(FaultProxy.Mode.STALL); // connections hang: only the terminal's own timeouts end them
        try (FacilityTerminal terminal = terminal(folders, settings, Duration.ofSeconds(1))) {
            long dropped = System.nanoTime();
            List<String> names = dropPersonaRequests(folders.req(), "silent", 5);

            for (String name : names) {
                QualificationInquiryResult result = awaitResult(folders, name);
                assertThat(Duration.ofNanos(System.nanoTime() - dropped)).as(name)
                        .isGreaterThanOrEqualTo(outageTimeout);
                assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
                assertThat(result.header().errorCode()).isEqualTo(ErrorCode.CENTRAL_SERVICE_UNAVAILABLE.code());
                assertThat(result.header().errorMessage())
                        .startsWith(ErrorCode.CENTRAL_SERVICE_UNAVAILABLE.message());
                assertThat(result.header().medicalInstitutionCode()).isEqualTo(INSTITUTION);
            }
            assertAnsweredExactlyOnce(folders, names);
            assertThat(terminal.linkageAgent().status().failedAttempts()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aFullResultFolderKeepsTheRequestsAndTheyAreAnsweredWhenSpaceReturns() throws Exception {
        Path res = root.resolve("res");
        assertThat(mountTmpfs(res, "64k")).as(MOUNT_NEEDED).isTrue();
        try {
            Path filler = res.resolve("filler.bin");
            fillUntilFull(filler);
            LinkageFolders folders = new LinkageFolders(root.resolve("req"), res, root.resolve("work"));
            try (FacilityTerminal terminal = terminal(folders, fastRetries(), Duration.ofSeconds(2))) {
                List<String> names = dropPersonaRequests(folders.req(), "full", 5);

                JsonNode degraded = awaitHealth(folders, "DEGRADED");
                assertThat(problemCodes(degraded)).containsExactly(HealthProblem.RESULT_FOLDER_NOT_WRITABLE);
                assertThat(degraded.path("problems").get(0).path("detail").asString())
                        .contains("No space left on device");
                assertThat(Folders.names(res)).containsExactly("filler.bin");

                Files.delete(filler);

                for (String name : names) {
                    assertThat(awaitResult(folders, name).header().segmentOfResult())
                            .isEqualTo(SegmentOfResult.COMPLETED);
                }
                assertAnsweredExactlyOnce(folders, names);
                assertThat(problemCodes(awaitHealth(folders, "UP"))).isEmpty();
            }
        } finally {
            unmount(res);
        }
    }

    @Test
    void aReadOnlyResultFolderKeepsTheRequestsAndTheyAreAnsweredOnceItIsWritable() throws Exception {
        Path res = root.resolve("res");
        ReadOnlySwitch readOnly = ReadOnlySwitch.forFolder(res);
        assertThat(readOnly).as(MOUNT_NEEDED).isNotNull();
        try {
            LinkageFolders folders = new LinkageFolders(root.resolve("req"), res, root.resolve("work"));
            try (FacilityTerminal terminal = terminal(folders, fastRetries(), Duration.ofSeconds(2))) {
                readOnly.set(true);
                List<String> names = dropPersonaRequests(folders.req(), "readonly", 5);

                JsonNode degraded = awaitHealth(folders, "DEGRADED");
                assertThat(problemCodes(degraded)).containsExactly(HealthProblem.RESULT_FOLDER_NOT_WRITABLE);
                assertThat(Folders.names(folders.processing())).hasSize(5);

                readOnly.set(false);

                for (String name : names) {
                    assertThat(awaitResult(folders, name).header().segmentOfResult())
                            .isEqualTo(SegmentOfResult.COMPLETED);
                }
                assertAnsweredExactlyOnce(folders, names);
                assertThat(problemCodes(awaitHealth(folders, "UP"))).isEmpty();
            }
        } finally {
            readOnly.release();
        }
    }

    @Test
    void aRequestRewrittenWhileItIsAnsweredIsAnsweredInItsFinalVersion() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        proxy.delayEachChunk(Duration.ofMillis(300)); // keeps the first answer in flight while the file changes
        byte[] first = persona("kokuho.xml");
        byte[] second = persona("shaho-kazoku.xml");
        String name = "OQSsiquc01req_rewritten.xml";
        try (FacilityTerminal terminal = terminal(folders, fastRetries(), Duration.ofSeconds(10))) {
            Files.createDirectories(folders.req());
            try (FileChannel writer = FileChannel.open(folders.req().resolve(name), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writer.write(ByteBuffer.wrap(first));
                await("the request is claimed", () -> Files.exists(folders.processing().resolve(name)));
                // a レセコン writing in place corrects the file through the handle it still holds
                writer.truncate(0);
                writer.write(ByteBuffer.wrap(second), 0);
            }

            QualificationInquiryResult result = awaitResult(folders, name);

            assertThat(result.header().arbitraryFileIdentifier())
                    .isEqualTo(QualificationMessages.parseRequest(second).header().arbitraryFileIdentifier());
            assertThat(result.body().searchInfoEcho())
                    .isEqualTo(QualificationMessages.parseRequest(second).searchInfo());
            assertAnsweredExactlyOnce(folders, List.of(name));
        }
    }

    @Test
    void aSlowServiceNeverSeesMoreThanTwentySessionsAndQueuedRequestsAreAllAnswered() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        proxy.delayEachChunk(Duration.ofMillis(100));
        proxy.dropConnections();
        try (FacilityTerminal terminal = terminal(folders, LinkageSettings.defaults(), Duration.ofSeconds(10))) {
            List<String> names = dropPersonaRequests(folders.req(), "crowd", 60);

            for (String name : names) {
                assertThat(awaitResult(folders, name).header().segmentOfResult())
                        .isEqualTo(SegmentOfResult.COMPLETED);
            }

            assertThat(proxy.mostOpenConnections()).isEqualTo(LinkageSettings.DEFAULT_MAX_CONCURRENT);
            assertThat(terminal.centralSessions().mostInUse()).isEqualTo(LinkageSettings.DEFAULT_MAX_CONCURRENT);
            assertThat(readHealth(folders).path("serviceSessions").path("limit").asInt()).isEqualTo(20);
            assertAnsweredExactlyOnce(folders, names);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static FacilityTerminal terminal(LinkageFolders folders, LinkageSettings settings, Duration timeouts)
            throws IOException {
        TerminalConfig config = new TerminalConfig(INSTITUTION, URI.create("https://127.0.0.1:" + proxy.port()
                + "/"), clientP12, clientPassword, trustStore, clientPassword, folders, settings, timeouts, timeouts,
                null);
        return FacilityTerminal.start(config, FacilityTerminal.overHttps(config));
    }

    private static LinkageSettings fastRetries() {
        return LinkageSettings.defaults().withRetryDelays(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    private static byte[] persona(String file) {
        return ExampleCorpus.valid().stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow().bytes();
    }

    /** Drops {@code count} persona requests (cycling through the valid corpus's persona files). */
    private static List<String> dropPersonaRequests(Path req, String tag, int count) throws IOException {
        Files.createDirectories(req);
        List<byte[]> requests = ExampleCorpus.valid().stream()
                .filter(e -> e.kind().equals("OQSsiquc01req") && e.expected().startsWith("validity:"))
                .map(ExampleCorpus.Example::bytes).toList();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("OQSsiquc01req_%s%03d.xml", tag, i);
            Folders.drop(req, name, requests.get(i % requests.size()));
            names.add(name);
        }
        return names;
    }

    private static QualificationInquiryResult awaitResult(LinkageFolders folders, String requestName)
            throws Exception {
        byte[] bytes = Folders.awaitFile(folders.res().resolve(requestName.replace("req_", "res_")), WAIT);
        return QualificationMessages.parseResult(bytes);
    }

    /** One result per request, nothing else in res, nothing left claimed, one DONE line per request. */
    private static void assertAnsweredExactlyOnce(LinkageFolders folders, List<String> requestNames)
            throws Exception {
        await("nothing left in flight", () -> {
            try {
                return Folders.names(folders.processing()).isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(Folders.names(folders.res())).containsExactlyInAnyOrderElementsOf(
                requestNames.stream().map(n -> n.replace("req_", "res_")).toList());
        assertThat(Folders.names(folders.req())).isEmpty();
        Map<String, Long> doneLines = Files.readAllLines(folders.journal()).stream()
                .map(line -> line.split("\t"))
                .filter(fields -> fields.length == 4 && fields[0].chars().allMatch(Character::isDigit))
                .collect(Collectors.groupingBy(fields -> fields[1], Collectors.counting()));
        assertThat(doneLines).containsOnlyKeys(requestNames).allSatisfy((name, n) -> assertThat(n).isEqualTo(1L));
    }

    private static JsonNode readHealth(LinkageFolders folders) throws IOException {
        return JSON.readTree(Files.readString(folders.work().resolve(TerminalHealth.FILE_NAME)));
    }

    private static JsonNode awaitHealth(LinkageFolders folders, String status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            if (Files.exists(folders.work().resolve(TerminalHealth.FILE_NAME))) {
                last = readHealth(folders);
                if (status.equals(last.path("status").asString())) {
                    return last;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("health never " + status + "; last: " + last);
    }

    private static List<String> problemCodes(JsonNode health) {
        List<String> codes = new ArrayList<>();
        health.path("problems").forEach(p -> codes.add(p.path("code").asString()));
        return codes;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    // ------------------------------------------------------------------------------------------- file systems

    /** Mounts a tmpfs of {@code size} on {@code folder}; false where that is not allowed (not root, no CAP_SYS_ADMIN). */
    /** Root mounts itself; another user through passwordless sudo, the mount owned by that user. */
    private static boolean mountTmpfs(Path folder, String size) throws Exception {
        Files.createDirectories(folder);
        if (ReadOnlySwitch.isRoot()) {
            return run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", folder.toString());
        }
        String owner = ",uid=" + id("-u") + ",gid=" + id("-g");
        return run("sudo", "-n", "mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755" + owner, "tmpfs",
                folder.toString());
    }

    private static void unmount(Path folder) throws Exception {
        if (ReadOnlySwitch.isRoot()) {
            run("umount", folder.toString());
        } else {
            run("sudo", "-n", "umount", folder.toString());
        }
    }

    private static String id(String option) throws Exception {
        Process id = new ProcessBuilder("id", option).start();
        String value = new String(id.getInputStream().readAllBytes()).strip();
        id.waitFor(10, TimeUnit.SECONDS);
        return value;
    }

    /** Writes until the file system is full; what is left is smaller than one page. */
    private static void fillUntilFull(Path filler) throws IOException {
        byte[] page = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(page);
                out.flush();
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
    }

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    /**
     * Makes a folder read-only for the terminal. Permission bits do not stop root (CAP_DAC_OVERRIDE), so as root the
     * folder becomes a tmpfs mount remounted read-only — a real read-only file system, as an SMB share switched to
     * read-only or a failing disk remounted read-only looks; as another user {@code chmod 555} is enough.
     */
    private record ReadOnlySwitch(Path folder, boolean mounted) {

        static ReadOnlySwitch forFolder(Path folder) throws Exception {
            if (isRoot()) {
                return mountTmpfs(folder, "1m") ? new ReadOnlySwitch(folder, true) : null;
            }
            Files.createDirectories(folder);
            return new ReadOnlySwitch(folder, false);
        }

        void set(boolean readOnly) throws Exception {
            if (mounted) {
                assertThat(run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), folder.toString())).isTrue();
            } else {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(readOnly ? "r-xr-xr-x"
                        : "rwxr-xr-x"));
            }
        }

        void release() throws Exception {
            if (mounted) {
                unmount(folder);
            } else {
                set(false);
            }
        }

        private static boolean isRoot() throws Exception {
            Process id = new ProcessBuilder("id", "-u").start();
            String uid = new String(id.getInputStream().readAllBytes()).strip();
            id.waitFor(10, TimeUnit.SECONDS);
            return "0".equals(uid);
        }
    }
}
