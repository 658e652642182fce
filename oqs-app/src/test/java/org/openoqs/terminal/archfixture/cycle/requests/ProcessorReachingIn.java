package org.openoqs.terminal.archfixture.cycle.requests;

import org.openoqs.terminal.archfixture.cycle.linkage.AgentCallingBack;

/** The other half of the deliberate package cycle (see {@link AgentCallingBack}). */
public final class ProcessorReachingIn {

    private ProcessorReachingIn() {
    }

    public static String process(String request) {
        return AgentCallingBack.folder() + "/" + request;
    }
}
