package org.openoqs.server.emergency;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why the patient's information is viewed without consent (the service's 閲覧理由; the official list is not public,
 * so these are openoqs's: the two situations the portal FAQ names — the patient cannot consent — and その他 with a
 * written reason). The code goes into the audit entry.
 */
public enum EmergencyReason {
    UNCONSCIOUS("1", "意識障害等により本人の同意を得られない", false),
    CANNOT_COMMUNICATE("2", "重篤な状態等で本人と意思疎通ができない", false),
    OTHER("9", "その他（具体的な理由を記入）", true);

    /** Free text at most this long (code points). */
    public static final int MAX_TEXT = 200;

    private final String code;
    private final String label;
    private final boolean needsText;

    EmergencyReason(String code, String label, boolean needsText) {
        this.code = code;
        this.label = label;
        this.needsText = needsText;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean needsText() {
        return needsText;
    }

    public static Optional<EmergencyReason> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
