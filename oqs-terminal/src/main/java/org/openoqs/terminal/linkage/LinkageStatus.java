package org.openoqs.terminal.linkage;

/**
 * A snapshot of the agent's counters since {@link LinkageAgent#start()}.
 *
 * @param answered             requests whose result was published (including ones completed by crash recovery)
 * @param answeredWithError    of those, results saying the whole file failed ({@code SegmentOfResult} 9): bad
 *                             requests, refusals and the 120 s service-outage answers (since start)
 * @param failedAttempts       processing attempts that ended in a retry (processor threw, disk error …)
 * @param inFlight             requests taken but not yet answered: queued, being processed or waiting for a retry
 * @param waitingForCollection request files left in {@code req} because the result of an earlier request with the
 *                             same name has not been collected yet
 */
public record LinkageStatus(long answered, long answeredWithError, long failedAttempts, int inFlight,
                            int waitingForCollection) {
}
