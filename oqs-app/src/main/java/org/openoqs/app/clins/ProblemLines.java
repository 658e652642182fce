package org.openoqs.app.clins;

import java.io.PrintWriter;
import java.util.List;
import org.openoqs.server.clins.ClinsProblem;
import tools.jackson.databind.JsonNode;

/**
 * One line per problem, the same for our offline rules and for the service's OperationOutcome:
 * {@code   OQSF2043 Bundle.entry[1].resource.contained: <Japanese message>}.
 */
final class ProblemLines {

    private ProblemLines() {
    }

    static void print(PrintWriter out, List<ClinsProblem> problems) {
        for (ClinsProblem p : problems) {
            line(out, p.code().code(), p.location(), p.message());
        }
    }

    /** The issues of a FHIR OperationOutcome answer (code in details.coding, FHIRPath in expression). */
    static void print(PrintWriter out, JsonNode operationOutcome) {
        for (JsonNode issue : operationOutcome.path("issue")) {
            line(out, issue.path("details").path("coding").path(0).path("code").asString("-"),
                    issue.path("expression").path(0).asString(null), issue.path("details").path("text").asString(""));
        }
    }

    private static void line(PrintWriter out, String code, String location, String message) {
        out.println("  " + code + " " + (location == null ? "-" : location) + ": " + message);
    }
}
