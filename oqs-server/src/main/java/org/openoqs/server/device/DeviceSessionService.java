package org.openoqs.server.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.account.AccountAccessEnded;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.account.SignInResult;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sessions of face-auth card readers (顔認証付きカードリーダー, seed chapter 10): a reader signs in once with its
 * 顔認証用アカウント over its facility's mutual TLS — the password check is {@link AccountService#signInDevice}, the
 * portal's rules, lockout included — and gets a random 256-bit token valid {@link #DEFAULT_TTL} by default. Every card
 * call presents it in {@value #HEADER}; checking it is one primary-key lookup of its SHA-256 (joined to the account,
 * which must still be enabled), never a key derivation, so the card path keeps its time budget. Only the hash is
 * stored, in the database, so every node of a stateless deployment knows every session.
 *
 * <p>A session ends at its expiry, at sign-out, and when its account is disabled or its password re-issued
 * ({@link AccountAccessEnded}). Refusals are audited as {@value #SESSION_ACTION}.
 */
@Service
public class DeviceSessionService {

    /** The request header carrying the session token. */
    public static final String HEADER = "X-OQS-Device-Session";
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);
    public static final String SESSION_ACTION = "DEVICE_SESSION";
    public static final String LOGOUT_ACTION = "DEVICE_LOGOUT";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    /** 32 bytes in unpadded base64url. */
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private final AccountService accounts;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration ttl;

    public DeviceSessionService(AccountService accounts, JdbcClient jdbc, AuditLog audit, Clock clock,
                                @Value("${oqs.device.session-ttl:PT12H}") Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("oqs.device.session-ttl must be positive: " + ttl);
        }
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A new session: the token (shown once, never stored) and when it ends. */
    public record Grant(String token, String accountId, Instant expiresAt) {
    }

    /**
     * Signs a reader in.
     *
     * @throws ApiException 401 {@link ErrorCode#DEVICE_SIGN_IN_REFUSED} or {@link ErrorCode#DEVICE_ACCOUNT_LOCKED}
     *                      (audited by {@link AccountService} with the reason)
     */
    public Grant signIn(FacilityPrincipal caller, String accountId, String password) {
        SignInResult result = accounts.signInDevice(caller.institutionCode(), accountId, password, caller.actor());
        if (result instanceof SignInResult.Locked) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.DEVICE_ACCOUNT_LOCKED, null);
        }
        if (!(result instanceof SignInResult.Success success)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.DEVICE_SIGN_IN_REFUSED, null);
        }
        byte[] random = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(ttl);
        jdbc.sql("delete from device_session where expires_at < ?").param(utc(now)).update(); // keeps the table small
        jdbc.sql("insert into device_session (token_hash, institution_code, account_id, certificate_serial, created_at, "
                        + "expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(hash(token), caller.institutionCode(), success.account().accountId(), caller.certificateSerial(),
                        utc(now), utc(expiresAt))
                .update();
        return new Grant(token, success.account().accountId(), expiresAt);
    }

    /**
     * The card path's check: the certificate's facility must have signed this token in, and the session must be
     * current.
     *
     * @param request what was asked ({@code POST /api/v1/cards/…}), for the audit trail of a refusal
     * @throws ApiException 401 {@link ErrorCode#DEVICE_SESSION_REQUIRED}, {@link ErrorCode#DEVICE_SESSION_EXPIRED}
     *                      or {@link ErrorCode#DEVICE_SESSION_FOREIGN}, audited
     */
    public DeviceCaller authenticate(FacilityPrincipal caller, String token, String request) {
        if (token == null || !TOKEN.matcher(token.strip()).matches()) {
            throw refuse(caller, request, token == null || token.isBlank() ? "MISSING" : "MALFORMED",
                    ErrorCode.DEVICE_SESSION_REQUIRED);
        }
        Optional<Session> found = find(token.strip());
        if (found.isEmpty()) {
            throw refuse(caller, request, "UNKNOWN", ErrorCode.DEVICE_SESSION_EXPIRED);
        }
        Session session = found.get();
        if (!session.institutionCode().equals(caller.institutionCode())) {
            throw refuseForeign(caller, request, session.institutionCode());
        }
        if (!session.expiresAt().isAfter(clock.instant())) {
            throw refuse(caller, request, "EXPIRED account=" + session.accountId(), ErrorCode.DEVICE_SESSION_EXPIRED);
        }
        if (!session.accountEnabled()) {
            throw refuse(caller, request, "ACCOUNT_DISABLED account=" + session.accountId(),
                    ErrorCode.DEVICE_SESSION_EXPIRED);
        }
        return new DeviceCaller(session.institutionCode(), session.accountId(), caller.certificateSerial());
    }

    /**
     * Ends the presented session (sign-out). Signing out a session that already ended is not an error.
     *
     * @throws ApiException as {@link #authenticate} for a missing token or another facility's
     */
    public void signOut(FacilityPrincipal caller, String token, String request) {
        if (token == null || !TOKEN.matcher(token.strip()).matches()) {
            throw refuse(caller, request, token == null || token.isBlank() ? "MISSING" : "MALFORMED",
                    ErrorCode.DEVICE_SESSION_REQUIRED);
        }
        Optional<Session> found = find(token.strip());
        if (found.isPresent() && !found.get().institutionCode().equals(caller.institutionCode())) {
            throw refuseForeign(caller, request, found.get().institutionCode());
        }
        int ended = jdbc.sql("delete from device_session where token_hash = ? and institution_code = ?")
                .params(hash(token.strip()), caller.institutionCode()).update();
        String actor = found.map(s -> "device:" + s.accountId() + " ").orElse("") + caller.actor();
        audit.append(caller.institutionCode(), actor, LOGOUT_ACTION,
                "account=" + found.map(Session::accountId).orElse("-"), ended == 1 ? "OK" : "OK ALREADY_ENDED");
    }

    /** Ends every session of an account that was disabled or got a new password (same transaction). */
    @EventListener
    public void accessEnded(AccountAccessEnded event) {
        int ended = jdbc.sql("delete from device_session where institution_code = ? and account_id = ?")
                .params(event.institutionCode(), event.accountId()).update();
        if (ended > 0) {
            audit.append(event.institutionCode(), AccountService.SYSTEM, LOGOUT_ACTION, "account=" + event.accountId(),
                    "ENDED " + event.reason() + " sessions=" + ended);
        }
    }

    private record Session(String institutionCode, String accountId, Instant expiresAt, boolean accountEnabled) {
    }

    private Optional<Session> find(String token) {
        return jdbc.sql("select s.institution_code, s.account_id, s.expires_at, a.enabled from device_session s "
                        + "join web_account a on a.institution_code = s.institution_code and a.account_id = s.account_id "
                        + "where s.token_hash = ?")
                .param(hash(token)).query(DeviceSessionService::map).optional();
    }

    private static Session map(ResultSet rs, int row) throws SQLException {
        return new Session(rs.getString("institution_code"), rs.getString("account_id"),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getBoolean("enabled"));
    }

    /**
     * Another facility's token: the other facility's code is not written under this one (its 操作履歴 shows only
     * its own entries); the pair goes to a central entry without facility, which no facility's view lists.
     */
    private ApiException refuseForeign(FacilityPrincipal caller, String request, String tokenFacility) {
        audit.append(null, caller.actor(), SESSION_ACTION, request, "REFUSED FOREIGN_FACILITY certificate="
                + caller.institutionCode() + " token=" + tokenFacility);
        return refuse(caller, request, "FOREIGN_FACILITY", ErrorCode.DEVICE_SESSION_FOREIGN);
    }

    private ApiException refuse(FacilityPrincipal caller, String request, String reason, ErrorCode code) {
        audit.append(caller.institutionCode(), caller.actor(), SESSION_ACTION, request, "REFUSED " + reason);
        return new ApiException(HttpStatus.UNAUTHORIZED, code, null);
    }

    /** Hex SHA-256: a 256-bit random token needs no salt or slow hash, and the lookup stays an index hit. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
