package org.openoqs.server.inquiry;

import org.openoqs.core.error.Violation;

/** The request's MedicalInstitutionCode is not the code of the facility the client certificate belongs to. */
public class InstitutionMismatchException extends RuntimeException {

    private final transient Violation violation;

    public InstitutionMismatchException(Violation violation) {
        super(violation.message());
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
