package org.openoqs.server.account;

import java.util.List;

/** A new password breaks the policy; {@link #reasons()} are Japanese messages, one per broken rule. */
public class PasswordRejectedException extends RuntimeException {

    private final List<String> reasons;

    public PasswordRejectedException(List<String> reasons) {
        super(String.join(" ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
