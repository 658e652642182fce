package org.openoqs.terminal.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openoqs.terminal.distribution.DistributionHome;

/**
 * Seed ch. 11 (03 動作確認: 配信実績の確認 — 医療機関コード、コンピューター名が出力されていること): the agent's local
 * record names this terminal, and the service's 配信記録 has this computer name.
 */
public final class DistributionRecordCheck implements DoctorCheck {
    @Override
    public String id() {
        return "distribution.record";
    }

    @Override
    public Finding run(DoctorContext context) {
        TerminalSetup s = context.setup();
        Path records = DistributionHome.of(s.terminalHome()).records();
        String fix = "配信アプリケーション（oqs distribution run / register）を起動して登録してください。"
                + "出力されない場合は高速スタートアップの無効化・電子証明書・タスクの登録を確認してください。";
        List<String> lines;
        try {
            lines = Files.isRegularFile(records) ? Files.readAllLines(records, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            lines = List.of();
        }
        String needle = "コンピューター名=" + s.computerName();
        if (lines.stream().noneMatch(l -> l.contains(needle) && l.contains("医療機関コード="))) {
            return Finding.fail(id(), "配信実績に医療機関コードとコンピューター名 " + s.computerName() + " が出力されていません（"
                    + records + "）。", fix);
        }
        DoctorContext.ServiceCall terminals = context.get("api/v1/distribution/terminals");
        if (!terminals.ok()) {
            return Finding.warn(id(), "端末の配信実績はありますが、配信サーバーの配信記録を確認できません: " + terminals.failure(),
                    "distribution.connection の結果を確認してください。");
        }
        for (var t : terminals.json()) {
            if (s.computerName().equals(t.path("computerName").asString())) {
                return Finding.ok(id(), "配信記録: 医療機関コード " + t.path("institutionCode").asString() + "、コンピューター名 "
                        + s.computerName() + "（最終接続 " + t.path("lastSeenAt").asString() + "）");
            }
        }
        return Finding.fail(id(), "配信サーバーの配信記録にコンピューター名 " + s.computerName() + " がありません。", fix);
    }
}
