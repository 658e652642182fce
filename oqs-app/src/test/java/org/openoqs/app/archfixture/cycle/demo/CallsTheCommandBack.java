package org.openoqs.app.archfixture.cycle.demo;

import org.openoqs.app.archfixture.cycle.command.RunsTheDemo;

/** Test fixture only: the other half of the cycle of {@link RunsTheDemo}. */
public final class CallsTheCommandBack {

    private CallsTheCommandBack() {
    }

    public static int start(String home) {
        return home.isEmpty() ? RunsTheDemo.run("demo") : home.length();
    }
}
