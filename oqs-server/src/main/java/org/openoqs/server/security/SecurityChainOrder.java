package org.openoqs.server.security;

/**
 * The order of the service's filter chains (Spring Security tries them in this order; the first whose matcher
 * fits handles the request). {@link SecurityConfig} declares the chains that belong to no feature; a feature with
 * its own callers (the issuing offices, the operator, the web portal) declares its own chain bean with one of
 * these orders, so the shared security wiring never imports a feature.
 */
public final class SecurityChainOrder {

    /** Requests on the management port (actuator): matched by port, so first of all. */
    public static final int MANAGEMENT_PORT = -1;
    /**
     * Certificate APIs under {@code /api/v1/…} for callers other than facilities (office, operator): before the
     * terminal API, whose {@code /api/**} would match them too; their paths do not overlap each other.
     */
    public static final int CERTIFICATE_APIS = 0;
    /** {@code /api/**}: the terminal API, facility certificates. */
    public static final int TERMINAL_API = 1;
    /** {@code /actuator/health} on the API port: open, for load balancers. */
    public static final int HEALTH = 2;
    /** Everything else: the web portal. */
    public static final int PORTAL = 100;

    private SecurityChainOrder() {
    }
}
