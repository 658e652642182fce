package org.openoqs.core.code;

import org.openoqs.core.code.CodeTable;
import org.openoqs.core.code.TableId;

/** OQSCD026 {@code DesignatedMedicalInstitutionFlag}: whether the ticket's 指定医療機関 is the facility asking. */
@TableId("OQSCD026")
public enum DesignatedMedicalInstitutionFlag implements CodeTable {
    MATCHES("0", "一致"),
    DIFFERS("1", "不一致");

    private final String code;
    private final String label;

    DesignatedMedicalInstitutionFlag(String code, String label) {
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
