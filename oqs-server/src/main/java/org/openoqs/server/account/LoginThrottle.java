package org.openoqs.server.account;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A per-client-address limit on portal sign-in attempts (default {@value #DEFAULT_PER_MINUTE} a minute), counted
 * per address and facility: the lockout stops guessing one account's password, this stops one client from trying
 * a password against many accounts (and from spending the server's CPU on password hashes). Counted per facility
 * too, since every attempt already needs that facility's certificate, and one facility's users behind a shared
 * address do not throttle another facility's.
 *
 * <p>Memory is bounded: at most {@value #MAX_KEYS} windows are kept; when full, windows of past minutes are
 * dropped, and if that is not enough all are (a flood of addresses then briefly resets the counts — the lockout
 * per account still holds).
 */
final class LoginThrottle {

    static final int DEFAULT_PER_MINUTE = 30;
    static final int MAX_KEYS = 10_000;

    private final int limit;
    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long minute, int attempts) {
    }

    LoginThrottle(int limit, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("oqs.web.login-attempts-per-minute must be at least 1");
        }
        this.limit = limit;
        this.clock = clock;
    }

    int limit() {
        return limit;
    }

    /** Counts one attempt; false when the address has used up this minute's attempts for the facility. */
    boolean admit(String clientAddress, String institutionCode) {
        if (clientAddress == null) {
            return true;
        }
        long minute = clock.millis() / 60_000;
        if (windows.size() >= MAX_KEYS) {
            windows.values().removeIf(w -> w.minute() != minute);
            if (windows.size() >= MAX_KEYS) {
                windows.clear();
            }
        }
        Window w = windows.merge(clientAddress + "/" + institutionCode, new Window(minute, 1),
                (old, one) -> old.minute() == minute ? new Window(minute, old.attempts() + 1) : one);
        return w.attempts() <= limit;
    }

    /** True for the first refused attempt of the window (only that one is audited). */
    boolean firstRefusalInWindow(String clientAddress, String institutionCode) {
        Window w = windows.get(clientAddress + "/" + institutionCode);
        return w != null && w.attempts() == limit + 1;
    }
}
