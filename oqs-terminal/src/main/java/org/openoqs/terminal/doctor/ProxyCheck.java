package org.openoqs.terminal.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import org.openoqs.terminal.central.ProxySettings;

/**
 * Seed ch. 3 (プロキシサーバーの設定): a configured proxy is well-formed ({@code host:port}, bypass entries separated by
 * {@code ;}), answers on its port, and the service's host is on the bypass list (the seed bypasses *.onshikaku.org,
 * the OQS network, and sends only the rest — updates, the distribution cloud — through the proxy).
 */
public final class ProxyCheck implements DoctorCheck {
    @Override
    public String id() {
        return "proxy";
    }

    @Override
    public Finding run(DoctorContext context) {
        TerminalSetup s = context.setup();
        Optional<ProxySettings> proxy;
        try {
            proxy = context.proxy();
        } catch (IllegalArgumentException malformed) {
            return Finding.fail(id(), malformed.getMessage(), "proxy.server と proxy.bypass を seed の手順どおりに設定してください"
                    + "（例: proxy.base.oqs-pdl.org:8080、*.onshikaku.org;…）。");
        }
        if (proxy.isEmpty()) {
            if (s.proxyBypass().isPresent()) {
                return Finding.warn(id(), "プロキシの例外（proxy.bypass）だけが設定され、プロキシサーバー（proxy.server）がありません。",
                        "proxy.server を設定するか、proxy.bypass を削除してください。");
            }
            return Finding.ok(id(), "プロキシサーバーを使わない構成です（直接接続）");
        }
        ProxySettings p = proxy.get();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(p.host(), p.port()), (int) s.timeout().toMillis());
        } catch (IOException e) {
            return Finding.fail(id(), "プロキシサーバー " + p + " に接続できません（" + e.getMessage() + "）。",
                    "プロキシサーバーの名前とポート（8080 など）、ファイアウォールを確認してください。");
        }
        String serviceHost = s.serviceUri().getHost();
        if (!p.bypasses(serviceHost)) {
            return Finding.warn(id(), "接続先 " + serviceHost + " がプロキシの例外（バイパス一覧）にありません。"
                            + "オンライン資格確認等システムへの通信がプロキシを経由します。",
                    "proxy.bypass に " + serviceHost + " を含むアドレス（例: *.onshikaku.org）を追加してください。");
        }
        return Finding.ok(id(), "プロキシサーバー " + p + " に接続でき、" + serviceHost + " は例外（"
                + p.firstBypassEntryFor(serviceHost).orElse("") + "）で直接接続されます");
    }
}
