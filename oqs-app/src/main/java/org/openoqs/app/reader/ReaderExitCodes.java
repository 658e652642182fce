package org.openoqs.app.reader;

import org.openoqs.core.error.ErrorCode;

/** Exit codes of {@code oqs reader confirm} (docs/card-path.md lists them). */
final class ReaderExitCodes {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int WRONG_PIN = 3;
    static final int PIN_LOCKED = 4;
    static final int FACE_MISMATCH = 5;
    static final int CERTIFICATE = 6;
    static final int NO_QUALIFICATION = 7;
    static final int NOT_ALLOWED = 8;
    static final int UNREACHABLE = 9;
    static final int OTHER = 10;
    /** The reader cannot sign in with its 顔認証用アカウント (none configured, wrong, locked or disabled). */
    static final int DEVICE_SIGN_IN = 11;

    private ReaderExitCodes() {
    }

    static int of(ErrorCode code) {
        if (code == null) {
            return OTHER;
        }
        return switch (code) {
            case CARD_PIN_INCORRECT, INVALID_PIN_FORMAT -> WRONG_PIN;
            case CARD_PIN_LOCKED -> PIN_LOCKED;
            case CARD_FACE_MISMATCH -> FACE_MISMATCH;
            case CARD_CERTIFICATE_EXPIRED, CARD_CERTIFICATE_REVOKED, CARD_CERTIFICATE_INVALID, CARD_SIGNATURE_INVALID ->
                    CERTIFICATE;
            case CARD_NO_QUALIFICATION -> NO_QUALIFICATION;
            case SMARTPHONE_NOT_ENABLED, PRESENCE_METHOD_NOT_ALLOWED, INVALID_CONSENT_CHOICE, CARD_NOT_FOUND -> NOT_ALLOWED;
            case CENTRAL_SERVICE_UNAVAILABLE -> UNREACHABLE;
            case DEVICE_SIGN_IN_REFUSED, DEVICE_ACCOUNT_LOCKED, DEVICE_SESSION_REQUIRED, DEVICE_SESSION_EXPIRED,
                    DEVICE_SESSION_FOREIGN, DEVICE_CREDENTIALS_MISSING -> DEVICE_SIGN_IN;
            default -> OTHER;
        };
    }
}
