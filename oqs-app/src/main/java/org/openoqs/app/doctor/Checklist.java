package org.openoqs.app.doctor;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openoqs.terminal.doctor.Finding;
import org.openoqs.terminal.doctor.Verdict;

/**
 * The seed's final checklist (資格確認端末セットアップ後のチェックリスト), ticked from the doctor's and the confirmation
 * tests' findings: ✓ when the checks behind an item found nothing wrong, △ when one warned, ✗ when one failed, － when nothing behind it
 * applies here (Windows-only settings: Windows Update, display scaling, browser extensions).
 */
final class Checklist {
    record Item(String label, List<String> checks) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("ユーザーアカウント（OqsComApp）を作成した（端末ホーム・フォルダー）", List.of("folders", "folders.work-not-shared")),
            new Item("ブラウザー・顔認証ライブラリ・ブラウザ拡張プラグインを設定した（カードリーダー）", List.of("selftest.face")),
            new Item("プロキシサーバーの設定", List.of("proxy")),
            new Item("スリープ設定と高速スタートアップの無効化", List.of("sleep")),
            new Item("時刻設定の変更", List.of("clock.service", "clock.ntp")),
            new Item("再起動スケジュールを追加します", List.of("restart.schedule")),
            new Item("Windows Update の自動化・アクティブ時間を設定します（Windows のみ）", List.of()),
            new Item("ディスプレイ設定を変更します（Windows のみ）", List.of()),
            new Item("顔認証機器利用のための設定をした（face フォルダー）", List.of("folders")),
            new Item("連携アプリケーションをインストールした", List.of("agent.linkage", "credentials")),
            new Item("認証局の電子証明書をインストールした", List.of("certificate.present", "certificate.issuer",
                    "certificate.validity", "certificate.revocation", "certificate.not-shared")),
            new Item("オンライン資格確認等システムにアカウントを作成した（連携アプリケーション用アカウント）", List.of("credentials")),
            new Item("文字コード・医療扶助等の環境情報を設定した（接続して取得）", List.of("service.connection")),
            new Item("顔認証機器を設定した", List.of("selftest.face", "selftest.visual", "selftest.pin")),
            new Item("配信アプリケーションをインストールした", List.of("agent.distribution", "distribution.connection",
                    "distribution.record", "versions")),
            new Item("資格確認できるか確認した", List.of("selftest.face", "selftest.visual", "selftest.pin",
                    "selftest.smartphone", "selftest.manual-search", "selftest.linkage", "ports")));

    private Checklist() {
    }

    static String render(List<Finding> findings) {
        Map<String, Verdict> byId = findings.stream().collect(Collectors.toMap(Finding::id, Finding::status,
                (a, b) -> a.ordinal() >= b.ordinal() ? a : b));
        StringBuilder out = new StringBuilder("資格確認端末セットアップ後のチェックリスト\n");
        for (Item item : ITEMS) {
            List<Verdict> verdicts = item.checks().stream().map(byId::get).filter(v -> v != null).toList();
            String mark;
            if (verdicts.contains(Verdict.FAIL)) {
                mark = "✗";
            } else if (verdicts.contains(Verdict.WARN)) {
                mark = "△";
            } else if (verdicts.contains(Verdict.OK)) {
                mark = "✓";
            } else {
                mark = "－";
            }
            out.append(mark).append(' ').append(item.label());
            if (!item.checks().isEmpty()) {
                out.append("（").append(String.join(", ", item.checks())).append("）");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
