package org.openoqs.server.archfixture.cycle.two;

import org.openoqs.server.archfixture.cycle.one.NeedsTwo;

/** The other half of the package cycle (a test fixture, never run). */
public final class NeedsOne {

    NeedsTwo other;

    private NeedsOne() {
    }
}
