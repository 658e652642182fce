package org.openoqs.terminal.central;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A precise reason why the terminal could not talk to the service, for the connection check (接続失敗) and doctor:
 * each names the layer that failed and what to look at, instead of a bare "接続失敗".
 *
 * @param code    machine-readable: {@code DNS}, {@code REFUSED}, {@code TIMEOUT}, {@code SERVER_CERTIFICATE},
 *                {@code CLIENT_CERTIFICATE}, {@code REJECTED}, {@code SERVER_ERROR}, {@code PROXY}, {@code NETWORK}
 * @param message Japanese
 */
public record ConnectionProblem(String code, String message) {

    /** Classifies an exception of {@code java.net.http} (walking its causes). */
    public static ConnectionProblem of(Throwable failure, URI target) {
        String where = target.getHost() + ":" + port(target);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new ConnectionProblem("DNS", "接続先 " + target.getHost()
                        + " の名前を解決できません。DNS の設定（ポート53）と接続先の指定を確認してください。");
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
                return new ConnectionProblem("TIMEOUT", "接続先 " + where
                        + " から応答がありません（タイムアウト）。回線・プロキシ・ファイアウォールの設定を確認してください。");
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new ConnectionProblem("REFUSED", "接続先 " + where
                        + " に接続できません。サービスが起動しているか、ポート（443 など）が閉じられていないか確認してください。");
            }
            if (t instanceof SSLHandshakeException || t instanceof SSLException) {
                String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (text.contains("pkix") || text.contains("certification path") || text.contains("no subject alternative")
                        || text.contains("no name matching")) {
                    return new ConnectionProblem("SERVER_CERTIFICATE", "接続先のサーバー証明書を検証できません。"
                            + "信頼する認証局（trust.p12）と接続先の指定を確認してください。");
                }
                if (text.contains("bad_certificate") || text.contains("certificate_unknown")
                        || text.contains("certificate_revoked") || text.contains("certificate_expired")
                        || text.contains("certificate_required") || text.contains("unsupported_certificate")) {
                    return new ConnectionProblem("CLIENT_CERTIFICATE", "クライアント証明書が拒否されました。"
                            + "認証局の電子証明書（有効期限・失効・発行元）を確認してください。");
                }
                return new ConnectionProblem("NETWORK", "TLS 通信でエラーが発生しました（" + t.getMessage() + "）。");
            }
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (detail.toLowerCase(Locale.ROOT).contains("proxy")) {
            return new ConnectionProblem("PROXY", "プロキシサーバー経由の接続に失敗しました（" + detail + "）。プロキシの設定を確認してください。");
        }
        return new ConnectionProblem("NETWORK", "接続先 " + where + " との通信でエラーが発生しました（" + detail + "）。");
    }

    /** An HTTP error answer: the service's own Japanese message when it sent one. */
    public static ConnectionProblem ofStatus(int status, String serviceMessage) {
        String shown = serviceMessage == null || serviceMessage.isBlank() ? "HTTP " + status : serviceMessage;
        if (status == 401 || status == 403) {
            return new ConnectionProblem("REJECTED", "オンライン資格確認等システムが接続を拒否しました: " + shown);
        }
        if (status == 407) {
            return new ConnectionProblem("PROXY", "プロキシサーバーが認証を求めています（プロキシ認証は利用できません）。");
        }
        return new ConnectionProblem("SERVER_ERROR", "オンライン資格確認等システムがエラーを返しました（HTTP " + status + "）: " + shown);
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : 443;
    }
}
