package org.openoqs.server.clins;

import org.openoqs.core.error.ErrorCode;

/**
 * One thing wrong with an upload: the project code, the FHIRPath of the element (e.g.
 * {@code Bundle.entry[1].resource.extension}) and an optional detail appended to the Japanese message.
 */
public record ClinsProblem(ErrorCode code, String location, String detail) {

    public static ClinsProblem of(ErrorCode code, String location) {
        return new ClinsProblem(code, location, null);
    }

    public String message() {
        return code.messageWith(detail);
    }
}
