package org.openoqs.pki;

import java.util.Objects;

/** Result of checking one client certificate; {@code message} is Japanese and safe to show to the user. */
public record CheckResult(CheckStatus status, String message) {

    public CheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public static CheckResult of(CheckStatus status) {
        return new CheckResult(status, status.message());
    }

    public boolean ok() {
        return status == CheckStatus.OK;
    }
}
