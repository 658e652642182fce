package org.openoqs.terminal.central;

/** A package the agent will not install; nothing was changed. The message is Japanese and names the package. */
public final class PackageRefusedException extends RuntimeException {
    private final RefusalReason reason;

    public PackageRefusedException(RefusalReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RefusalReason reason() {
        return reason;
    }
}
