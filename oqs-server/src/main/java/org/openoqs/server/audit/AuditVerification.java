package org.openoqs.server.audit;

/**
 * Result of re-computing the audit chain.
 *
 * @param intact        true when every hash matches and ids are contiguous from 1
 * @param checked       number of entries checked
 * @param firstBrokenId id of the first entry that does not verify ({@code -1} when intact)
 * @param reason        why it broke ({@code null} when intact)
 */
public record AuditVerification(boolean intact, long checked, long firstBrokenId, String reason) {
}
