package org.openoqs.server.audit;

import java.time.Instant;

/**
 * One entry of the append-only audit trail. {@code hash} = SHA-256 over {@code prevHash} and the canonical form
 * of the other fields (see {@link AuditLog#hashOf}); {@code prevHash} of the first entry is 64 zeros.
 *
 * @param id       position in the chain, 1, 2, 3 … without gaps
 * @param at       when it was recorded (millisecond precision)
 * @param facility institution code the event concerns ({@code null} for system events)
 * @param actor    who acted: {@code cert:<serial>} for a terminal certificate, a user id, or {@code system}
 * @param action   what was done, e.g. {@code QUALIFICATION_INQUIRY}
 * @param subject  what it was done to, without personal data (ids, never names)
 * @param outcome  result, e.g. {@code OK validity=1} or an error code
 */
public record AuditEvent(
        long id,
        Instant at,
        String facility,
        String actor,
        String action,
        String subject,
        String outcome,
        String prevHash,
        String hash) {
}
