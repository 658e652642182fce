package org.openoqs.terminal.central;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxy of the seed's chapter 3 (プロキシサーバーの設定): one HTTP proxy {@code host:port} for everything except
 * the addresses of the bypass list ({@code *.onshikaku.org;*.flets-east.jp;…;pweb.base.oqs-pdl.org}), which are
 * reached directly. Entries are separated by {@code ;} as in the Windows dialog; {@code *} matches any characters.
 */
public record ProxySettings(String host, int port, List<String> bypass) {
    private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9*][A-Za-z0-9*.\\-]*");

    public ProxySettings {
        bypass = List.copyOf(bypass);
    }

    /**
     * @param server {@code host:port} (an {@code http://} prefix is accepted, as {@code netsh winhttp} shows it)
     * @param bypassList semicolon-separated, may be null
     * @throws IllegalArgumentException with a Japanese message naming the bad part
     */
    public static ProxySettings parse(String server, String bypassList) {
        String text = server.strip();
        if (text.startsWith("http://")) {
            text = text.substring("http://".length());
        }
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("プロキシサーバーは ホスト名:ポート番号 の形式で指定してください（例: proxy.base.oqs-pdl.org:8080）: " + server);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("プロキシサーバーのポート番号が数字ではありません: " + server);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("プロキシサーバーのポート番号が範囲外です（1〜65535）: " + port);
        }
        List<String> entries = new ArrayList<>();
        if (bypassList != null) {
            for (String raw : bypassList.split(";")) {
                String entry = raw.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                if (!ENTRY.matcher(entry).matches()) {
                    throw new IllegalArgumentException("プロキシの例外（バイパス一覧）に不正なアドレスがあります: " + entry
                            + "（アドレスごとにセミコロン（;）で区切ってください）");
                }
                entries.add(entry.toLowerCase(Locale.ROOT));
            }
        }
        return new ProxySettings(text.substring(0, colon), port, entries);
    }

    /** True when {@code host} is reached directly (matches an entry of the bypass list). */
    public boolean bypasses(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : bypass) {
            String regex = Pattern.quote(entry).replace("*", "\\E.*\\Q");
            if (h.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    public Optional<String> firstBypassEntryFor(String host) {
        return bypass.stream().filter(e -> new ProxySettings(this.host, port, List.of(e)).bypasses(host)).findFirst();
    }

    /** For {@code HttpClient.Builder.proxy}: direct for bypassed hosts, the proxy for the rest. */
    public ProxySelector selector() {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return bypasses(uri.getHost()) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // nothing to fall back to: the caller reports the failure
            }
        };
    }

    @Override
    public String toString() {
        return "http://" + host + ":" + port;
    }
}
