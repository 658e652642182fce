package org.openoqs.server.operator;

import java.util.Objects;

/**
 * The authenticated caller of the operator API: the central service's operator, identified by an operator
 * certificate only (docs/certificates.md §6).
 *
 * @param operatorName      the name of the certificate's CN {@code OPERATOR-<name>}
 * @param certificateSerial serial number of the operator certificate (hex), recorded in the audit trail
 */
public record OperatorPrincipal(String operatorName, String certificateSerial) {

    public OperatorPrincipal {
        Objects.requireNonNull(operatorName, "operatorName");
        Objects.requireNonNull(certificateSerial, "certificateSerial");
    }

    /** The actor recorded in the audit trail: {@code operator:<name> cert:<serial>}. */
    public String actor() {
        return "operator:" + operatorName + " cert:" + certificateSerial;
    }

    @Override
    public String toString() {
        return actor();
    }
}
