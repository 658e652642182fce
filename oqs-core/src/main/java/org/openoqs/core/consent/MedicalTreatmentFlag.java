package org.openoqs.core.consent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.code.TableId;

/** OQSCD028 診療区分: the care setting a consent was given for; it decides how long the consent lasts. */
@TableId("OQSCD028")
public enum MedicalTreatmentFlag implements CodeTable {
    OUTPATIENT("1", "外来", "outpatient"),
    HOME_VISIT("2", "訪問診療等", "home-visit"),
    ONLINE("3", "オンライン診療等", "online"),
    EMERGENCY("4", "救急時", "emergency");

    private final String code;
    private final String label;
    private final String cliName;

    MedicalTreatmentFlag(String code, String label, String cliName) {
        this.code = code;
        this.label = label;
        this.cliName = cliName;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public String cliName() {
        return cliName;
    }

    /** By code ({@code 1}…{@code 4}) or short name ({@code outpatient}, {@code home-visit}, {@code online}). */
    public static Optional<MedicalTreatmentFlag> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.code.equals(n) || f.cliName.equals(n)).findFirst();
    }
}
