package org.openoqs.server.api;

import org.openoqs.core.error.ErrorCode;
import org.springframework.http.HttpStatus;

/** Ends a terminal-API request with an HTTP status and a JSON {@link ApiError}. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final transient ApiError error;

    public ApiException(HttpStatus status, ErrorCode code, String detail) {
        super(code.code() + " " + code.messageWith(detail));
        this.status = status;
        this.error = ApiError.of(code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError error() {
        return error;
    }
}
