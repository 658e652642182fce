package org.openoqs.terminal.credentials;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openoqs.core.number.InstitutionCode;
import org.openoqs.core.number.InvalidNumberException;

/**
 * The four entries the real linkage application (OQSComApp) reads from the Windows Credential Manager
 * (資格情報マネージャー, セットアップ手順書 「12 資格確認できるか確認する」 table): the "internet or network address"
 * is the key, plus a user name and a password. openoqs keeps the same keys, user names and rules, and adds one
 * entry for the card reader's 顔認証用アカウント.
 *
 * <table>
 *   <caption>keys</caption>
 *   <tr><th>key</th><th>user</th><th>secret</th><th>required</th></tr>
 *   <tr><td>OQS_LOGIN_KEY</td><td>連携アプリケーション用アカウントのID (R0… / R1…)</td><td>its password</td><td>yes</td></tr>
 *   <tr><td>OQS_MEDICAL_INSTITUTION_CODE</td><td>OQS_Admin</td><td>10-digit 医療機関等コード</td><td>yes</td></tr>
 *   <tr><td>OQS_CRYPT_PASS</td><td>OQS_Admin</td><td>≤ 12 half-width alphanumerics</td><td>no (yes once a prefix is encrypted)</td></tr>
 *   <tr><td>OQS_NAS_LOGIN_KEY</td><td>the share user (e.g. ONSRenkei)</td><td>its password</td><td>no</td></tr>
 *   <tr><td>OQS_FACE_LOGIN_KEY</td><td>顔認証用アカウントのID (F…)</td><td>its password</td><td>no (yes for a terminal
 *       with a card reader)</td></tr>
 * </table>
 * OQS_FACE_LOGIN_KEY is openoqs' own entry, named in the seed's style: the real 顔認証付きカードリーダー keeps its
 * 顔認証用アカウント in the vendor's own settings (seed chapter 10), openoqs' simulated reader keeps it here.
 */
public enum CredentialKey {

    OQS_LOGIN_KEY("連携アプリケーション用アカウントのID・パスワード", true, null, "R0… または R1… のアカウントID"),
    OQS_MEDICAL_INSTITUTION_CODE("医療機関等コード", true, "OQS_Admin", "OQS_Admin"),
    OQS_CRYPT_PASS("要求・結果データファイルの暗号化パスワード", false, "OQS_Admin", "OQS_Admin"),
    OQS_NAS_LOGIN_KEY("共用フォルダーのユーザー名・パスワード", false, null, "共用フォルダーにアクセスするユーザー名（例: ONSRenkei）"),
    /** The card reader's 顔認証用アカウント (one per reader, seed chapter 8), with which it signs in to the service. */
    OQS_FACE_LOGIN_KEY("顔認証用アカウントのID・パスワード", false, null, "F… の顔認証用アカウントID");

    /** The fixed user name of OQS_MEDICAL_INSTITUTION_CODE and OQS_CRYPT_PASS. */
    public static final String ADMIN_USER = "OQS_Admin";
    /** The user the kitting scripts create for the HIS machines' share access. */
    public static final String DEFAULT_SHARE_USER = "ONSRenkei";

    static final int MAX_CRYPT_PASS_LENGTH = 12;
    private static final Pattern ACCOUNT_ID = Pattern.compile("^R[01][A-Za-z0-9]{1,30}$");
    private static final Pattern FACE_ACCOUNT_ID = Pattern.compile("^F[A-Za-z0-9]{1,31}$");
    private static final Pattern TEN_DIGITS = Pattern.compile("^[0-9]{10}$");
    private static final Pattern CRYPT_PASS = Pattern.compile("^[A-Za-z0-9]+$");
    private static final String FORBIDDEN_IN_WINDOWS_USER = "\"/\\[]:;|=,+*?<>@";
    private static final int MAX_PASSWORD_LENGTH = 128;

    private final String label;
    private final boolean required;
    private final String fixedUser;
    private final String userHint;

    CredentialKey(String label, boolean required, String fixedUser, String userHint) {
        this.label = label;
        this.required = required;
        this.fixedUser = fixedUser;
        this.userHint = userHint;
    }

    /** The Japanese name of the entry (設定内容). */
    public String label() {
        return label;
    }

    /** Marked ○ (必須) in the setup manual: the terminal does not start without it. */
    public boolean required() {
        return required;
    }

    /** The user name the entry must have, or empty when the user name is part of the credential. */
    public Optional<String> fixedUser() {
        return Optional.ofNullable(fixedUser);
    }

