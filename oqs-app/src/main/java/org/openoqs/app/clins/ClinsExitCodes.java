package org.openoqs.app.clins;

import org.openoqs.app.demo.DemoApiClient;

/** Exit codes of {@code oqs clins …} (docs/clins.md lists them). */
final class ClinsExitCodes {

    static final int OK = 0;
    /** The Bundle breaks a rule (validate) or the service refused it (register, delete): the problems are printed. */
    static final int REFUSED = 2;
    /** The file or folder is missing, unreadable or holds no {@code .json} file. */
    static final int NO_INPUT = 3;
    /** delete: no Bundle of this facility has the identifier. */
    static final int NOT_FOUND = 4;
    /** validate --ig: the official validator jar (oqs-clins-validator-exec.jar) is not there. */
    static final int VALIDATOR_MISSING = 6;
    static final int CERTIFICATE_REFUSED = DemoApiClient.CERTIFICATE_REFUSED;
    static final int UNREACHABLE = DemoApiClient.UNREACHABLE;
    static final int OTHER = DemoApiClient.OTHER;

    private ClinsExitCodes() {
    }

    static int ofStatus(int httpStatus) {
        return switch (httpStatus) {
            case 400, 413, 415, 422 -> REFUSED;
            case 401, 403 -> CERTIFICATE_REFUSED;
            case 404 -> NOT_FOUND;
            case 503 -> UNREACHABLE;
            default -> OTHER;
        };
    }
}
