package org.openoqs.app.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Properties;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.audit.AuditChainKey;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.audit.AuditVerification;
import org.openoqs.server.audit.StoredAuditChain;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies an installation's audit chain from outside the service, as {@code oqs audit verify} and the doctor's
 * {@code service.audit-chain} check do: the key from its file, every entry re-computed from the database (the same
 * verification the service runs at start-up and hourly). When a running demo holds its embedded database, the
 * service's own latest verification is asked instead (the {@code auditChain} component of its health on the
 * loopback management port).
 */
public final class AuditChainInspection {

    /** H2: "Database may be already in use" (another process holds the file). */
    private static final int H2_DATABASE_IN_USE = 90020;
    /** H2: the database does not exist and IFEXISTS=TRUE forbids creating it. */
    private static final int H2_DATABASE_NOT_FOUND = 90146;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Tokyo"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the inspection found. */
    public enum Verdict {
        INTACT, BROKEN, UNAVAILABLE
    }

    /**
     * @param message Japanese, with the error code in front when not intact
     * @param fix     Japanese: what to do ({@code ""} when intact)
     */
    public record Outcome(Verdict verdict, String message, String fix) {
    }

    private AuditChainInspection() {
    }

    public static Outcome inspect(AuditChainLocation location) {
        AuditChainKey key;
        try {
            Optional<AuditChainKey> read = AuditChainKey.read(location.keyFile());
            if (read.isEmpty()) {
                return keyUnavailable(location, "ファイルがありません");
            }
            key = read.get();
        } catch (UncheckedIOException | IllegalStateException unreadable) {
            return keyUnavailable(location, unreadable.getCause() instanceof IOException io
                    ? io.getClass().getSimpleName() + ": " + io.getMessage() : unreadable.getMessage());
        }
        if (location.serviceRunning()) {
            return location.healthUri().map(AuditChainInspection::askRunningService)
                    .orElseGet(() -> databaseUnavailable(location, new SQLException("in use", "90020", H2_DATABASE_IN_USE)));
        }
        try (Connection connection = open(location)) {
            StoredAuditChain chain = new StoredAuditChain(connection);
            AuditVerification v = chain.verify(key);
            return v.intact() ? intact(v, key) : broken(v, chain.entry(v.firstBrokenId()));
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_IN_USE && location.healthUri().isPresent()) {
                return askRunningService(location.healthUri().get());
            }
            return databaseUnavailable(location, e);
        }
    }

    private static Connection open(AuditChainLocation location) throws SQLException {
        Driver driver;
        if (location.jdbcUrl().startsWith("jdbc:h2:")) {
            driver = new org.h2.Driver();
        } else if (location.jdbcUrl().startsWith("jdbc:postgresql:")) {
            driver = new org.postgresql.Driver();
        } else {
            throw new SQLException("対応していない JDBC URL です（jdbc:postgresql:// または組み込みの H2）: "
                    + location.describeDatabase());
        }
        Properties credentials = new Properties();
        if (location.user() != null) {
            credentials.setProperty("user", location.user());
        }
        if (location.password() != null) {
            credentials.setProperty("password", location.password());
        }
        Connection connection = driver.connect(location.jdbcUrl(), credentials);
        connection.setReadOnly(true);
        return connection;
    }

    private static Outcome intact(AuditVerification v, AuditChainKey key) {
        return new Outcome(Verdict.INTACT, "監査ログ（操作履歴）の改ざんはありません: " + v.checked()
                + " 件の記録を検証しました（記録 " + key.epochStart() + " 以降は鍵 " + key.fingerprint()
                + " の HMAC-SHA256）。", "");
    }

    private static Outcome broken(AuditVerification v, Optional<AuditEvent> entry) {
        String which = "記録 " + v.firstBrokenId() + entry.map(e -> "（" + AT.format(e.at()) + "、" + e.action() + "）")
                .orElse("");
        String before = v.firstBrokenId() > 1 ? "記録 1〜" + (v.firstBrokenId() - 1) + " は正常です。" : "";
        return new Outcome(Verdict.BROKEN, ErrorCode.AUDIT_CHAIN_BROKEN.code() + " 監査ログ（操作履歴）の改ざんを検出しました: "
                + which + "が検証できません — " + v.japaneseReason() + "。" + before,
                "データベースをそのまま保全し（バックアップと照合できるよう変更しないでください）、システム管理者に連絡してください。"
                        + "記録 " + v.firstBrokenId() + " 以降は信頼できません。");
    }

    private static Outcome keyUnavailable(AuditChainLocation location, String reason) {
        return new Outcome(Verdict.UNAVAILABLE, ErrorCode.AUDIT_KEY_UNAVAILABLE.code() + " "
                + ErrorCode.AUDIT_KEY_UNAVAILABLE.message() + "（" + location.keyFile() + ": " + reason + "）",
                "サービスが使用している鍵ファイル（既定: サーバーのホームの audit/chain.key）を --key-file で指定し、"
                        + "読み取り権限のある利用者で実行してください。");
    }

    private static Outcome databaseUnavailable(AuditChainLocation location, SQLException e) {
        String reason;
        String fix;
        if (e.getErrorCode() == H2_DATABASE_IN_USE) {
            reason = "起動中のサービスが使用しています";
            fix = "サービス（oqs demo）を停止してから再実行してください。稼働中のサービスは起動時と1時間ごとに検証し、"
                    + "改ざんがあれば /actuator/health が 503 になります。";
        } else if (e.getErrorCode() == H2_DATABASE_NOT_FOUND) {
            reason = "データベースがありません";
            fix = "--home に oqs demo のホーム（demo.properties のあるフォルダー）またはサーバーのホームを指定してください。";
        } else {
            reason = e.getMessage();
            fix = "データベースの URL・利用者・パスワード（環境変数 OQS_JDBC_PASSWORD）と、audit_event 表があることを確認してください。";
        }
        return new Outcome(Verdict.UNAVAILABLE, ErrorCode.AUDIT_DATABASE_UNAVAILABLE.code() + " "
                + ErrorCode.AUDIT_DATABASE_UNAVAILABLE.message() + "（" + location.describeDatabase() + ": " + reason
                + "）", fix);
    }

    /** The running service's own verdict (start-up and hourly verification) from its management port. */
    private static Outcome askRunningService(URI health) {
        String status;
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode component = JSON.readTree(r.body()).path("components").path("auditChain").path("status");
            status = component.isMissingNode() ? "" : component.asString();
        } catch (IOException | RuntimeException unreachable) {
            status = "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "";
        }
        if ("UP".equals(status)) {
            return new Outcome(Verdict.INTACT, "監査ログ（操作履歴）の改ざんはありません: 起動中のサービスが検証済みです"
                    + "（起動時と1時間ごと、" + health + "）。", "");
        }
        if ("DOWN".equals(status)) {
            return new Outcome(Verdict.BROKEN, ErrorCode.AUDIT_CHAIN_BROKEN.code()
                    + " 起動中のサービスが監査ログ（操作履歴）の改ざんを検出しています（" + health + " の auditChain が DOWN）。",
                    "最初に検証できない記録の番号はサービスのログ（AUDIT CHAIN BROKEN at entry …）にあります。サービスを停止すると "
                            + "oqs audit verify で記録を表示できます。データベースはそのまま保全してください。");
        }
        return new Outcome(Verdict.UNAVAILABLE, ErrorCode.AUDIT_DATABASE_UNAVAILABLE.code() + " "
                + ErrorCode.AUDIT_DATABASE_UNAVAILABLE.message() + "（起動中のサービスが使用しており、その検証結果も "
                + health + " から得られません）", "サービスを停止してから再実行してください。");
    }
}
