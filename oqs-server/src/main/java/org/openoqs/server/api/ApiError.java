package org.openoqs.server.api;

import org.openoqs.core.error.ErrorCode;

/**
 * Body of every terminal-API error response: {@code {"errorCode":"OQSF…","message":"…"}}. The message is
 * Japanese and meant to be shown to the user as is.
 */
public record ApiError(String errorCode, String message) {

    public static ApiError of(ErrorCode code) {
        return new ApiError(code.code(), code.message());
    }

    public static ApiError of(ErrorCode code, String detail) {
        return new ApiError(code.code(), code.messageWith(detail));
    }
}
