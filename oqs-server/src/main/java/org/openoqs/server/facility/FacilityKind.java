package org.openoqs.server.facility;

import java.util.Arrays;

/** 点数表番号, the third digit of an institution code. */
public enum FacilityKind {
    MEDICAL('1', "医科"),
    DENTAL('3', "歯科"),
    PHARMACY('4', "薬局");

    private final char scoreTable;
    private final String label;

    FacilityKind(char scoreTable, String label) {
        this.scoreTable = scoreTable;
        this.label = label;
    }

    public char scoreTable() {
        return scoreTable;
    }

    public String label() {
        return label;
    }

    public static FacilityKind ofScoreTable(char digit) {
        return Arrays.stream(values()).filter(k -> k.scoreTable == digit).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("点数表番号が不正です: " + digit));
    }
}
