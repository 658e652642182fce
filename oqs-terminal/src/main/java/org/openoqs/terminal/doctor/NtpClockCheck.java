package org.openoqs.terminal.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.TimeInfo;

/**
 * Seed ch. 3 (インターネット時刻: ntp.base.oqs-pdl.org): when an NTP server is configured ({@code ntp.server}, optionally
 * {@code host:port}), ask it (commons-net's NTP client, UDP 123) and compare. Unresolvable or silent servers fail
 * with the seed's own wording for the first case (ピアは解決されていません).
 */
public final class NtpClockCheck implements DoctorCheck {
    @Override
    public String id() {
        return "clock.ntp";
    }

    @Override
    public Finding run(DoctorContext context) {
        TerminalSetup s = context.setup();
        if (s.ntpServer().isEmpty()) {
            return Finding.skip(id(), "NTP サーバーが設定されていません（ntp.server）。配信拠点起点の構成では設定してください。");
        }
        String server = s.ntpServer().get().strip();
        String host = server;
        int port = 123;
        int colon = server.lastIndexOf(':');
        if (colon > 0 && server.indexOf(':') == colon) {
            host = server.substring(0, colon);
            try {
                port = Integer.parseInt(server.substring(colon + 1));
            } catch (NumberFormatException e) {
                return Finding.fail(id(), "ntp.server のポート番号が数字ではありません: " + server, "ntp.server を ホスト名[:ポート] で指定してください。");
            }
        }
        NTPUDPClient client = new NTPUDPClient();
        client.setDefaultTimeout(s.timeout());
        try {
            client.open();
            TimeInfo info = client.getTime(InetAddress.getByName(host), port);
            info.computeDetails();
            if (info.getOffset() == null) {
                return Finding.fail(id(), host + " の応答から時刻差を計算できません。", "NTP サーバーの指定を確認してください。");
            }
            // the NTP client measures against the JVM's clock; the set-up's clock may be shifted (tests, selftest)
            long shift = Duration.between(java.time.Instant.now(), context.now()).toMillis();
            Duration offset = Duration.ofMillis(info.getOffset() - shift);
            String shown = String.format("%+.1f 秒", -offset.toMillis() / 1000.0);
            String fix = "時刻と言語の設定（Linux では timedatectl / chrony）で " + host + " と同期してください。";
            if (offset.abs().compareTo(ServiceClockCheck.FAIL) > 0) {
                return Finding.fail(id(), "端末の時刻が NTP サーバー " + host + " と " + shown + " ずれています。", fix);
            }
            if (offset.abs().compareTo(ServiceClockCheck.WARN) > 0) {
                return Finding.warn(id(), "端末の時刻が NTP サーバー " + host + " と " + shown + " ずれています。", fix);
            }
            return Finding.ok(id(), "NTP サーバー " + host + " と同期しています（差 " + shown + "）");
        } catch (UnknownHostException e) {
            return Finding.fail(id(), host + " と同期中にエラーが発生しました。ピアは解決されていません。",
                    "入力内容に誤りがないか確認してください。解消しない場合は通信回線（DNS）の設定を確認してください。");
        } catch (IOException e) {
            return Finding.fail(id(), "NTP サーバー " + host + ":" + port + " から応答がありません（" + e.getMessage() + "）。",
                    "UDP 123 番ポートが閉じられていないか、NTP サーバーの指定が正しいか確認してください。");
        } finally {
            client.close();
        }
    }
}
