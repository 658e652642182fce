package org.openoqs.app.archfixture.cycle.command;

import org.openoqs.app.archfixture.cycle.demo.CallsTheCommandBack;

/**
 * Test fixture only (oqs-app test sources): one half of a package cycle inside {@code org.openoqs.app}, which
 * {@code ModuleRulesTest} must report. Never part of oqs-app itself.
 */
public final class RunsTheDemo {

    private RunsTheDemo() {
    }

    public static int run(String home) {
        return CallsTheCommandBack.start(home.strip());
    }
}