    /** What to type as user name, for messages and help. */
    public String userHint() {
        return userHint;
    }

    /** {@code OQS_CRYPT_PASS}, case-insensitive. */
    public static Optional<CredentialKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(text.strip())).findFirst();
    }

    /**
     * Checks a user name and secret against this key's rule and returns the entry to store (the fixed user name in
     * its canonical spelling).
     *
     * @throws CredentialInvalidException with a Japanese message naming the key and the rule
     */
    public Credential validate(String user, String secret) {
        String canonicalUser = validateUser(user);
        validateSecret(secret);
        return new Credential(this, canonicalUser, secret);
    }

    private String validateUser(String user) {
        if (fixedUser != null) {
            if (user == null || user.isBlank() || user.strip().equalsIgnoreCase(fixedUser)) {
                return fixedUser; // Windows user names are case-insensitive; keep the manual's spelling
            }
            throw invalid("ユーザー名は " + fixedUser + " を指定してください（指定値: " + shown(user) + "）。");
        }
        if (user == null || user.isBlank()) {
            throw invalid("ユーザー名（" + userHint + "）が指定されていません。");
        }
        if (this == OQS_LOGIN_KEY) {
            if (!ACCOUNT_ID.matcher(user).matches()) {
                throw invalid("ユーザー名には連携アプリケーション用アカウントのID（R0 又は R1 から始まる半角英数字）を"
                        + "指定してください（指定値: " + shown(user) + "）。");
            }
            return user;
        }
        if (this == OQS_FACE_LOGIN_KEY) {
            if (!FACE_ACCOUNT_ID.matcher(user).matches()) {
                throw invalid("ユーザー名には顔認証用アカウントのID（F から始まる半角英数字）を指定してください（指定値: "
                        + shown(user) + "）。");
            }
            return user;
        }
        // OQS_NAS_LOGIN_KEY: a Windows (or Samba) user name
        if (user.length() > 20 || user.chars().anyMatch(c -> Character.isISOControl(c)
                || FORBIDDEN_IN_WINDOWS_USER.indexOf(c) >= 0) || user.strip().length() != user.length()
                || user.chars().allMatch(c -> c == '.' || c == ' ')) {
            throw invalid("ユーザー名は20文字以内で、記号 \" / \\ [ ] : ; | = , + * ? < > @ を含まない名前を指定してください"
                    + "（指定値: " + shown(user) + "）。");
        }
        return user;
    }

    private void validateSecret(String secret) {
        switch (this) {
            case OQS_MEDICAL_INSTITUTION_CODE -> {
                if (secret == null || secret.isEmpty()) {
                    throw invalid("医療機関等コードが指定されていません。数字10桁の医療機関等コードを指定してください。");
                }
                if (!TEN_DIGITS.matcher(secret).matches()) {
                    throw invalid("医療機関等コードは半角数字10桁で指定してください（指定値: " + shown(secret) + "）。");
                }
                try {
                    new InstitutionCode(secret);
                } catch (InvalidNumberException wrongCheckDigit) {
                    throw invalid("医療機関等コードの検証番号（10桁目）が正しくありません（指定値: " + secret + "）。");
                }
            }
            case OQS_CRYPT_PASS -> {
                if (secret == null || secret.isEmpty()) {
                    throw invalid("暗号化パスワードが指定されていません。半角英数字12桁以内で指定してください。");
                }
                if (!CRYPT_PASS.matcher(secret).matches()) {
                    throw invalid("暗号化パスワードは半角英数字で指定してください。記号など半角英数字以外の文字を含めると"
                            + "連携アプリケーションによる資格確認の際にエラーとなります。");
                }
                if (secret.length() > MAX_CRYPT_PASS_LENGTH) {
                    throw invalid("暗号化パスワードは12桁以内で指定してください（指定値は" + secret.length() + "桁）。");
                }
            }
            default -> {
                if (secret == null || secret.isEmpty()) {
                    throw invalid("パスワードが指定されていません。");
                }
                if (secret.length() > MAX_PASSWORD_LENGTH || secret.chars().anyMatch(Character::isISOControl)) {
                    throw invalid("パスワードは制御文字を含まない" + MAX_PASSWORD_LENGTH + "文字以内で指定してください。");
                }
            }
        }
    }

    private CredentialInvalidException invalid(String rule) {
        return new CredentialInvalidException(this, name() + "（" + label + "）: " + rule);
    }

    /** A user-supplied value for a message: at most 30 characters, no control characters. Never used for secrets. */
    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 30 ? clean.substring(0, 30) + "…" : clean;
    }
}
