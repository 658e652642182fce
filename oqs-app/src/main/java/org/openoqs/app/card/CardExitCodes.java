package org.openoqs.app.card;

/** Exit codes of {@code oqs card unlock | status} (docs/card-path.md lists them). */
final class CardExitCodes {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int CARD_NOT_FOUND = 3;
    /** The card's certificate expired or was revoked: it needs a new certificate, not a PIN reset. */
    static final int CARD_STATE = 4;
    /** No office certificate in the demo home, or the service refused it. */
    static final int CERTIFICATE_REFUSED = org.openoqs.app.demo.DemoApiClient.CERTIFICATE_REFUSED;
    static final int UNREACHABLE = org.openoqs.app.demo.DemoApiClient.UNREACHABLE;
    static final int OTHER = org.openoqs.app.demo.DemoApiClient.OTHER;

    private CardExitCodes() {
    }

    /** The exit code for a refusal of the office API. */
    static int ofStatus(int httpStatus) {
        return switch (httpStatus) {
            case 400 -> USAGE;
            case 401, 403 -> CERTIFICATE_REFUSED;
            case 404 -> CARD_NOT_FOUND;
            case 409 -> CARD_STATE;
            case 503 -> UNREACHABLE;
            default -> OTHER;
        };
    }
}
