package org.openoqs.core.eps;

import java.util.List;

/**
 * An EPS request refused with a specific {@link EpsResultCode}. {@code checks} carries every problem when more than
 * one was found (written as {@code XmlCheckResultList}); the first is the body's processing result.
 */
public class EpsRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<CheckResult> checks;

    public EpsRejectedException(EpsResultCode code, String detail) {
        this(List.of(new CheckResult(code, detail)));
    }

    public EpsRejectedException(List<CheckResult> checks) {
        super(checks.isEmpty() ? "rejected" : checks.get(0).code().code() + " " + checks.get(0).message());
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("at least one check result");
        }
        this.checks = List.copyOf(checks);
    }

    /** The code reported as the request's result. */
    public EpsResultCode code() {
        return checks.get(0).code();
    }

    public String detail() {
        return checks.get(0).detail();
    }

    public List<CheckResult> checks() {
        return checks;
    }
}
