package org.openoqs.server.web.security;

import org.springframework.security.core.AuthenticationException;

/** Too many sign-in attempts from this client address in the last minute: nothing was checked. */
public final class LoginThrottledException extends AuthenticationException {

    public LoginThrottledException() {
        super("too many sign-in attempts");
    }
}
