package org.openoqs.server.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.FacilityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of a facility: sign-in with lockout, the account hierarchy (who may create, unlock, reset and disable
 * whom), and password changes under {@link PasswordPolicy}. Every operation is confined to one facility and
 * audited with who, what and the outcome — refusals included.
 */
@Service
public class AccountService {

    /** Audit actions written here. */
    public static final String LOGIN = "WEB_LOGIN";
    public static final String LOGIN_FAILED = "WEB_LOGIN_FAILED";
    public static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";
    public static final String ACCOUNT_CREATE = "ACCOUNT_CREATE";
    public static final String ACCOUNT_UNLOCK = "ACCOUNT_UNLOCK";
    public static final String ACCOUNT_PASSWORD_RESET = "ACCOUNT_PASSWORD_RESET";
    public static final String ACCOUNT_DISABLE = "ACCOUNT_DISABLE";
    public static final String ACCOUNT_ENABLE = "ACCOUNT_ENABLE";
    public static final String DEVICE_LOGIN = "DEVICE_LOGIN";
    public static final String DEVICE_LOGIN_FAILED = "DEVICE_LOGIN_FAILED";
    /** Actor of operations not done by an account (facility registration by the central service). */
    public static final String SYSTEM = "system";

    private static final Pattern MASTER_ID = Pattern.compile("^[A-Za-z0-9]{4,32}$");
    private static final int MAX_DISPLAY_NAME = 50;
    private static final int ID_DIGITS = 5;
    private static final int MAX_ID_ATTEMPTS = 5;

    private final AccountRepository accounts;
    private final FacilityService facilities;
    private final PasswordEncoder hasher;
    private final PasswordGenerator generator;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final UnknownIdAttempts unknownIds = new UnknownIdAttempts();
    private final LoginThrottle throttle;
    private volatile String decoyHash;

