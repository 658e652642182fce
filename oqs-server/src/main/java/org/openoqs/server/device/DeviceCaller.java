package org.openoqs.server.device;

import java.util.Objects;

/**
 * The caller of the card path: a face-auth card reader signed in with its 顔認証用アカウント, connected with its
 * facility's client certificate. Only {@link DeviceSessionService#authenticate} makes one, so a card endpoint that
 * needs a {@code DeviceCaller} cannot be reached with the certificate alone.
 */
public final class DeviceCaller {

    private final String institutionCode;
    private final String accountId;
    private final String certificateSerial;

    DeviceCaller(String institutionCode, String accountId, String certificateSerial) {
        this.institutionCode = Objects.requireNonNull(institutionCode, "institutionCode");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.certificateSerial = Objects.requireNonNull(certificateSerial, "certificateSerial");
    }

    public String institutionCode() {
        return institutionCode;
    }

    /** The reader's 顔認証用アカウント (F + 5 digits). */
    public String accountId() {
        return accountId;
    }

    /** The actor recorded in the audit trail: {@code device:F00001 cert:<serial>}. */
    public String actor() {
        return "device:" + accountId + " cert:" + certificateSerial;
    }

    @Override
    public String toString() {
        return institutionCode + " (" + actor() + ")";
    }
}
