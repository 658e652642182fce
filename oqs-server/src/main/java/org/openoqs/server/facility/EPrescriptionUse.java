package org.openoqs.server.facility;

import java.util.Arrays;

/**
 * OQSCD038 電子処方箋利用区分, a facility's e-prescription setting. Kept in the server until oqs-core's code
 * tables carry it.
 */
public enum EPrescriptionUse {
    NOT_USED("0", "利用しない"),
    ELECTRONIC_ONLY("1", "電子処方箋のみ"),
    ELECTRONIC_AND_PAPER("2", "電子処方箋と紙の処方箋を併用"),
    PAPER_ONLY("3", "紙の処方箋のみ");

    private final String code;
    private final String label;

    EPrescriptionUse(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static EPrescriptionUse ofCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown OQSCD038 code: " + code));
    }
}
