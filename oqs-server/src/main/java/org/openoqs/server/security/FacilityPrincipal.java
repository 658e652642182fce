package org.openoqs.server.security;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The authenticated caller of the terminal API: a facility, identified by its client certificate only.
 *
 * @param institutionCode the certificate's CN (10 digits), a registered facility
 * @param certificateSerial serial number of the client certificate (hex), recorded in the audit trail
 * @param certificate the client certificate itself
 */
public record FacilityPrincipal(String institutionCode, String certificateSerial, X509Certificate certificate) {

    public FacilityPrincipal {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(certificateSerial, "certificateSerial");
    }

    /** The actor recorded in the audit trail: {@code cert:<serial>}. */
    public String actor() {
        return "cert:" + certificateSerial;
    }

    @Override
    public String toString() {
        return institutionCode + " (" + actor() + ")";
    }
}
