package org.openoqs.server.archfixture.cycle.one;

import org.openoqs.server.archfixture.cycle.two.NeedsOne;

/** Half of a package cycle the server's cycle rule must name (a test fixture, never run). */
public final class NeedsTwo {

    NeedsOne other;

    private NeedsTwo() {
    }
}
