package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.server.CentralServer;
import org.openoqs.server.testsupport.TestPki;
import org.openoqs.server.web.security.PortalSessionStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each server instance deletes expired portal sessions from the shared table on {@code oqs.web.session-cleanup-cron}
 * (every 5 minutes in operation; every second here), and leaves the live ones: sessions of browsers that simply
 * went away do not pile up. A server of its own, because the schedule is read at start-up.
 */
class ExpiredPortalSessionsAreCleanedUpTest {

    private static final String CRON_PROPERTY = "oqs.web.session-cleanup-cron";

    @TempDir
    Path dir;

    @Test
    void expiredSessionsAreDeletedOnTheScheduleAndLiveOnesStay() throws Exception {
        String before = System.getProperty(CRON_PROPERTY);
        System.setProperty(CRON_PROPERTY, "* * * * * *");
        CentralServer server;
        try {
            server = CentralServer.start(TestPki.create(dir.resolve("pki")).serverConfig(dir.resolve("home"))
                    .seedDemoData(false).populationSize(0).build());
        } finally {
            if (before == null) {
                System.clearProperty(CRON_PROPERTY);
            } else {
                System.setProperty(CRON_PROPERTY, before);
            }
        }
        try (server) {
            JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
            long now = System.currentTimeMillis();
            long idle = Duration.ofMinutes(30).toMillis();
            insert(jdbc, "expired", now - idle - 60_000, idle);
            insert(jdbc, "live", now, idle);

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (count(jdbc, "expired") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }

            assertThat(count(jdbc, "expired")).as("the expired session").isZero();
            assertThat(jdbc.queryForObject("select count(*) from " + PortalSessionStore.TABLE + "_attributes",
                    Integer.class)).as("its attributes went with it").isEqualTo(1);
            assertThat(count(jdbc, "live")).as("the live session").isEqualTo(1);
        }
    }

    /** A session row with one attribute, as Spring Session writes them. */
    private static void insert(JdbcTemplate jdbc, String name, long lastAccess, long idleMillis) {
        String primaryId = String.format("%-36s", "p-" + name).replace(' ', '0');
        jdbc.update("insert into " + PortalSessionStore.TABLE + " (primary_id, session_id, creation_time, "
                + "last_access_time, max_inactive_interval, expiry_time, principal_name) values (?, ?, ?, ?, ?, ?, ?)",
                primaryId, sessionId(name), lastAccess, lastAccess, (int) (idleMillis / 1000), lastAccess + idleMillis,
                null);
        jdbc.update("insert into " + PortalSessionStore.TABLE + "_attributes (session_primary_id, attribute_name, "
                + "attribute_bytes) values (?, ?, ?)", primaryId, "marker", new byte[] {1, 2, 3});
    }

    private static String sessionId(String name) {
        return String.format("%-36s", "s-" + name).replace(' ', '0');
    }

    private static int count(JdbcTemplate jdbc, String name) {
        return jdbc.queryForObject("select count(*) from " + PortalSessionStore.TABLE + " where session_id = ?",
                Integer.class, sessionId(name));
    }
}
