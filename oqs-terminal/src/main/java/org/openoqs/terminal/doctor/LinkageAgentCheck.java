package org.openoqs.terminal.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed ch. 12 (連携アプリケーション定期実行用タスク): the terminal's linkage agent is running. It rewrites
 * {@code work/health.json} every second (TerminalHealth); a file that says STOPPED, or that is older than
 * {@link #STALE}, means nobody answers the req folder.
 */
public final class LinkageAgentCheck implements DoctorCheck {
    static final Duration STALE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String id() {
        return "agent.linkage";
    }

    @Override
    public Finding run(DoctorContext context) {
        Path file = context.setup().linkageHealth();
        String start = "oqs terminal run --home <端末ホーム> を常駐させてください（systemd の oqs-terminal.service など）。";
        if (!Files.isRegularFile(file)) {
            return Finding.fail(id(), "連携アプリケーション（linkage agent）が動いていません（" + file + " がありません）。", start);
        }
        JsonNode health;
        try {
            health = JSON.readTree(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Finding.fail(id(), "連携アプリケーションの状態ファイル " + file + " を読み取れません。", start);
        }
        String status = health.path("status").asString("");
        Instant at;
        try {
            at = Instant.parse(health.path("at").asString(""));
        } catch (RuntimeException e) {
            return Finding.fail(id(), "連携アプリケーションの状態ファイル " + file + " に時刻がありません。", start);
        }
        Duration age = Duration.between(at, context.now());
        if ("STOPPED".equals(status)) {
            return Finding.fail(id(), "連携アプリケーション（linkage agent）は停止しています（" + at + " に停止）。", start);
        }
        if (age.compareTo(STALE) > 0) {
            return Finding.fail(id(), "連携アプリケーション（linkage agent）が応答していません（最後の状態は " + age.toSeconds()
                    + " 秒前）。", start);
        }
        if ("DEGRADED".equals(status)) {
            StringBuilder problems = new StringBuilder();
            for (JsonNode p : health.path("problems")) {
                problems.append(p.path("message").asString("")).append(' ');
            }
            return Finding.warn(id(), "連携アプリケーションは動いていますが、処理が止まっています: " + problems.toString().strip(),
                    "service.connection と folders の結果を確認してください。");
        }
        return Finding.ok(id(), "連携アプリケーション（linkage agent）は動いています（応答済み "
                + health.path("requests").path("answered").asLong() + " 件）");
    }
}
