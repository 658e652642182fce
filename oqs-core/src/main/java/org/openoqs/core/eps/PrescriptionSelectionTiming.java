package org.openoqs.core.eps;

import org.openoqs.core.code.CodeTable;
import org.openoqs.core.code.TableId;

/** OQSCD039 処方箋発行形態選択タイミング: when the patient chooses between an electronic and a paper prescription. */
@TableId("OQSCD039")
public enum PrescriptionSelectionTiming implements CodeTable {
    /** 資格確認時以外で確認: the facility asks at the desk; the reader does not. */
    OUTSIDE_CONFIRMATION("1", "資格確認時以外で確認"),
    /** 資格確認時に確認: the face-auth reader asks right after the qualification confirmation. */
    AT_CONFIRMATION("2", "資格確認時に確認");

    private final String code;
    private final String label;

    PrescriptionSelectionTiming(String code, String label) {
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
