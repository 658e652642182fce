package org.openoqs.server.account;

import java.util.Objects;

/**
 * Who asks for an account operation: a signed-in account of a facility. Every operation is confined to
 * {@code institutionCode}; the kind decides what may be done there.
 */
public record AccountActor(String institutionCode, String accountId, AccountKind kind) {

    public AccountActor {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
    }
}
