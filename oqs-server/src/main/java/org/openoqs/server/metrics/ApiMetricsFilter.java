package org.openoqs.server.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.metrics.OqsMetrics.Operation;
import org.openoqs.server.security.ClientCertificateFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every terminal-API request of a counted operation, the certificate check included, and records it when the
 * answer is written. The outcome is what the controller put in {@link #OUTCOME_ATTRIBUTE} (e.g. an inquiry's
 * {@code person_error}), else it follows from the HTTP status. Registered for {@code /api/*} by
 * {@link MetricsConfiguration}, around the security filters, so refused requests are counted too.
 */
public final class ApiMetricsFilter extends OncePerRequestFilter {

    /** Request attribute a controller sets to the outcome label of its answer. */
    public static final String OUTCOME_ATTRIBUTE = ApiMetricsFilter.class.getName() + ".outcome";

    private final OqsMetrics metrics;

    public ApiMetricsFilter(OqsMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Operation> operation = operationOf(request.getRequestURI());
        if (operation.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            Facility facility = request.getAttribute(ClientCertificateFilter.FACILITY_ATTRIBUTE) instanceof Facility f
                    ? f : null;
            String outcome = request.getAttribute(OUTCOME_ATTRIBUTE) instanceof String o ? o : outcomeOf(status);
            metrics.record(operation.get(), outcome, OqsMetrics.facilityKind(facility),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    static Optional<Operation> operationOf(String path) {
        if (path.equals("/api/v1/qualifications/inquiry")) {
            return Optional.of(Operation.INQUIRY);
        }
        if (path.startsWith("/api/v1/cards/")) {
            return Optional.of(Operation.CARD);
        }
        if (path.startsWith("/api/v1/bulk/")) {
            return Optional.of(Operation.BULK);
        }
        if (path.startsWith("/api/v1/clins/")) {
            return Optional.of(Operation.CLINS);
        }
        if (path.startsWith("/api/v1/eps/")) {
            return Optional.of(Operation.EPRESCRIPTION);
        }
        return Optional.empty();
    }

    static String outcomeOf(int status) {
        if (status < 400) {
            return "ok";
        }
        if (status == 401 || status == 403) {
            return "refused";
        }
        if (status == 404) {
            return "not_found";
        }
        return status < 500 ? "bad_request" : "error";
    }
}
