package org.openoqs.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.TestPki;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rewrite of the review, performed on the real database with JDBC, as someone who can write the database but
 * cannot read the server's key file:
 * <ul>
 *   <li>an entry changed in place is detected;</li>
 *   <li>an entry changed and the whole tail re-hashed with plain SHA-256 (the old, unkeyed scheme), head updated,
 *       is detected too — the keyed entries need the HMAC key;</li>
 *   <li>a restart on the tampered database starts (degraded, not refused) and says so loudly: an ERROR naming the
 *       first broken entry, and {@code /actuator/health} DOWN (503);</li>
 *   <li>an older installation's unkeyed chain is carried into a keyed epoch whose first entry links to it, so its
 *       entries cannot be rewritten either; a database keyed by another instance is not extended without its key.</li>
 * </ul>
 */
class AuditChainTamperTest {

    @TempDir
    Path dir;

    @Test
    void changedAndRehashedEntriesAreDetectedAndReportedAtStartUp() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        ServerConfig config = pki.serverConfig(dir.resolve("home")).seedDemoData(false).populationSize(0).build();
        long victim;
        try (CentralServer server = CentralServer.start(config)) {
            AuditLog log = server.auditLog();
            JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.key().file())))
                    .isEqualTo("rw-------");
            for (int i = 0; i < 10; i++) {
                log.append("0113810014", "cert:0A", "QUALIFICATION_INQUIRY", "file=f" + i, "OK validity=1");
            }
            victim = log.size() - 4;
            AuditEvent original = log.read(victim - 1, 1).get(0);

            // 1. changed in place
            jdbc.update("update audit_event set outcome = ? where id = ?", "OK validity=2", victim);
            assertThat(log.verify()).satisfies(v -> {
                assertThat(v.intact()).isFalse();
                assertThat(v.firstBrokenId()).isEqualTo(victim);
            });

            // 2. and the tail re-hashed with plain SHA-256, head moved along, as an attacker without the key would
            rehashTailUnkeyed(jdbc, victim);
            assertThat(log.verify()).satisfies(v -> {
                assertThat(v.intact()).isFalse();
                assertThat(v.firstBrokenId()).isEqualTo(victim);
                assertThat(v.reason()).contains("HMAC");
            });
            assertThat(original.outcome()).isEqualTo("OK validity=1");
        }

        try (CentralServer restarted = CentralServer.start(config)) {
            AuditChainMonitor monitor = restarted.bean(AuditChainMonitor.class);
            assertThat(monitor.last().verification().intact()).as("start-up verification").isFalse();
            assertThat(monitor.last().verification().firstBrokenId()).isEqualTo(victim);
            Api.Response health = Api.get(pki.anonymousClient(), restarted.baseUri(), "actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asString()).isEqualTo("DOWN");

            // every check (the scheduled ones too) says so at ERROR level
            ListAppender<ILoggingEvent> logged = new ListAppender<>();
            Logger monitorLog = (Logger) LoggerFactory.getLogger(AuditChainMonitor.class);
            logged.start();
            monitorLog.addAppender(logged);
            try {
                monitor.check();
            } finally {
                monitorLog.detachAppender(logged);
            }
            assertThat(logged.list).anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                assertThat(e.getFormattedMessage()).contains("AUDIT CHAIN BROKEN at entry " + victim);
            });
            // degraded, not refused: the service still records (new entries keyed and linked to the head)
            AuditEvent next = restarted.auditLog().append(null, "system", "TEST", "after", "OK");
            assertThat(next.id()).isEqualTo(restarted.auditLog().size());
        }
    }

    @Test
    void anOlderUnkeyedChainIsCarriedIntoTheKeyedEpochAndProtectedByIt() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        ServerConfig config = pki.serverConfig(dir.resolve("home")).seedDemoData(false).populationSize(0).build();
        try (CentralServer first = CentralServer.start(config)) {
            // the database as an installation before the key left it: three entries hashed with plain SHA-256
            JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
            jdbc.update("delete from audit_event");
            String prev = AuditLog.GENESIS;
            for (long id = 1; id <= 3; id++) {
                prev = insertUnkeyed(jdbc, id, prev, "legacy " + id);
            }
            jdbc.update("update audit_head set last_id = 3, last_hash = ? where id = 1", prev);
        }
        Files.delete(config.effectiveAuditKeyFile());

        try (CentralServer upgraded = CentralServer.start(config)) {
            AuditLog log = upgraded.auditLog();
            JdbcTemplate jdbc = upgraded.bean(JdbcTemplate.class);
            assertThat(log.key().epochStart()).isEqualTo(4);
            AuditEvent epoch = log.read(3, 1).get(0);
            assertThat(epoch.action()).isEqualTo(AuditLog.EPOCH_ACTION);
            assertThat(epoch.prevHash()).isEqualTo(log.read(2, 1).get(0).hash());
            assertThat(log.verify().intact()).isTrue();
            assertThat(upgraded.bean(AuditChainMonitor.class).last().verification().intact()).isTrue();

            // rewrite legacy entry 2 and re-hash everything after it with SHA-256, the epoch entry included: the
            // legacy part is consistent again, but the epoch entry's HMAC (over its link to entry 3) breaks
            jdbc.update("update audit_event set outcome = ? where id = 2", "rewritten");
            rehashTailUnkeyed(jdbc, 2);
            AuditVerification v = log.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(4);
            assertThat(v.reason()).contains("HMAC");
        }
    }

    @Test
    void aKeyedChainIsNotExtendedWithoutItsKey() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        ServerConfig config = pki.serverConfig(dir.resolve("home")).seedDemoData(false).populationSize(0).build();
        try (CentralServer first = CentralServer.start(config)) {
            assertThat(first.auditLog().verify().intact()).isTrue();
        }
        Files.delete(config.effectiveAuditKeyFile());

        assertThatThrownBy(() -> CentralServer.start(config)).hasStackTraceContaining("no key file");
        assertThat(config.effectiveAuditKeyFile()).doesNotExist();
    }

    /** Recomputes every hash from {@code fromId} on with plain SHA-256 and moves the head: the attacker's rewrite. */
    private static void rehashTailUnkeyed(JdbcTemplate jdbc, long fromId) {
        String prev = jdbc.queryForObject("select hash from audit_event where id = ?", String.class, fromId - 1).strip();
        List<AuditEvent> tail = jdbc.query("select id, at, facility, actor, action, subject, outcome, prev_hash, hash "
                + "from audit_event where id >= ? order by id", (rs, n) -> new AuditEvent(rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("facility"), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("outcome"), rs.getString("prev_hash"),
                rs.getString("hash")), fromId);
        for (AuditEvent e : tail) {
            String hash = AuditLog.hashOf(prev, e.id(), e.at(), e.facility(), e.actor(), e.action(), e.subject(),
                    e.outcome());
            jdbc.update("update audit_event set prev_hash = ?, hash = ? where id = ?", prev, hash, e.id());
            prev = hash;
        }
        jdbc.update("update audit_head set last_hash = ? where id = 1", prev);
    }

    private static String insertUnkeyed(JdbcTemplate jdbc, long id, String prev, String subject) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        String hash = AuditLog.hashOf(prev, id, at.toInstant(), null, "system", "LEGACY", subject, "OK");
        jdbc.update("insert into audit_event (id, at, facility, actor, action, subject, outcome, prev_hash, hash) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, at, null, "system", "LEGACY", subject, "OK", prev, hash);
        return hash;
    }
}
