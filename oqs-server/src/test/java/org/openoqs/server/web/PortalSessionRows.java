package org.openoqs.server.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openoqs.server.CentralServer;
import org.openoqs.server.web.security.PortalSessionStore;
import org.springframework.jdbc.core.JdbcTemplate;

/** The portal-session rows of a server's database, read and aged directly for tests. */
final class PortalSessionRows {

    record Row(String primaryId, String sessionId, long lastAccessTime, int maxInactiveInterval, long expiryTime,
               String principalName) {
    }

    private final JdbcTemplate jdbc;

    PortalSessionRows(CentralServer server) {
        this.jdbc = server.bean(JdbcTemplate.class);
    }

    Optional<Row> find(String sessionId) {
        List<Row> rows = jdbc.query("select primary_id, session_id, last_access_time, max_inactive_interval, "
                + "expiry_time, principal_name from " + PortalSessionStore.TABLE + " where session_id = ?",
                (rs, n) -> new Row(rs.getString(1).strip(), rs.getString(2).strip(), rs.getLong(3), rs.getInt(4),
                        rs.getLong(5), rs.getString(6)), sessionId);
        return rows.stream().findFirst();
    }

    boolean exists(String sessionId) {
        return find(sessionId).isPresent();
    }

    /** Rows created at or after the instant (epoch milliseconds). */
    int createdSince(long epochMillis) {
        return jdbc.queryForObject("select count(*) from " + PortalSessionStore.TABLE + " where creation_time >= ?",
                Integer.class, epochMillis);
    }

    int attributeCount(String primaryId) {
        return jdbc.queryForObject("select count(*) from " + PortalSessionStore.TABLE
                + "_attributes where session_primary_id = ?", Integer.class, primaryId);
    }

    /** The attribute as the other server instance would read it back (Java serialization). */
    Object attribute(String sessionId, String name) throws IOException, ClassNotFoundException {
        byte[] bytes = jdbc.queryForObject("select a.attribute_bytes from " + PortalSessionStore.TABLE + " s join "
                + PortalSessionStore.TABLE + "_attributes a on a.session_primary_id = s.primary_id "
                + "where s.session_id = ? and a.attribute_name = ?", byte[].class, sessionId, name);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /** Moves the session's last access back, as if the browser had been idle that long. */
    void idle(String sessionId, Duration idle) {
        jdbc.update("update " + PortalSessionStore.TABLE + " set last_access_time = last_access_time - ?, "
                + "expiry_time = expiry_time - ? where session_id = ?", idle.toMillis(), idle.toMillis(), sessionId);
    }
}
