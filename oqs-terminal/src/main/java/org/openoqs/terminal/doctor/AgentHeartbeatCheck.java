package org.openoqs.terminal.doctor;

import org.openoqs.terminal.health.Heartbeat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Seed ch. 11 (02 タスクの登録): the distribution agent is running — its heartbeat file was rewritten recently
 * ({@link Heartbeat}).
 */
public final class AgentHeartbeatCheck implements DoctorCheck {
    /** Heartbeats older than this (a few agent periods) mean the agent is not running. */
    static final Duration STALE = Duration.ofMinutes(3);

    private final String id;
    private final String name;
    private final Function<TerminalSetup, Path> file;
    private final String start;

    private AgentHeartbeatCheck(String id, String name, Function<TerminalSetup, Path> file, String start) {
        this.id = id;
        this.name = name;
        this.file = file;
        this.start = start;
    }

    public static AgentHeartbeatCheck distribution() {
        return new AgentHeartbeatCheck("agent.distribution", "配信アプリケーション（distribution agent）",
                s -> org.openoqs.terminal.distribution.DistributionHome.of(s.terminalHome()).heartbeat(),
                "oqs distribution run --home <端末ホーム> を起動時に自動起動するよう登録してください。");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Finding run(DoctorContext context) {
        Path heartbeat = file.apply(context.setup());
        Optional<Heartbeat.Beat> beat = Heartbeat.read(heartbeat);
        if (beat.isEmpty()) {
            return Finding.fail(id, name + "が動いていません（稼働記録 " + heartbeat + " がありません）。", start);
        }
        Duration age = Duration.between(beat.get().updatedAt(), context.now());
        if (age.compareTo(STALE) > 0) {
            return Finding.fail(id, name + "が停止しています（最後の稼働記録は " + age.toMinutes() + " 分前、プロセス "
                    + beat.get().pid() + "）。", start);
        }
        String last = beat.get().details().getOrDefault("lastCycle", "");
        if (last.startsWith("FAILED")) {
            return Finding.warn(id, name + "は動いていますが、直前の処理が失敗しています（" + last + "）。",
                    "service.connection / distribution.connection の結果を確認してください。");
        }
        return Finding.ok(id, name + "は動いています（" + Math.max(0, age.toSeconds()) + " 秒前に稼働を記録、プロセス "
                + beat.get().pid() + "）");
    }
}
