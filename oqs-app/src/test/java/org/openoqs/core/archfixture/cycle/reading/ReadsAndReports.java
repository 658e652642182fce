package org.openoqs.core.archfixture.cycle.reading;

import org.openoqs.core.archfixture.cycle.reporting.ReportsWhatWasRead;

/**
 * Test fixture only (oqs-app test sources): one half of a package cycle inside {@code org.openoqs.core}, which
 * {@code ModuleRulesTest} must report. Never part of oqs-core itself.
 */
public final class ReadsAndReports {

    private ReadsAndReports() {
    }

    public static String read(String text) {
        return ReportsWhatWasRead.report(text.strip());
    }
}
