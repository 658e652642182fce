package org.openoqs.server.card;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.server.api.ApiError;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.medical.MedicalInformationController;
import org.openoqs.server.reference.ReferenceNumberController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The card path's controllers answer failures as the rest of the terminal API does: JSON {@link ApiError}, never a
 * stack trace. (The API package's own advice covers only controllers in its package.)
 */
@RestControllerAdvice(basePackageClasses = {CardController.class, MedicalInformationController.class,
        ReferenceNumberController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CardPathExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CardPathExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(e.error());
    }

    @ExceptionHandler(InputRejectedException.class)
    ResponseEntity<ApiError> rejected(InputRejectedException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.errorCode().code(), e.userMessage()));
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
        log.error("card path API failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiError.of(ErrorCode.INTERNAL_ERROR));
    }
}
