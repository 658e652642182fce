package org.openoqs.server.card;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.api.ApiException;
import org.springframework.http.HttpStatus;

/** A refusal of the card path with the HTTP status that fits its error code. */
public final class CardApiException extends ApiException {

    public CardApiException(ErrorCode code, String detail) {
        super(statusOf(code), code, detail);
    }

    public CardApiException(ErrorCode code) {
        this(code, null);
    }

    static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case CARD_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CARD_ALREADY_ISSUED, CARD_CHALLENGE_INVALID -> HttpStatus.CONFLICT;
            case SMARTPHONE_NOT_ENABLED, CARD_KEY_ISSUER_ONLY -> HttpStatus.FORBIDDEN;
            case TOO_MANY_CARD_CHALLENGES -> HttpStatus.TOO_MANY_REQUESTS;
            case MALFORMED_JSON, INVALID_CONSENT_CHOICE, PRESENCE_METHOD_NOT_ALLOWED, INVALID_TREATMENT_FLAG ->
                    HttpStatus.BAD_REQUEST;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }
}
