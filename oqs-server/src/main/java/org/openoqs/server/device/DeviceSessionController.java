package org.openoqs.server.device;

import jakarta.servlet.http.HttpServletRequest;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in and sign-out of face-auth card readers (docs/card-path.md, "Device sign-in"), inside the terminal API's
 * mutual-TLS chain:
 * <ul>
 *   <li>{@code POST /api/v1/devices/sessions} {@code {accountId, password}} → {@code {token, accountId, expiresAt}}
 *       (401 {@code OQSF9301} / {@code OQSF9302});</li>
 *   <li>{@code DELETE /api/v1/devices/sessions/current} with {@value DeviceSessionService#HEADER} → 204.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/devices/sessions")
public class DeviceSessionController {

    private final DeviceSessionService sessions;

    public DeviceSessionController(DeviceSessionService sessions) {
        this.sessions = sessions;
    }

    public record SignInRequest(String accountId, String password) {
    }

    public record SignInResponse(String token, String accountId, String expiresAt) {
    }

    @PostMapping
    public ResponseEntity<SignInResponse> signIn(@AuthenticationPrincipal FacilityPrincipal caller,
            @RequestBody(required = false) SignInRequest request) {
        if (request == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_JSON, "accountId と password を指定してください");
        }
        DeviceSessionService.Grant grant = sessions.signIn(caller, request.accountId(), request.password());
        return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store")
                .body(new SignInResponse(grant.token(), grant.accountId(), grant.expiresAt().toString()));
    }

    @DeleteMapping("/current")
    public ResponseEntity<Void> signOut(@AuthenticationPrincipal FacilityPrincipal caller, HttpServletRequest http) {
        sessions.signOut(caller, http.getHeader(DeviceSessionService.HEADER), http.getMethod() + " " + http.getRequestURI());
        return ResponseEntity.noContent().build();
    }
}
