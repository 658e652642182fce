package org.openoqs.app.notice;

import org.openoqs.app.demo.DemoApiClient;

/** Exit codes of {@code oqs notice …}, the same scheme as {@code oqs card …} (docs/web-portal.md lists them). */
final class NoticeExitCodes {

    static final int OK = 0;
    /** Bad options, or a notice the service refused (title, body, period, facility). */
    static final int USAGE = 2;
    static final int NOTICE_NOT_FOUND = 3;
    static final int CERTIFICATE_REFUSED = DemoApiClient.CERTIFICATE_REFUSED;
    static final int UNREACHABLE = DemoApiClient.UNREACHABLE;
    static final int OTHER = DemoApiClient.OTHER;

    private NoticeExitCodes() {
    }

    /** The exit code for a refusal of the operator API. */
    static int ofStatus(int httpStatus) {
        return switch (httpStatus) {
            case 400 -> USAGE;
            case 401, 403 -> CERTIFICATE_REFUSED;
            case 404 -> NOTICE_NOT_FOUND;
            case 503 -> UNREACHABLE;
            default -> OTHER;
        };
    }
}
