package org.openoqs.terminal.health;

import java.time.Instant;
import java.util.List;

/**
 * The terminal's health at one moment, as written to {@code work/health.json}.
 *
 * @param status              {@link Status#UP} when nothing is wrong, {@link Status#DEGRADED} while any problem
 *                            lasts (requests are then kept, not lost), {@link Status#STOPPED} once stopped
 * @param at                  when this report was made
 * @param problems            what is wrong, oldest first; empty when UP
 * @param requestsInFlight    requests taken and not yet answered
 * @param oldestWaitingSince  when the longest-waiting of them was taken, or null
 * @param answered            requests answered since the terminal started
 * @param failedAttempts      attempts that ended in a retry since the terminal started
 * @param waitingForCollection requests held back because the result of the same name was not collected yet
 * @param sessionsInUse       calls open to the central service right now
 * @param sessionLimit        the most calls allowed at the same time (20)
 * @param mostSessionsInUse   the most calls that were open at the same time since the terminal started
 * @param answeredWithError   of the answered requests, results saying the whole file failed (SegmentOfResult 9)
 * @param outages             times the central service became unreachable since the terminal started
 */
public record HealthReport(Status status, Instant at, List<HealthProblem> problems, int requestsInFlight,
                           Instant oldestWaitingSince, long answered, long failedAttempts, int waitingForCollection,
                           int sessionsInUse, int sessionLimit, int mostSessionsInUse, long answeredWithError,
                           long outages) {

    public enum Status {
        UP("正常に動作しています。"),
        DEGRADED("一部の処理が止まっています。要求ファイルは保持され、原因が解消すると自動的に処理されます。"),
        /** Written once when the terminal stops; a stopped terminal answers nothing. */
        STOPPED("資格確認端末のソフトウェアは停止しています。");

        private final String message;

        Status(String message) {
            this.message = message;
        }

        /** What the status means, in Japanese for the facility's staff. */
        public String message() {
            return message;
        }
    }

    public HealthReport {
        problems = List.copyOf(problems);
    }

    public boolean hasProblem(String code) {
        return problems.stream().anyMatch(p -> p.code().equals(code));
    }
}
