package org.openoqs.core.code;

/** OQSCD020 {@code SingleOrCombinedUse}: 単独・併用別 (医療扶助 alone, or with another insurance or 公費). */
@TableId("OQSCD020")
public enum SingleOrCombinedUse implements CodeTable {
    SINGLE("01", "単独"),
    COMBINED("02", "併用");

    private final String code;
    private final String label;

    SingleOrCombinedUse(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
