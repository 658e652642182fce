package org.openoqs.server.bulk;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.api.ApiError;
import org.openoqs.server.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Failures of the bulk endpoints become the terminal API's JSON {@link ApiError}, as for every other endpoint. */
@RestControllerAdvice(basePackageClasses = BulkController.class)
class BulkApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(BulkApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(e.error());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("bulk API failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(ErrorCode.INTERNAL_ERROR));
    }
}
