package org.openoqs.server.api;

import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /actuator/health} on the API port, for load balancers: only {@code {"status":"UP"}} (503 otherwise).
 * The actuator itself (full health, Prometheus metrics) listens on the management port, loopback only; this is the
 * actuator's own health endpoint, answered here so a balancer needs no access to that port.
 */
@RestController
public class PublicHealthController {

    private final HealthEndpoint health;

    public PublicHealthController(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping("/actuator/health")
    public ResponseEntity<Map<String, String>> health() {
        Status status = health.health().getStatus();
        return ResponseEntity.status(Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .header("Cache-Control", "no-store").body(Map.of("status", status.getCode()));
    }
}
