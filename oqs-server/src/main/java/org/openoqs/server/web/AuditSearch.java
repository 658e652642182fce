package org.openoqs.server.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.audit.AuditEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one facility's part of the audit trail for the 操作履歴 screen, newest first, filtered. Read-only; the
 * facility is always part of the query, so no filter can reach another facility's entries.
 */
@Component
public class AuditSearch {

    static final int MAX_ROWS = 200;

    /**
     * @param action exact action, or {@code null}
     * @param actor  exact actor (account ID or {@code cert:…}), or {@code null}
     * @param from   first day (JST), or {@code null}
     * @param to     last day (JST, inclusive), or {@code null}
     */
    public record Filter(String action, String actor, LocalDate from, LocalDate to) {
    }

    private final JdbcClient jdbc;

    public AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEvent> find(String institutionCode, Filter filter) {
        StringBuilder sql = new StringBuilder("select id, at, facility, actor, action, subject, outcome, prev_hash, hash "
                + "from audit_event where facility = ?");
        List<Object> params = new ArrayList<>();
        params.add(institutionCode);
        if (filter.action() != null) {
            sql.append(" and action = ?");
            params.add(filter.action());
        }
        if (filter.actor() != null) {
            sql.append(" and actor = ?");
            params.add(filter.actor());
        }
        if (filter.from() != null) {
            sql.append(" and at >= ?");
            params.add(startOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and at < ?");
            params.add(startOf(filter.to().plusDays(1)));
        }
        sql.append(" order by id desc limit ").append(MAX_ROWS);
        return jdbc.sql(sql.toString()).params(params).query(AuditSearch::map).list();
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ServerConfig.TOKYO).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
        return new AuditEvent(rs.getLong("id"), at, rs.getString("facility"), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("outcome"),
                rs.getString("prev_hash").strip(), rs.getString("hash").strip());
    }
}
