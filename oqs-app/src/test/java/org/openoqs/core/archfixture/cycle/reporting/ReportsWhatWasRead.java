package org.openoqs.core.archfixture.cycle.reporting;

import org.openoqs.core.archfixture.cycle.reading.ReadsAndReports;

/** Test fixture only: the other half of the cycle of {@link ReadsAndReports}. */
public final class ReportsWhatWasRead {

    private ReportsWhatWasRead() {
    }

    public static String report(String text) {
        return text.isEmpty() ? ReadsAndReports.read("(empty)") : text;
    }
}
