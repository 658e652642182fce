package org.openoqs.core.registry;

/** State of a My Number Card as the registry knows it (the card-reader simulator acts on it). */
public enum CardStatus {
    /** Usable: certificate valid, PIN not locked. */
    ACTIVE,
    /** PIN retry counter exhausted; face authentication or 目視確認 still possible at the counter. */
    PIN_LOCKED,
    /** The card's electronic certificate (利用者証明用電子証明書) has passed its expiry date. */
    CERTIFICATE_EXPIRED,
    /** The card's electronic certificate has been revoked (lost card, re-issue, …). */
    CERTIFICATE_REVOKED
}
