package org.openoqs.core.homecare;

import org.openoqs.core.code.CodeTable;
import org.openoqs.core.code.TableId;

/**
 * OQSCD031 同意有効期限切れ理由: why a 訪問診療等 / オンライン診療等 consent no longer lets the facility re-inquire.
 * The public code list gives 1–3; value 0 is described only as "depends on the care form" — openoqs uses it for a
 * consent whose period simply ran out (a documented guess, docs/home-care.md).
 */
@TableId("OQSCD031")
public enum ConsentCancellationReason implements CodeTable {
    PERIOD_ENDED("0", "有効期間の経過"),
    CANCELLED_BY_FACILITY("1", "医療機関による同意取消"),
    CANCELLED_BY_PATIENT("2", "患者による同意取消"),
    CANCELLED_BY_CHANGE_OF_USE("3", "用途変更による同意取消");

    private final String code;
    private final String label;

    ConsentCancellationReason(String code, String label) {
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
