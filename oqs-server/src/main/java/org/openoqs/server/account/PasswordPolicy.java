package org.openoqs.server.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for passwords people choose, and when they must choose a new one. The seed only says that a master
 * account unused "for a certain period" must change its password (chapter 7); the numbers here are openoqs'
 * choices, documented in docs/web-portal.md:
 * <ul>
 *   <li>8–64 half-width characters (ASCII letters, digits, symbols; no spaces);</li>
 *   <li>at least three of: upper-case letters, lower-case letters, digits, symbols;</li>
 *   <li>not the account ID, and not containing it (case-insensitive);</li>
 *   <li>none of the last {@value #HISTORY} passwords (the current one included);</li>
 *   <li>change required when issued/reset by someone else, after {@link #MAX_AGE}, and after
 *       {@link #MAX_INACTIVITY} without a sign-in;</li>
 *   <li>{@value #LOCK_AFTER} consecutive failed sign-ins lock the account until its manager unlocks it.</li>
 * </ul>
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;
    public static final int MIN_CLASSES = 3;
    public static final int HISTORY = 5;
    public static final int LOCK_AFTER = 5;
    public static final Duration MAX_AGE = Duration.ofDays(90);
    public static final Duration MAX_INACTIVITY = Duration.ofDays(90);

    private PasswordPolicy() {
    }

    /** Why a sign-in must go through the password change first; empty when it need not. */
    public enum ChangeReason {
        ISSUED("初期パスワード（または再設定されたパスワード）のため、パスワードを変更してください。"),
        EXPIRED("パスワードの有効期間（" + MAX_AGE.toDays() + "日）が過ぎたため、パスワードを変更してください。"),
        INACTIVE("一定期間（" + MAX_INACTIVITY.toDays() + "日）ログインしていなかったため、パスワードを変更してください。");

        private final String message;

        ChangeReason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Evaluated at sign-in, before the last-login time is updated. */
    public static Optional<ChangeReason> changeRequired(Account account, Instant now) {
        if (!account.kind().changesIssuedPassword()) {
            return Optional.empty();
        }
        if (account.mustChangePassword()) {
            return Optional.of(ChangeReason.ISSUED);
        }
        if (account.passwordChangedAt() != null && account.passwordChangedAt().plus(MAX_AGE).isBefore(now)) {
            return Optional.of(ChangeReason.EXPIRED);
        }
        if (account.lastLoginAt() != null && account.lastLoginAt().plus(MAX_INACTIVITY).isBefore(now)) {
            return Optional.of(ChangeReason.INACTIVE);
        }
        return Optional.empty();
    }

    /**
     * The rules a new password breaks, as Japanese messages for the user (empty when it is acceptable). The reuse
     * rule needs the hashes and is checked by {@link AccountService}.
     */
    public static List<String> violations(String accountId, String password) {
        List<String> out = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            out.add("新しいパスワードを入力してください。");
            return out;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            out.add("パスワードは" + MIN_LENGTH + "文字以上" + MAX_LENGTH + "文字以内で入力してください（現在" + length + "文字）。");
        }
        if (!password.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            out.add("パスワードに使用できるのは半角英数字と半角記号のみです（空白・全角文字は使用できません）。");
        }
        if (characterClasses(password) < MIN_CLASSES) {
            out.add("パスワードには英大文字・英小文字・数字・記号のうち" + MIN_CLASSES + "種類以上を含めてください。");
        }
        if (accountId != null && !accountId.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(accountId.toLowerCase(Locale.ROOT))) {
            out.add("パスワードにアカウントIDを含めることはできません。");
        }
        return out;
    }

    /** Message for a password equal to one of the recent ones. */
    public static String reuseMessage() {
        return "現在のパスワード及び直近" + (HISTORY - 1) + "回以内に使用したパスワードは使用できません。";
    }

    static int characterClasses(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (char c : password.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c > 0x20 && c < 0x7f) {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
