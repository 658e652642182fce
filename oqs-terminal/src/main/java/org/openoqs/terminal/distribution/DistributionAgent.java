package org.openoqs.terminal.distribution;

import org.openoqs.terminal.central.PackageRefusedException;

import org.openoqs.terminal.central.DistributionUnavailableException;
import org.openoqs.terminal.central.DistributionRefusedException;
import org.openoqs.terminal.central.ReportedVersion;

import org.openoqs.terminal.central.ConnectionProblem;

import org.openoqs.terminal.central.ConnectionResult;

import org.openoqs.terminal.central.TerminalRegistration;

import org.openoqs.terminal.central.AvailablePackage;

import org.openoqs.terminal.central.DistributionServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openoqs.terminal.health.Heartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's distribution agent (配信アプリケーション, OQSDistroApp): every cycle it registers the terminal
 * (institution code + computer name: the 配信記録), installs every component version newer than the one in use
 * after verifying it ({@link PackageInstaller}), reports the versions in use (アプリバージョン情報) and writes its
 * heartbeat. A cycle that cannot reach the service changes nothing and is simply retried.
 *
 * <p>Before each cycle it runs the {@code maintenance} task given (the certificate-expiry check and renewal), so a
 * terminal needs one agent process for both, as the real MPKI client and distribution app run unattended.
 */
public final class DistributionAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DistributionAgent.class);
    private static final DateTimeFormatter RECORD_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final DistributionServer server;
    private final PackageInstaller installer;
    private final InstalledComponents components;
    private final DistributionHome home;
    private final String computerName;
    private final String agentVersion;
    private final Duration interval;
    private final Clock clock;
    private final Runnable maintenance;
    private final Set<String> refusedBefore = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;

    public DistributionAgent(DistributionServer server, PackageInstaller installer, InstalledComponents components,
                             DistributionHome home, String computerName, String agentVersion, Duration interval,
                             Clock clock, Runnable maintenance) {
        this.server = server;
        this.installer = installer;
        this.components = components;
        this.home = home;
        this.computerName = computerName;
        this.agentVersion = agentVersion;
        this.interval = interval;
        this.clock = clock;
        this.maintenance = maintenance == null ? () -> { } : maintenance;
    }

    /** Runs a cycle now and then every {@code interval} on a daemon thread. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oqs-distribution-agent");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.error("distribution agent cycle failed", e);
        }
    }

    /** 配信サーバーへの接続確認. */
    public ConnectionResult checkConnection() {
        return server.checkConnection();
    }

    /** One cycle: maintenance, registration, updates, version report, heartbeat. */
    public synchronized CycleReport runOnce() {
        try {
            maintenance.run();
        } catch (RuntimeException e) {
            log.error("certificate maintenance failed", e);
        }
        List<String> installed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Optional<TerminalRegistration> registration = Optional.empty();
        Optional<ConnectionProblem> problem = Optional.empty();
        try {
            registration = Optional.of(server.register(computerName, agentVersion));
            appendRecord(registration.get());
            X509CRL[] crl = new X509CRL[1];
            boolean[] crlFetched = {false};
            for (AvailablePackage candidate : newestPerComponent(server.packages())) {
                if (!needed(candidate)) {
                    continue;
                }
                try {
                    installer.update(server, candidate, () -> {
                        if (!crlFetched[0]) {
                            crl[0] = server.crl().orElse(null);
                            crlFetched[0] = true;
                        }
                        return crl[0];
                    });
                    installed.add(candidate.component() + " " + candidate.version());
                    log.info("配信パッケージ {} {} をインストールし、使用するバージョンを切り替えました",
                            candidate.component(), candidate.version());
                } catch (PackageRefusedException e) {
                    refused.add(e.getMessage());
                    if (refusedBefore.add(candidate.component() + " " + candidate.version() + " " + candidate.sha256())) {
                        log.error("{}（理由コード {}）", e.getMessage(), e.reason());
                    }
                } catch (IOException e) {
                    refused.add(candidate.component() + " " + candidate.version() + ": " + e.getMessage());
                    log.error("配信パッケージ {} {} をインストールできません", candidate.component(), candidate.version(), e);
                }
            }
            server.reportVersions(computerName, components.all().stream()
                    .map(s -> new ReportedVersion(s.component(), s.current(), s.previous())).toList());
        } catch (DistributionUnavailableException | DistributionRefusedException e) {
            problem = Optional.of(e.problem());
            log.warn("配信サーバーを利用できません: {}", e.getMessage());
        }
        writeHeartbeat(problem);
        return new CycleReport(registration, installed, refused, problem);
    }

    private boolean needed(AvailablePackage candidate) {
        return components.state(candidate.component())
                .map(state -> candidate.version().isNewerThan(state.current()))
                .orElse(true);
    }

    static List<AvailablePackage> newestPerComponent(List<AvailablePackage> offered) {
        return offered.stream()
                .collect(Collectors.groupingBy(AvailablePackage::component, LinkedHashMap::new,
                        Collectors.maxBy(Comparator.comparing(AvailablePackage::version))))
                .values().stream().flatMap(Optional::stream).toList();
    }

    /** 配信記録 as the real app writes it for 配信実績の確認: institution code and computer name, per registration. */
    private void appendRecord(TerminalRegistration registration) {
        String line = RECORD_TIME.format(clock.instant()) + " 医療機関コード=" + registration.institutionCode()
                + " コンピューター名=" + registration.computerName() + " 配信サーバー登録済み\n";
        try {
            Files.createDirectories(home.records().getParent());
            Files.writeString(home.records(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + home.records(), e);
        }
    }

    private void writeHeartbeat(Optional<ConnectionProblem> problem) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("agent", "distribution");
        details.put("computerName", computerName);
        details.put("intervalSeconds", Long.toString(interval.toSeconds()));
        details.put("lastCycle", problem.map(p -> "FAILED " + p.code()).orElse("OK"));
        try {
            Heartbeat.write(home.heartbeat(), clock.instant(), details);
        } catch (IOException e) {
            log.warn("cannot write the distribution agent heartbeat {}", home.heartbeat(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }
}
