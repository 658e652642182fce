package org.openoqs.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit chain of a database opened by a command rather than by the running service ({@code oqs audit verify},
 * {@code oqs doctor}): the same verification as {@link AuditLog#verify()}, on a plain JDBC connection, with the key
 * read from its file. Reads only.
 */
public final class StoredAuditChain {

    private static final String COLUMNS = "id, at, facility, actor, action, subject, outcome, prev_hash, hash";

    private final Connection connection;

    public StoredAuditChain(Connection connection) {
        this.connection = connection;
    }

    /** Re-computes every entry's hash or HMAC and checks links, ids and the head, as the service does. */
    public AuditVerification verify(AuditChainKey key) throws SQLException {
        try {
            return AuditLog.verify(this::readUnchecked, this::headUnchecked, key);
        } catch (UncheckedSql e) {
            throw e.getCause();
        }
    }

    /** The entry with this id, if there is one (to name a broken entry with its time and action). */
    public Optional<AuditEvent> entry(long id) throws SQLException {
        List<AuditEvent> found = read(id - 1, 1);
        return found.isEmpty() || found.get(0).id() != id ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<AuditEvent> read(long afterId, int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select " + COLUMNS + " from audit_event where id > ? order by id limit ?")) {
            s.setLong(1, afterId);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                List<AuditEvent> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(new AuditEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                            rs.getString("facility"), rs.getString("actor"), rs.getString("action"),
                            rs.getString("subject"), rs.getString("outcome"), rs.getString("prev_hash").strip(),
                            rs.getString("hash").strip()));
                }
                return events;
            }
        }
    }

    private List<AuditEvent> readUnchecked(long afterId, int limit) {
        try {
            return read(afterId, limit);
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
    }

    private Map<String, Object> headUnchecked() {
        try (PreparedStatement s = connection.prepareStatement("select last_id, last_hash from audit_head where id = 1");
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new UncheckedSql(new SQLException("audit_head has no row"));
            }
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("last_id", rs.getLong("last_id"));
            head.put("last_hash", rs.getString("last_hash"));
            return head;
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
    }

    /** Carries a JDBC failure through the verifier's functional interfaces. */
    private static final class UncheckedSql extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
