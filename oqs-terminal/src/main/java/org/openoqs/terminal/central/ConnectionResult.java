package org.openoqs.terminal.central;

import java.util.Optional;

/**
 * The connection check (配信サーバーへの接続確認): {@code 接続成功}, or {@code 接続失敗} with the precise problem.
 *
 * @param institutionCode the facility the service recognised (from the client certificate), when connected
 */
public record ConnectionResult(boolean connected, Optional<String> institutionCode,
                               Optional<ConnectionProblem> problem) {
    public static final String SUCCESS = "接続成功";
    public static final String FAILURE = "接続失敗";

    public static ConnectionResult success(String institutionCode) {
        return new ConnectionResult(true, Optional.of(institutionCode), Optional.empty());
    }

    public static ConnectionResult failure(ConnectionProblem problem) {
        return new ConnectionResult(false, Optional.empty(), Optional.of(problem));
    }

    /** {@code 接続成功} or {@code 接続失敗: <理由>}. */
    public String message() {
        return connected ? SUCCESS : FAILURE + ": " + problem.map(ConnectionProblem::message).orElse("");
    }
}