    public AccountService(AccountRepository accounts, FacilityService facilities, PasswordEncoder hasher,
                          PasswordGenerator generator, AuditLog audit, Clock clock, ApplicationEventPublisher events,
                          @Value("${oqs.web.login-attempts-per-minute:" + LoginThrottle.DEFAULT_PER_MINUTE + "}")
                          int loginAttemptsPerMinute) {
        this.throttle = new LoginThrottle(loginAttemptsPerMinute, clock);
        this.accounts = accounts;
        this.facilities = facilities;
        this.hasher = hasher;
        this.generator = generator;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    // ------------------------------------------------------------------------------------------ sign-in

    /**
     * Checks an ID and password typed at the login screen of the facility whose certificate the browser
     * presented. Counts failures, locks at {@link PasswordPolicy#LOCK_AFTER}, and audits every attempt.
     */
    public SignInResult signIn(String institutionCode, String typedId, String password) {
        return checkPassword(SignInChannel.PORTAL, institutionCode, typedId, password, null);
    }

    /**
     * {@link #signIn}, throttled per client address and facility ({@link LoginThrottle}): beyond the limit the
     * attempt is answered {@link SignInResult.Throttled} without checking anything.
     */
    public SignInResult signIn(String institutionCode, String typedId, String password, String clientAddress) {
        if (!throttle.admit(clientAddress, institutionCode)) {
            if (throttle.firstRefusalInWindow(clientAddress, institutionCode)) {
                audit.append(institutionCode, SignInChannel.PORTAL.actor(auditableId(typedId), null), LOGIN_FAILED,
                        "from=" + clientAddress, "REFUSED THROTTLED limit=" + throttle.limit() + "/min");
            }
            return new SignInResult.Throttled();
        }
        return signIn(institutionCode, typedId, password);
    }

    /**
     * The sign-in of a face-auth card reader with its 顔認証用アカウント (seed chapter 8: one per reader): the same
     * password check, failure count and lockout as {@link #signIn}, for {@link AccountKind#FACE_DEVICE} accounts
     * only. Any other kind, a disabled or an unknown ID is refused alike, as at the portal.
     *
     * @param certificateActor the facility certificate the reader connected with ({@code cert:<serial>}), for the
     *                         audit trail
     */
    public SignInResult signInDevice(String institutionCode, String typedId, String password, String certificateActor) {
        return checkPassword(SignInChannel.DEVICE, institutionCode, typedId, password, certificateActor);
    }

    /** Where a password is typed: which kinds may sign in there and how the audit trail names the attempt. */
    private enum SignInChannel {
        PORTAL(LOGIN, LOGIN_FAILED, "NOT_A_WEB_ACCOUNT"),
        DEVICE(DEVICE_LOGIN, DEVICE_LOGIN_FAILED, "NOT_A_DEVICE_ACCOUNT");

        final String okAction;
        final String failedAction;
        final String wrongKind;

        SignInChannel(String okAction, String failedAction, String wrongKind) {
            this.okAction = okAction;
            this.failedAction = failedAction;
            this.wrongKind = wrongKind;
        }

        boolean admits(AccountKind kind) {
            return this == PORTAL ? kind.webLogin() : kind == AccountKind.FACE_DEVICE;
        }

        String actor(String accountId, String via) {
            return this == PORTAL ? accountId : "device:" + accountId + (via == null ? "" : " " + via);
        }
    }

    private SignInResult checkPassword(SignInChannel channel, String institutionCode, String typedId, String password,
                                       String via) {
        String id = typedId == null ? "" : typedId.strip();
        String shownId = auditableId(id);
        Instant now = now();
        Optional<Account> found = id.isEmpty() ? Optional.empty() : accounts.find(institutionCode, id);
        if (found.isEmpty() || !channel.admits(found.get().kind()) || !found.get().enabled()) {
            hasher.matches(password == null ? "" : password, decoyHash()); // same work as a real check
            String why = found.isEmpty() ? "UNKNOWN_ID" : !found.get().enabled() ? "DISABLED" : channel.wrongKind;
            boolean looksLocked = unknownIds.fail(institutionCode, id);
            audit.append(institutionCode, channel.actor(shownId, via), channel.failedAction, "account=" + shownId,
                    "REFUSED " + why);
            return looksLocked ? new SignInResult.Locked() : new SignInResult.Refused();
        }
        Account account = found.get();
        String actor = channel.actor(id, via);
        // Each step is its own short statement (no transaction around the slow hash): the attempt is counted
        // before the password is checked, so parallel attempts cannot exceed the limit, and no row lock waits.
        if (!accounts.takeAttempt(institutionCode, id, PasswordPolicy.LOCK_AFTER)) {
            // locked, or its last attempts are being checked right now: refused unchecked and answered as locked
            // (no decoy hash: the answer says "locked" anyway, and a flood must not cost a hash per request)
            audit.append(institutionCode, actor, channel.failedAction, "account=" + id, "REFUSED LOCKED");
            return new SignInResult.Locked();
        }
        String hash = accounts.passwordHash(institutionCode, id).orElseThrow();
        boolean matches = password != null && hasher.matches(password, hash);
        if (!matches) {
            Account after = accounts.recordFailure(institutionCode, id, PasswordPolicy.LOCK_AFTER, now);
            audit.append(institutionCode, actor, channel.failedAction, "account=" + id, after.locked()
                    ? "LOCKED after " + after.failedAttempts() + " failures"
                    : "REFUSED BAD_PASSWORD failures=" + after.failedAttempts());
            return after.locked() ? new SignInResult.Locked() : new SignInResult.Refused();
        }
        if (!accounts.recordSuccess(institutionCode, id, now)) {
            audit.append(institutionCode, actor, channel.failedAction, "account=" + id, "REFUSED LOCKED");
            return new SignInResult.Locked();
        }
        upgradeHash(institutionCode, id, password, hash);
        Optional<PasswordPolicy.ChangeReason> change = PasswordPolicy.changeRequired(account, now);
        audit.append(institutionCode, actor, channel.okAction, "account=" + id + " kind=" + account.kind(),
                change.map(r -> "OK PASSWORD_CHANGE_REQUIRED " + r).orElse("OK"));
        return new SignInResult.Success(accounts.find(institutionCode, id).orElseThrow(), change);
    }

    // ------------------------------------------------------------------------------------------ hierarchy

    /**
     * Creates the facility's master account with the ID and initial password of its notice (利用申請時に作成);
     * the password must be changed at the first sign-in.
     *
     * @throws AccountOperationRefusedException when the facility already has a master account or the ID is taken
     */
    public Account createMaster(String institutionCode, String accountId, String initialPassword) {
        facilities.get(institutionCode);
        if (accountId == null || !MASTER_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("マスタアカウントのIDは半角英数字4〜32文字です");
        }
        if (initialPassword == null || initialPassword.length() < PasswordPolicy.MIN_LENGTH) {
            throw new IllegalArgumentException("初期パスワードは" + PasswordPolicy.MIN_LENGTH + "文字以上です");
        }
        Instant now = now();
        Account master = new Account(institutionCode, accountId, AccountKind.MASTER, "マスタアカウント", now, true, 0,
                null, true, now, SYSTEM, null);
        try {
            accounts.insert(master, hasher.encode(initialPassword));
        } catch (DuplicateKeyException e) {
            throw new AccountOperationRefusedException("この医療機関等にはマスタアカウントが既に存在します");
        }
        audit.append(institutionCode, SYSTEM, ACCOUNT_CREATE, subject(master), "OK");
        return master;
    }

    public Optional<Account> find(String institutionCode, String accountId) {
        return accounts.find(institutionCode, accountId);
    }

    /** The accounts the actor manages (and sees): master → administrators; administrator → everyone below. */
    public List<Account> managedBy(AccountActor actor) {
        return accounts.list(actor.institutionCode(), actor.kind().manages());
    }

    /**
     * Creates an account of a kind the actor manages, with a generated ID ({@link AccountKind#idPrefix()} + 5
     * digits) and a generated password, shown once. People change it at their first sign-in. Not one transaction:
     * on PostgreSQL a duplicate key aborts the transaction, and the retry must run in a fresh one.
     */
    public IssuedPassword create(AccountActor actor, AccountKind kind, String displayName) {
        if (!actor.kind().mayManage(kind)) {
            refuse(actor, ACCOUNT_CREATE, "kind=" + kind, actor.kind().label() + "は" + kind.label() + "を作成できません。");
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME
                || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("利用者名（端末名・機器名）を" + MAX_DISPLAY_NAME + "文字以内で入力してください。");
        }
        String password = generator.next();
        String hash = hasher.encode(password);
        Instant now = now();
        for (int attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
            Account account = new Account(actor.institutionCode(), nextId(actor.institutionCode(), kind), kind, name,
                    now, kind.changesIssuedPassword(), 0, null, true, now, actor.accountId(), null);
            try {
                accounts.insert(account, hash);
                audit.append(actor.institutionCode(), actor.accountId(), ACCOUNT_CREATE, subject(account), "OK");
                return new IssuedPassword(account, password);
            } catch (DuplicateKeyException concurrentCreate) {
                // another manager took the same number at the same moment: take the next one
            }
        }
        throw new IllegalStateException("could not allocate an account ID for " + kind);
    }

    /** Lifts a lock from failed sign-ins. */
    @Transactional
    public Account unlock(AccountActor actor, String accountId) {
        Account target = managed(actor, accountId, ACCOUNT_UNLOCK);
        accounts.unlock(actor.institutionCode(), target.accountId());
        audit.append(actor.institutionCode(), actor.accountId(), ACCOUNT_UNLOCK, subject(target),
                target.locked() ? "OK" : "OK NOT_LOCKED");
        return accounts.find(actor.institutionCode(), target.accountId()).orElseThrow();
    }

    /** Issues a new password (and unlocks); a person must change it at the next sign-in. */
    @Transactional
    public IssuedPassword resetPassword(AccountActor actor, String accountId) {
        Account target = managed(actor, accountId, ACCOUNT_PASSWORD_RESET);
        String password = generator.next();
        accounts.replacePassword(actor.institutionCode(), target.accountId(), hasher.encode(password),
                target.kind().changesIssuedPassword(), now());
        audit.append(actor.institutionCode(), actor.accountId(), ACCOUNT_PASSWORD_RESET, subject(target), "OK");
        events.publishEvent(new AccountAccessEnded(actor.institutionCode(), target.accountId(), "PASSWORD_RESET"));
        return new IssuedPassword(accounts.find(actor.institutionCode(), target.accountId()).orElseThrow(), password);
    }

    @Transactional
    public Account setEnabled(AccountActor actor, String accountId, boolean enabled) {
        String action = enabled ? ACCOUNT_ENABLE : ACCOUNT_DISABLE;
        Account target = managed(actor, accountId, action);
        accounts.setEnabled(actor.institutionCode(), target.accountId(), enabled);
        audit.append(actor.institutionCode(), actor.accountId(), action, subject(target), "OK");
        if (!enabled) {
            events.publishEvent(new AccountAccessEnded(actor.institutionCode(), target.accountId(), "DISABLED"));
        }
        return accounts.find(actor.institutionCode(), target.accountId()).orElseThrow();
    }

    // ------------------------------------------------------------------------------------------ own password

    /**
     * Changes the actor's own password.
     *
     * @param currentPassword required unless {@code forced} (the forced change right after sign-in asks only for
     *                        the new password twice, as the seed's screen does)
     * @throws PasswordRejectedException with every broken rule
     */
    @Transactional
    public void changeOwnPassword(AccountActor actor, String currentPassword, String newPassword, String confirmation,
                                  boolean forced) {
        changeOwnPassword(actor, currentPassword, newPassword, confirmation, forced, null);
    }

    /**
     * {@link #changeOwnPassword(AccountActor, String, String, String, boolean)}, ending every other session of the
     * account in the same transaction ({@link OwnPasswordChanged}).
     *
     * @param keepSessionId the portal session making the change, which stays signed in
     */
    @Transactional
    public void changeOwnPassword(AccountActor actor, String currentPassword, String newPassword, String confirmation,
                                  boolean forced, String keepSessionId) {
        String id = actor.accountId();
        String code = actor.institutionCode();
        List<String> reasons = new ArrayList<>();
        if (!forced && (currentPassword == null
                || !hasher.matches(currentPassword, accounts.passwordHash(code, id).orElseThrow()))) {
            reasons.add("現在のパスワードが正しくありません。");
        }
        if (newPassword == null || !newPassword.equals(confirmation)) {
            reasons.add("新パスワードと新パスワード（確認）が一致しません。");
        }
        reasons.addAll(PasswordPolicy.violations(id, newPassword));
        if (reasons.isEmpty() && accounts.recentPasswordHashes(code, id, PasswordPolicy.HISTORY).stream()
                .anyMatch(old -> hasher.matches(newPassword, old))) {
            reasons.add(PasswordPolicy.reuseMessage());
        }
        if (!reasons.isEmpty()) {
            audit.append(code, id, PASSWORD_CHANGE, "account=" + id, "REFUSED POLICY rules=" + reasons.size());
            throw new PasswordRejectedException(reasons);
        }
        accounts.replacePassword(code, id, hasher.encode(newPassword), false, now());
        audit.append(code, id, PASSWORD_CHANGE, "account=" + id, forced ? "OK FORCED" : "OK");
        events.publishEvent(new OwnPasswordChanged(code, id, keepSessionId));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Account managed(AccountActor actor, String accountId, String action) {
        Account target = accounts.find(actor.institutionCode(), accountId == null ? "" : accountId.strip())
                .orElseThrow(() -> {
                    audit.append(actor.institutionCode(), actor.accountId(), action,
                            "account=" + auditableId(accountId), "REFUSED NOT_FOUND");
                    return new AccountNotFoundException(accountId);
                });
        if (!actor.kind().mayManage(target.kind())) {
            refuse(actor, action, subject(target), actor.kind().label() + "は" + target.kind().label() + "を操作できません。");
        }
        return target;
    }

    private void refuse(AccountActor actor, String action, String subject, String message) {
        audit.append(actor.institutionCode(), actor.accountId(), action, subject, "REFUSED ROLE " + actor.kind());
        throw new AccountOperationRefusedException(message);
    }

    private String nextId(String institutionCode, AccountKind kind) {
        String prefix = kind.idPrefix();
        int max = 0;
        for (String id : accounts.idsWithPrefix(institutionCode, prefix)) {
            String rest = id.substring(prefix.length());
            if (rest.length() == ID_DIGITS && rest.chars().allMatch(Character::isDigit)) {
                max = Math.max(max, Integer.parseInt(rest));
            }
        }
        return prefix + String.format("%0" + ID_DIGITS + "d", max + 1);
    }

    /**
     * Re-hashes a password whose stored hash was made with weaker parameters than the current ones (e.g. Argon2id at
     * 16 MiB before the raise to 19 MiB), now that the plain password is at hand. Failure is harmless: the old hash
     * stays valid and the upgrade is tried again at the next sign-in.
     */
    private void upgradeHash(String institutionCode, String accountId, String password, String storedHash) {
        if (!hasher.upgradeEncoding(storedHash)) {
            return;
        }
        try {
            accounts.upgradeHash(institutionCode, accountId, storedHash, hasher.encode(password));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AccountService.class).warn("password hash upgrade failed", e);
        }
    }

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hasher.encode(generator.next());
            decoyHash = hash;
        }
        return hash;
    }

    /** A typed ID as it may appear in the audit trail: never a mistyped password, never control characters. */
    static String auditableId(String typed) {
        if (typed == null || typed.isBlank()) {
            return "(empty)";
        }
        String t = typed.strip();
        return t.matches("[A-Za-z0-9]{1,32}") ? t : "(invalid)";
    }

    private static String subject(Account a) {
        return "account=" + a.accountId() + " kind=" + a.kind();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
