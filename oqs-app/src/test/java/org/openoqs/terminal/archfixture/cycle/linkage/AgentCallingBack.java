package org.openoqs.terminal.archfixture.cycle.linkage;

import org.openoqs.terminal.archfixture.cycle.requests.ProcessorReachingIn;

/**
 * One half of what the terminal's no-cycle rule forbids (a test fixture, never run): a package that hands work to
 * another package which reaches back into it — here an agent and its processor.
 */
public final class AgentCallingBack {

    private AgentCallingBack() {
    }

    static String answer(String request) {
        return ProcessorReachingIn.process(request);
    }

    public static String folder() {
        return "req";
    }
}
