package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.audit.AuditLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19 item 7 outside the service: the attack of the review — rewrite an audit entry of a real demo home's
 * database with JDBC, then re-hash the tail and the head with plain SHA-256 — is reported by {@code oqs audit verify}
 * (exit 1, {@code OQSF9606}, the first broken entry named with its time and action) and by {@code oqs doctor}
 * ({@code service.audit-chain} fail), both run as the real {@code oqs} process on the stopped demo; the intact home
 * verifies (exit 0). Restarted on the tampered database, the running demo's own verification is what both report.
 * Without the key file the chain cannot be verified (exit 3, {@code OQSF9608}), and a folder that is no home is not
 * mistaken for an empty chain ({@code OQSF9607}).
 */
class AuditVerifyOnTamperedDemoIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    @Test
    void aRewrittenAndRehashedEntryIsNamedByAuditVerifyAndDoctor() throws Exception {
        try (DemoProcess demo = DemoProcess.start(home)) {
            demo.stop();
        }

        DemoProcess.Completed intact = DemoProcess.run("audit", "verify", "--home", home.toString());
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("監査ログ（操作履歴）の改ざんはありません").containsPattern("\\d+ 件の記録を検証しました");
        JsonNode intactFinding = auditFinding();
        assertThat(intactFinding.get("status").asString()).as(intactFinding.toString()).isEqualTo("ok");

        long victim;
        String url = ServerConfig.embeddedJdbcUrl(home.resolve("server"));
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            victim = lastId(db) - 3;
            update(db, "update audit_event set outcome = 'OK (rewritten)' where id = ?", victim);
        }
        DemoProcess.Completed changed = DemoProcess.run("audit", "verify", "--home", home.toString());
        assertThat(changed.exitCode()).as(changed.output()).isEqualTo(1);
        assertThat(changed.output()).contains("OQSF9606 監査ログ（操作履歴）の改ざんを検出しました: 記録 " + victim + "（")
                .contains("HMAC").contains("記録 1〜" + (victim - 1) + " は正常です");

        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            rehashTailUnkeyed(db, victim); // what someone who can write the database, but lacks the key, would do
        }
        DemoProcess.Completed rehashed = DemoProcess.run("audit", "verify", "--home", home.toString());
        assertThat(rehashed.exitCode()).as(rehashed.output()).isEqualTo(1);
        assertThat(rehashed.output()).contains("OQSF9606").contains("記録 " + victim + "（")
                .contains("鍵付きハッシュ（HMAC）と一致しません");
        JsonNode doctorFinding = auditFinding();
        assertThat(doctorFinding.get("status").asString()).isEqualTo("fail");
        assertThat(doctorFinding.get("message").asString()).contains("OQSF9606").contains("記録 " + victim + "（");

        // the running demo on the tampered database: its start-up verification is what doctor and verify report
        try (DemoProcess restarted = DemoProcess.start(home)) {
            assertThat(restarted.output()).contains("AUDIT CHAIN BROKEN at entry " + victim);
            JsonNode running = auditFinding();
            assertThat(running.get("status").asString()).as(running.toString()).isEqualTo("fail");
            assertThat(running.get("message").asString()).contains("OQSF9606").contains("起動中のサービス");
            DemoProcess.Completed whileRunning = DemoProcess.run("audit", "verify", "--home", home.toString());
            assertThat(whileRunning.exitCode()).as(whileRunning.output()).isEqualTo(1);
            restarted.stop();
        }

        Path key = home.resolve("server/audit/chain.key");
        Path aside = home.resolve("chain.key.aside");
        Files.move(key, aside);
        DemoProcess.Completed noKey = DemoProcess.run("audit", "verify", "--home", home.toString());
        assertThat(noKey.exitCode()).as(noKey.output()).isEqualTo(3);
        assertThat(noKey.output()).contains("OQSF9608").contains(key.toString());
        Files.move(aside, key);

        Path notAHome = Files.createDirectories(home.resolve("not-a-home"));
        DemoProcess.Completed nothing = DemoProcess.run("audit", "verify", "--home", notAHome.toString(),
                "--key-file", key.toString());
        assertThat(nothing.exitCode()).as(nothing.output()).isEqualTo(3);
        assertThat(nothing.output()).contains("OQSF9607").contains("データベースがありません");
        assertThat(notAHome.resolve("db")).doesNotExist(); // read-only: no empty database created
    }

    /** The doctor's {@code service.audit-chain} finding for the home (real process, --json). */
    private JsonNode auditFinding() throws Exception {
        DemoProcess.Completed doctor = DemoProcess.run("doctor", "--home", home.toString(), "--json");
        JsonNode checks = JSON.readTree(doctor.output().substring(doctor.output().indexOf('{'))).get("checks");
        for (JsonNode check : checks) {
            if (check.get("id").asString().equals("service.audit-chain")) {
                return check;
            }
        }
        throw new AssertionError("no service.audit-chain finding:\n" + doctor.output());
    }

    static long lastId(Connection db) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select last_id from audit_head where id = 1");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void update(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    /** Recomputes every hash from {@code fromId} on with plain SHA-256 and moves the head: the attacker's rewrite. */
    static void rehashTailUnkeyed(Connection db, long fromId) throws Exception {
        String prev;
        try (PreparedStatement s = db.prepareStatement("select hash from audit_event where id = ?")) {
            s.setLong(1, fromId - 1);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                prev = rs.getString(1).strip();
            }
        }
        try (PreparedStatement s = db.prepareStatement("select id, at, facility, actor, action, subject, outcome "
                + "from audit_event where id >= ? order by id")) {
            s.setLong(1, fromId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String hash = AuditLog.hashOf(prev, rs.getLong("id"),
                            rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("facility"),
                            rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
                            rs.getString("outcome"));
                    update(db, "update audit_event set prev_hash = ?, hash = ? where id = ?", prev, hash,
                            rs.getLong("id"));
                    prev = hash;
                }
            }
        }
        update(db, "update audit_head set last_hash = ? where id = 1", prev);
    }
}
