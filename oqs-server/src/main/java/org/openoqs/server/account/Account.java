package org.openoqs.server.account;

import java.time.Instant;
import java.util.Objects;

/**
 * One account of a facility. Never holds the password hash (that stays in {@link AccountRepository}).
 *
 * @param institutionCode    the facility it belongs to; an ID means nothing outside it
 * @param accountId          the login ID (master: from the notice of the application; others generated)
 * @param kind               its type, which decides its rights
 * @param displayName        the person (or terminal / reader) it is for
 * @param passwordChangedAt  when the current password was set
 * @param mustChangePassword the password was issued or reset by someone else
 * @param failedAttempts     consecutive failed sign-ins since the last success or unlock
 * @param lockedAt           when it was locked by failed sign-ins; {@code null} when not locked
 * @param enabled            {@code false} once disabled by its manager (kept for the audit trail)
 * @param createdAt          creation time
 * @param createdBy          ID of the account (or {@code system}) that created it
 * @param lastLoginAt        last successful sign-in, {@code null} before the first
 */
public record Account(
        String institutionCode,
        String accountId,
        AccountKind kind,
        String displayName,
        Instant passwordChangedAt,
        boolean mustChangePassword,
        int failedAttempts,
        Instant lockedAt,
        boolean enabled,
        Instant createdAt,
        String createdBy,
        Instant lastLoginAt) {

    public Account {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean locked() {
        return lockedAt != null;
    }

    /** 状態 as shown on the account list. */
    public String statusLabel() {
        if (!enabled) {
            return "無効";
        }
        if (locked()) {
            return "ロック中";
        }
        return mustChangePassword && kind.changesIssuedPassword() ? "初期パスワード" : "有効";
    }
}
