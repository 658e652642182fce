package org.openoqs.server.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.FacilityService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * お知らせ, managed centrally: the operator of the central service publishes a notice to every facility or to one,
 * and may withdraw it. A facility's accounts see the notices currently published for them; the ones an account
 * has not closed yet are listed right after its sign-in (seed chapter 7).
 */
@Service
public class NoticeService {

    public static final String PUBLISH = "NOTICE_PUBLISH";
    public static final String WITHDRAW = "NOTICE_WITHDRAW";
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 4000;

    private static final String COLUMNS = "id, institution_code, title, body, published_from, published_until";
    private static final String VISIBLE = " from notice where withdrawn_at is null and published_from <= ? "
            + "and (published_until is null or published_until > ?) "
            + "and (institution_code is null or institution_code = ?)";

    private final JdbcClient jdbc;
    private final FacilityService facilities;
    private final AuditLog audit;
    private final Clock clock;

    public NoticeService(JdbcClient jdbc, FacilityService facilities, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.facilities = facilities;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Publishes a notice.
     *
     * @param institutionCode {@code null} for every facility, else the (registered) facility it is for
     * @param until           {@code null} = until withdrawn
     * @param operator        who publishes it (recorded)
     * @throws NoticeRejectedException bad title, body or period, or an unknown facility
     */
    public Notice publish(String institutionCode, String title, String body, Instant from, Instant until,
                          String operator) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(operator, "operator");
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new NoticeRejectedException(ErrorCode.INVALID_NOTICE_TITLE);
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new NoticeRejectedException(ErrorCode.INVALID_NOTICE_BODY);
        }
        if (until != null && !until.isAfter(from)) {
            throw new NoticeRejectedException(ErrorCode.INVALID_NOTICE_PERIOD);
        }
        if (institutionCode != null && facilities.find(institutionCode).isEmpty()) {
            throw new NoticeRejectedException(ErrorCode.UNKNOWN_NOTICE_FACILITY);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into notice (institution_code, title, body, published_from, published_until, created_at, "
                        + "created_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(institutionCode, title.strip(), body.strip(), ts(from), ts(until), ts(clock.instant()), operator)
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.append(institutionCode, operator, PUBLISH, "notice=" + id, "OK");
        return new Notice(id, institutionCode, title.strip(), body.strip(), from, until);
    }

    /**
     * Ends a notice now; it disappears from every screen.
     *
     * @return false when there is no such notice, or it was withdrawn already
     */
    public boolean withdraw(long id, String operator) {
        int n = jdbc.sql("update notice set withdrawn_at = ? where id = ? and withdrawn_at is null")
                .params(ts(clock.instant()), id).update();
        audit.append(null, operator, WITHDRAW, "notice=" + id, n == 1 ? "OK" : "NOT_FOUND");
        return n == 1;
    }

    /** What the operator manages: every notice not withdrawn whose period has not ended, shown now or later. */
    public List<Notice> scheduled() {
        OffsetDateTime now = ts(clock.instant());
        return jdbc.sql("select " + COLUMNS + " from notice where withdrawn_at is null "
                        + "and (published_until is null or published_until > ?) order by published_from, id")
                .params(now).query(NoticeService::map).list();
    }

    /** The notices a facility sees now, newest first. */
    public List<Notice> current(String institutionCode) {
        OffsetDateTime now = ts(clock.instant());
        return jdbc.sql("select " + COLUMNS + VISIBLE + " order by published_from desc, id desc")
                .params(now, now, institutionCode).query(NoticeService::map).list();
    }

    /** The current notices this account has not closed yet. */
    public List<Notice> unread(String institutionCode, String accountId) {
        OffsetDateTime now = ts(clock.instant());
        return jdbc.sql("select " + COLUMNS + VISIBLE + " and not exists (select 1 from notice_read r where "
                        + "r.notice_id = notice.id and r.institution_code = ? and r.account_id = ?) "
                        + "order by published_from desc, id desc")
                .params(now, now, institutionCode, institutionCode, accountId).query(NoticeService::map).list();
    }

    /** Marks these notices as seen by the account (閉じる). */
    public void markRead(String institutionCode, String accountId, List<Notice> notices) {
        OffsetDateTime now = ts(clock.instant());
        for (Notice n : notices) {
            try {
                jdbc.sql("insert into notice_read (institution_code, account_id, notice_id, read_at) values (?, ?, ?, ?)")
                        .params(institutionCode, accountId, n.id(), now).update();
            } catch (DuplicateKeyException alreadyRead) {
                // closed in another tab or session: nothing to do
            }
        }
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Notice map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime until = rs.getObject("published_until", OffsetDateTime.class);
        return new Notice(rs.getLong("id"), rs.getString("institution_code"), rs.getString("title"),
                rs.getString("body"), rs.getObject("published_from", OffsetDateTime.class).toInstant(),
                until == null ? null : until.toInstant());
    }
}
