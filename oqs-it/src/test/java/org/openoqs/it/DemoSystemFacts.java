package org.openoqs.it;

/** What the demo is known to contain, for assertions that must not see it leak. */
final class DemoSystemFacts {

    /** The demo facility's name (DemoSystem.FACILITY_NAME), which only an authenticated caller may read. */
    static final String FACILITY_NAME = "オープン診療所（デモ）";

    private DemoSystemFacts() {
    }
}
