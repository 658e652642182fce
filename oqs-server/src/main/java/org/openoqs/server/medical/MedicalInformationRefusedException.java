package org.openoqs.server.medical;

import org.openoqs.core.error.Violation;

/** Medical information was not shown: no consent in force. The refusal is already audited. */
public class MedicalInformationRefusedException extends RuntimeException {

    private final transient Violation violation;

    public MedicalInformationRefusedException(Violation violation) {
        super(violation.code().code() + " " + violation.message());
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
