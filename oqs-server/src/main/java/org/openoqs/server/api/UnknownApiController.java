package org.openoqs.server.api;

import org.openoqs.core.error.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any other path under {@code /api/} answers 404 with a JSON error (after the certificate check). */
@RestController
public class UnknownApiController {

    @RequestMapping("/api/**")
    public void unknown() {
        throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.UNSUPPORTED_REQUEST_TYPE, "存在しないAPIです");
    }
}
