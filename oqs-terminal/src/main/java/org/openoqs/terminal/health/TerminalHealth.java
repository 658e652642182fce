package org.openoqs.terminal.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openoqs.files.DurableWrites;
import org.openoqs.terminal.central.CentralServiceSessions;
import org.openoqs.terminal.linkage.LinkageAgent;
import org.openoqs.terminal.linkage.LinkageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The terminal's health status: the central service's reachability, whether results can be written, and the
 * request queue. Re-evaluated every {@code period} and written to a JSON file (temporary name, then an atomic
 * rename, so a monitor never reads half a file); its {@code at} field lets a monitor tell a stopped terminal from a
 * healthy one. Status changes are logged. The file format is described in docs/reliability.md.
 */
public final class TerminalHealth implements AutoCloseable {

    /** The file name inside the terminal's work folder. */
    public static final String FILE_NAME = "health.json";

    private static final Logger log = LoggerFactory.getLogger(TerminalHealth.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LinkageAgent agent;
    private final CentralServiceSessions sessions;
    private final Path file;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile HealthReport.Status lastStatus;

    private TerminalHealth(LinkageAgent agent, CentralServiceSessions sessions, Path file, Clock clock) {
        this.agent = agent;
        this.sessions = sessions;
        this.file = file;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "oqs-terminal-health");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Writes the status now and then every {@code period} until closed. */
    public static TerminalHealth start(LinkageAgent agent, CentralServiceSessions sessions, Path file,
            Duration period, Clock clock) {
        TerminalHealth health = new TerminalHealth(agent, sessions, file, clock);
        health.timer.scheduleWithFixedDelay(health::refresh, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return health;
    }

    public Path file() {
        return file;
    }

    /** The health right now (also what the next write contains). */
    public HealthReport current() {
        List<HealthProblem> problems = new ArrayList<>();
        sessions.outage().ifPresent(outage -> problems.add(new HealthProblem(
                HealthProblem.CENTRAL_SERVICE_UNREACHABLE,
                "オンライン資格確認等システムに接続できません。要求は保持され、接続が回復すると処理されます。",
                outage.detail(), outage.since())));
        agent.resultFolderProblem().ifPresent(problem -> problems.add(new HealthProblem(
                HealthProblem.RESULT_FOLDER_NOT_WRITABLE,
                "結果フォルダ（res）に書き込めません。ディスクの空き容量と書き込み権限を確認してください。"
                        + "要求は保持され、書き込めるようになると処理されます。",
                problem.folder() + ": " + problem.detail(), problem.since())));
        problems.sort(Comparator.comparing(HealthProblem::since));
        LinkageStatus status = agent.status();
        return new HealthReport(problems.isEmpty() ? HealthReport.Status.UP : HealthReport.Status.DEGRADED,
                clock.instant(), problems, status.inFlight(), agent.oldestWaitingSince().orElse(null),
                status.answered(), status.failedAttempts(), status.waitingForCollection(), sessions.inUse(),
                sessions.limit(), sessions.mostInUse(), status.answeredWithError(), sessions.outagesSinceStart());
    }

    private void refresh() {
        try {
            HealthReport report = current();
            logChange(report);
            write(report);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot write the health status to {}: {}", file, e.toString());
        }
    }

    private void logChange(HealthReport report) {
        HealthReport.Status before = lastStatus;
        lastStatus = report.status();
        if (before == report.status() || (before == null && report.status() == HealthReport.Status.UP)) {
            return;
        }
        if (report.status() == HealthReport.Status.UP) {
            log.info("terminal health UP again");
        } else {
            log.warn("terminal health DEGRADED: {}", report.problems().stream()
                    .map(p -> p.code() + " (" + p.detail() + ")").toList());
        }
    }

    private void write(HealthReport report) throws IOException {
        DurableWrites.replace(file, toJson(report), DurableWrites.WORLD_READABLE);
    }

    /** The file's content: UTF-8 JSON, times in ISO-8601 UTC. */
    static byte[] toJson(HealthReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", report.status().name());
        root.put("message", report.status().message());
        root.put("at", report.at().toString());
        ArrayNode problems = root.putArray("problems");
        for (HealthProblem problem : report.problems()) {
            ObjectNode node = problems.addObject();
            node.put("code", problem.code());
            node.put("message", problem.message());
            node.put("detail", problem.detail());
            node.put("since", problem.since().toString());
        }
        ObjectNode requests = root.putObject("requests");
        requests.put("inFlight", report.requestsInFlight());
        requests.put("oldestWaitingSince", report.oldestWaitingSince() == null ? null
                : report.oldestWaitingSince().toString());
        requests.put("answered", report.answered());
        requests.put("failedAttempts", report.failedAttempts());
        requests.put("waitingForCollection", report.waitingForCollection());
        // the operator's four figures in one place (docs/reliability.md): since the terminal started, and the queue now
        ObjectNode figures = root.putObject("figures");
        figures.put("answered", report.answered());
        figures.put("errors", report.answeredWithError());
        figures.put("outages", report.outages());
        figures.put("queue", report.requestsInFlight());
        ObjectNode service = root.putObject("serviceSessions");
        service.put("inUse", report.sessionsInUse());
        service.put("limit", report.sessionLimit());
        service.put("mostInUse", report.mostSessionsInUse());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }

    /** Stops the updates and writes a last report saying STOPPED, so the file never vouches for a stopped terminal. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            HealthReport last = current();
            write(new HealthReport(HealthReport.Status.STOPPED, last.at(), last.problems(), last.requestsInFlight(),
                    last.oldestWaitingSince(), last.answered(), last.failedAttempts(), last.waitingForCollection(),
                    last.sessionsInUse(), last.sessionLimit(), last.mostSessionsInUse(), last.answeredWithError(),
                    last.outages()));
        } catch (IOException | RuntimeException e) {
            log.warn("cannot write the final health status to {}: {}", file, e.toString());
        }
    }
}
