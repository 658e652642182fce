package org.openoqs.core.code;

import org.openoqs.core.code.CodeTable;
import org.openoqs.core.code.TableId;

/** OQSCD018 {@code TicketType}: the kind of 医療扶助 ticket (医療券 for clinics and hospitals, 調剤券 for pharmacies). */
@TableId("OQSCD018")
public enum TicketType implements CodeTable {
    MEDICAL_TICKET("01", "医療券"),
    DISPENSING_TICKET("02", "調剤券");

    private final String code;
    private final String label;

    TicketType(String code, String label) {
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
