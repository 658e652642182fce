package org.openoqs.server.distribution;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.api.ApiError;
import org.openoqs.server.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Failures of the distribution and certificate endpoints as JSON {@link ApiError}s; never a stack trace. */
@RestControllerAdvice(basePackageClasses = DistributionApiExceptionHandler.class)
public class DistributionApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DistributionApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(e.error());
    }

    /** Validation of names, versions and computer names (Japanese messages). */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ApiError.of(ErrorCode.INVALID_DISTRIBUTION_REQUEST, e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(ApiError.of(ErrorCode.MALFORMED_JSON));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(ApiError.of(ErrorCode.MALFORMED_JSON, "Content-Type は application/json を指定してください"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("distribution API failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiError.of(ErrorCode.INTERNAL_ERROR));
    }
}
