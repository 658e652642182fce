package org.openoqs.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code web_account} and {@code web_password_history}. Every statement names the facility: there is no way to
 * read or change an account without it.
 */
@Repository
public class AccountRepository {

    private static final String COLUMNS = "institution_code, account_id, kind, display_name, password_changed_at, "
            + "must_change_password, failed_attempts, locked_at, enabled, created_at, created_by, last_login_at";

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String institutionCode, String accountId) {
        return jdbc.sql("select " + COLUMNS + " from web_account where institution_code = ? and account_id = ?")
                .params(institutionCode, accountId).query(AccountRepository::map).optional();
    }

    public Optional<String> passwordHash(String institutionCode, String accountId) {
        return jdbc.sql("select password_hash from web_account where institution_code = ? and account_id = ?")
                .params(institutionCode, accountId).query(String.class).optional();
    }

    public List<Account> list(String institutionCode, Collection<AccountKind> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", kinds.stream().map(k -> "'" + k.name() + "'").toList());
        return jdbc.sql("select " + COLUMNS + " from web_account where institution_code = ? and kind in (" + in
                        + ") order by kind, account_id")
                .param(institutionCode).query(AccountRepository::map).list();
    }

    /** IDs of the facility starting with the prefix (to generate the next one). */
    public List<String> idsWithPrefix(String institutionCode, String prefix) {
        return jdbc.sql("select account_id from web_account where institution_code = ? and account_id like ?")
                .params(institutionCode, prefix + "%").query(String.class).list();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the ID (or the facility's master) exists */
    public void insert(Account a, String passwordHash) {
        jdbc.sql("insert into web_account (" + COLUMNS + ", password_hash, master_of) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.institutionCode(), a.accountId(), a.kind().name(), a.displayName(), ts(a.passwordChangedAt()),
                        a.mustChangePassword(), a.failedAttempts(), ts(a.lockedAt()), a.enabled(), ts(a.createdAt()),
                        a.createdBy(), ts(a.lastLoginAt()), passwordHash,
                        a.kind() == AccountKind.MASTER ? a.institutionCode() : null)
                .update();
    }

    /**
     * Takes one of the account's {@code lockAfter} sign-in attempts before its password is checked: one conditional
     * statement that counts the attempt only while the account is unlocked and under the limit, so however many
     * attempts run at once, at most {@code lockAfter} of them ever reach the password check.
     *
     * @return false when the account is locked or its attempts are used up (the password must not be checked)
     */
    public boolean takeAttempt(String institutionCode, String accountId, int lockAfter) {
        return jdbc.sql("update web_account set failed_attempts = failed_attempts + 1 where institution_code = ? "
                        + "and account_id = ? and locked_at is null and failed_attempts < ?")
                .params(institutionCode, accountId, lockAfter).update() == 1;
    }

    /**
     * After a wrong password: locks the account when its counted attempts reached {@code lockAfter} (the attempt
     * was already counted by {@link #takeAttempt}).
     *
     * @return the account after the update
     */
    public Account recordFailure(String institutionCode, String accountId, int lockAfter, Instant now) {
        jdbc.sql("update web_account set locked_at = ? where institution_code = ? and account_id = ? "
                        + "and locked_at is null and failed_attempts >= ?")
                .params(ts(now), institutionCode, accountId, lockAfter).update();
        return find(institutionCode, accountId).orElseThrow();
    }

    /**
     * After the right password: clears the count — only while the account is still unlocked, so a lock set by
     * concurrent failures in the meantime is not undone by a sign-in.
     *
     * @return false when the account was locked meanwhile (the sign-in must be refused)
     */
    public boolean recordSuccess(String institutionCode, String accountId, Instant now) {
        return jdbc.sql("update web_account set failed_attempts = 0, last_login_at = ? "
                        + "where institution_code = ? and account_id = ? and locked_at is null")
                .params(ts(now), institutionCode, accountId).update() == 1;
    }

    /** Replaces the hash by a stronger one of the same password, unless it changed meanwhile. */
    public void upgradeHash(String institutionCode, String accountId, String oldHash, String newHash) {
        jdbc.sql("update web_account set password_hash = ? where institution_code = ? and account_id = ? "
                        + "and password_hash = ?")
                .params(newHash, institutionCode, accountId, oldHash).update();
    }

    public void unlock(String institutionCode, String accountId) {
        jdbc.sql("update web_account set failed_attempts = 0, locked_at = null "
                        + "where institution_code = ? and account_id = ?")
                .params(institutionCode, accountId).update();
    }

    public void setEnabled(String institutionCode, String accountId, boolean enabled) {
        jdbc.sql("update web_account set enabled = ? where institution_code = ? and account_id = ?")
                .params(enabled, institutionCode, accountId).update();
    }

    /** Replaces the password, keeping the old hash in the history. */
    public void replacePassword(String institutionCode, String accountId, String newHash, boolean mustChange,
                                Instant now) {
        String oldHash = passwordHash(institutionCode, accountId).orElseThrow();
        int last = jdbc.sql("select coalesce(max(seq), 0) from web_password_history where institution_code = ? "
                        + "and account_id = ?")
                .params(institutionCode, accountId).query(Integer.class).single();
        jdbc.sql("insert into web_password_history (institution_code, account_id, changed_at, seq, password_hash) "
                        + "values (?, ?, ?, ?, ?)")
                .params(institutionCode, accountId, ts(now), last + 1, oldHash).update();
        jdbc.sql("update web_account set password_hash = ?, password_changed_at = ?, must_change_password = ?, "
                        + "failed_attempts = 0, locked_at = null where institution_code = ? and account_id = ?")
                .params(newHash, ts(now), mustChange, institutionCode, accountId).update();
    }

    /** The current hash followed by the previous ones, newest first, {@code limit} in all. */
    public List<String> recentPasswordHashes(String institutionCode, String accountId, int limit) {
        List<String> hashes = new java.util.ArrayList<>();
        passwordHash(institutionCode, accountId).ifPresent(hashes::add);
        if (limit > 1) {
            hashes.addAll(jdbc.sql("select password_hash from web_password_history where institution_code = ? "
                            + "and account_id = ? order by seq desc limit ?")
                    .params(institutionCode, accountId, limit - 1).query(String.class).list());
        }
        return hashes;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString("institution_code"), rs.getString("account_id"),
                AccountKind.valueOf(rs.getString("kind")), rs.getString("display_name"),
                instant(rs, "password_changed_at"), rs.getBoolean("must_change_password"), rs.getInt("failed_attempts"),
                instant(rs, "locked_at"), rs.getBoolean("enabled"), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "last_login_at"));
    }
}
