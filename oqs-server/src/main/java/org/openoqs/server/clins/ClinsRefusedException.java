package org.openoqs.server.clins;

import java.util.List;

/** A CLINS call refused with an HTTP status and every problem found; answered as one FHIR OperationOutcome. */
public class ClinsRefusedException extends RuntimeException {

    private final int status;
    private final transient List<ClinsProblem> problems;

    public ClinsRefusedException(int status, List<ClinsProblem> problems) {
        super(status + " " + problems.stream().map(p -> p.code().code() + "@" + p.location()).toList());
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public ClinsRefusedException(int status, ClinsProblem problem) {
        this(status, List.of(problem));
    }

    public int status() {
        return status;
    }

    public List<ClinsProblem> problems() {
        return problems;
    }
}
