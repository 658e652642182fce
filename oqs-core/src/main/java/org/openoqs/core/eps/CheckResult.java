package org.openoqs.core.eps;

import java.util.Objects;

/**
 * One problem found in a request: written as an {@code XmlCheckResultList} entry ({@code ResultCode},
 * {@code ResultMessage}) or, for the first one, as the body's processing result.
 *
 * @param code   what is wrong
 * @param detail the element at fault and how (Japanese, safe to show), or {@code null}
 */
public record CheckResult(EpsResultCode code, String detail) {

    public CheckResult {
        Objects.requireNonNull(code, "code");
    }

    /** The Japanese message: the code's message plus the detail. */
    public String message() {
        return code.messageWith(detail);
    }
}
