package org.openoqs.server.distribution;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.api.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;


/**
 * The one rule the distribution and certificate endpoints add to {@link org.openoqs.server.api.ApiExceptionHandler}:
 * their validation of names, versions and computer names throws IllegalArgumentException with a Japanese message,
 * which is the caller's mistake (400), not a failure of the service.
 */
@RestControllerAdvice(basePackageClasses = DistributionApiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DistributionApiExceptionHandler {

    @ExceptionHandler(DistributionService.TooManyTerminalsException.class)
    ResponseEntity<ApiError> tooManyTerminals(DistributionService.TooManyTerminalsException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(ErrorCode.TOO_MANY_TERMINALS,
                "上限 " + e.max() + " 台"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ApiError.of(ErrorCode.INVALID_DISTRIBUTION_REQUEST, e.getMessage()));
    }
}
