package org.openoqs.terminal.central;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.terminal.central.CentralServiceHttp;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DeviceSignIn} over HTTPS: the reader's sign-in on the service with its {@link FaceDeviceAccount} (docs/card-path.md, "Device sign-in"). The
 * service checks the password with Argon2id — slow on purpose — so the reader signs in once and presents the
 * session token ({@value #HEADER}) on every card call. A token that is about to end is renewed before the call; one
 * the service refuses as expired or ended ({@code OQSF9304}) is replaced by a new sign-in and the call is made once
 * more, so neither the staff nor {@code oqs reader confirm} notice either.
 */
public final class HttpsDeviceSignIn implements DeviceSignIn {

    static final String HEADER = "X-OQS-Device-Session";
    static final String SESSIONS = "/api/v1/devices/sessions";
    static final String CURRENT = SESSIONS + "/current";
    /** Sign in again this long before the service's expiry, so that a card call never races it. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(HttpsDeviceSignIn.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CentralServiceHttp http;
    private final FaceDeviceAccount account;
    private final Clock clock;
    private String token; // guarded by this
    private Instant renewAt;

    /** @param account {@code null} when none is configured: every card call is refused with OQSF9306 */
    public HttpsDeviceSignIn(CentralServiceHttp http, FaceDeviceAccount account) {
        this(http, account, Clock.systemUTC());
    }

    HttpsDeviceSignIn(CentralServiceHttp http, FaceDeviceAccount account, Clock clock) {
        this.http = http;
        this.account = account;
        this.clock = clock;
    }

    /**
     * Runs a card call with a current token.
     *
     * @throws CentralServiceRefusedException also for a failed sign-in ({@code OQSF9301}, {@code OQSF9302}) or a
     *         missing account ({@code OQSF9306})
     */
    <T> T call(Function<String, T> request) {
        String used = current();
        try {
            return request.apply(used);
        } catch (CentralServiceRefusedException refused) {
            if (refused.errorCode() != ErrorCode.DEVICE_SESSION_EXPIRED) {
                throw refused;
            }
            log.info("device session of {} ended on the service; signing in again", account.accountId());
            forget(used);
            return request.apply(current());
        }
    }

    /** The current token, signing in first when there is none or it is about to end. */
    synchronized String current() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            signInNow();
        }
        return token;
    }

    private void signInNow() {
        token = null;
        if (account == null) {
            throw new CentralServiceRefusedException(ErrorCode.DEVICE_CREDENTIALS_MISSING,
                    ErrorCode.DEVICE_CREDENTIALS_MISSING.message());
        }
        String body = JSON.createObjectNode().put("accountId", account.accountId()).put("password", account.password())
                .toString();
        JsonNode answer = CentralServiceHttp.json(http.postJson(SESSIONS, body));
        String issued = answer.path("token").asString("");
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(answer.path("expiresAt").asString(""));
        } catch (DateTimeParseException unreadable) {
            throw CentralServiceHttp.invalidResponse();
        }
        if (issued.isBlank()) {
            throw CentralServiceHttp.invalidResponse();
        }
        Instant early = expiresAt.minus(RENEW_BEFORE);
        Instant now = clock.instant();
        // a very short session (tests, a strict operator) is still used until half its life
        renewAt = early.isAfter(now) ? early : now.plus(Duration.between(now, expiresAt).dividedBy(2));
        token = issued;
        log.info("card reader signed in as {} until {}", account.accountId(), expiresAt);
    }

    private synchronized void forget(String used) {
        if (used != null && used.equals(token)) {
            token = null;
        }
    }

    @Override
    public void signIn() {
        current();
    }

    /** Signs out (at shutdown); best effort, the session ends at its expiry anyway. */
    @Override
    public synchronized void signOut() {
        String ending = token;
        token = null;
        if (ending == null) {
            return;
        }
        try {
            http.send(http.request(CURRENT).header(HEADER, ending).DELETE());
        } catch (RuntimeException e) {
            log.debug("device sign-out failed: {}", e.toString());
        }
    }

    /** POSTs JSON with the token header (no other headers differ from {@link CentralServiceHttp#postJson}). */
    static String postWithToken(CentralServiceHttp http, String path, String json, String token) {
        return http.send(http.request(path)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header(HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))).text();
    }
}
