package org.openoqs.server.emergency;

import org.openoqs.core.error.ErrorCode;

/**
 * A refusal of the emergency view, its permission or its second factor, already audited where it was decided.
 * {@code formProblem} refusals (reason, insurance keys) are shown on the form (400); the others on the refusal page
 * (403).
 */
public class EmergencyRefusedException extends RuntimeException {

    private final ErrorCode code;
    private final boolean formProblem;

    public EmergencyRefusedException(ErrorCode code, boolean formProblem) {
        super(code.message());
        this.code = code;
        this.formProblem = formProblem;
    }

    public ErrorCode code() {
        return code;
    }

    public boolean formProblem() {
        return formProblem;
    }

    /** 「OQSF5003 このアカウントには…」 as the page shows it. */
    public String shown() {
        return code.code() + " " + code.message();
    }
}
