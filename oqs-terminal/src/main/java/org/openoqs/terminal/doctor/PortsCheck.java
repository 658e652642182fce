package org.openoqs.terminal.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed closing notes (TCP/UDP 53, 80, 123, 443, 8080 を閉じた場合): DNS resolves the service's host (53) and its HTTPS
 * port accepts connections (443 or the configured port). 123 is {@code clock.ntp}'s and 8080 {@code proxy}'s job;
 * 80 (certificate application) has no counterpart here: certificates come from {@code oqs ca}.
 */
public final class PortsCheck implements DoctorCheck {
    @Override
    public String id() {
        return "ports";
    }

    @Override
    public Finding run(DoctorContext context) {
        TerminalSetup s = context.setup();
        String host = s.serviceUri().getHost();
        int port = s.serviceUri().getPort() > 0 ? s.serviceUri().getPort() : 443;
        List<String> ok = new ArrayList<>();
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
            ok.add("DNS（53）: " + host + " → " + address.getHostAddress());
        } catch (UnknownHostException e) {
            return Finding.fail(id(), "接続先 " + host + " の名前を解決できません（DNS、ポート53）。",
                    "DNS サーバーの設定と、TCP/UDP 53 番ポートが閉じられていないことを確認してください。");
        }
        boolean viaProxy;
        try {
            viaProxy = context.proxy().map(p -> !p.bypasses(host)).orElse(false);
        } catch (IllegalArgumentException malformedProxy) {
            viaProxy = false;
        }
        if (viaProxy) {
            ok.add("HTTPS は プロキシ経由（proxy を参照）");
            return Finding.ok(id(), String.join("、", ok));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) s.timeout().toMillis());
            ok.add("HTTPS（" + port + "）: 接続可");
        } catch (IOException e) {
            return Finding.fail(id(), "接続先 " + host + " のポート " + port + " に接続できません（" + e.getMessage() + "）。",
                    "TCP " + port + " 番ポートがファイアウォールで閉じられていないか、サービスが起動しているか確認してください。");
        }
        return Finding.ok(id(), String.join("、", ok));
    }
}
