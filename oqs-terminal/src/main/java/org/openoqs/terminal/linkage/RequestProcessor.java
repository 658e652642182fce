package org.openoqs.terminal.linkage;

import java.time.Duration;

/**
 * Turns one request file into its result file. The {@link LinkageAgent} owns everything around it (pick-up,
 * claiming, atomic publication, journaling, retries); the processor only decides what the request means.
 *
 * <p>Contract:
 * <ul>
 *   <li>Bad input (unparsable XML, unknown prefix, {@link RequestFile#oversized() oversized} file …) is answered,
 *       not thrown: return an error result file.</li>
 *   <li>Throw {@link CentralServiceUnavailableException} when the central service cannot be reached; the agent keeps
 *       the request and calls the processor again later, with back-off. Any other exception is treated the same way
 *       (and logged as a bug). Once the request has waited {@link LinkageSettings#serviceOutageTimeout()}, an
 *       unavailable service is answered with {@link #answerServiceUnavailable} instead.</li>
 *   <li>The same request may therefore be processed more than once, but only one result is ever published. Calls
 *       for different requests run concurrently (up to {@link LinkageSettings#maxConcurrent()}); the same request
 *       is never processed twice at the same time.</li>
 * </ul>
 */
@FunctionalInterface
public interface RequestProcessor {

    ProcessedResult process(RequestFile request);

    /**
     * The answer to a request that has waited {@link LinkageSettings#serviceOutageTimeout()} or longer and whose
     * latest attempt still found the central service unavailable: an error result telling the レセコン so
     * (OQSF9001 for the OQS message types). Called instead of scheduling yet another retry.
     *
     * @param waited how long the request has waited since the agent took it
     * @return the result to publish, or {@code null} to keep retrying without limit (the default, for processors
     *         that have no error format of their own)
     */
    default ProcessedResult answerServiceUnavailable(RequestFile request, Duration waited) {
        return null;
    }
}
