package org.openoqs.server.eps;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.eps.PrescriptionSelectionTiming;
import org.openoqs.core.eps.ReaderPrescriptionChoice;
import org.openoqs.server.facility.Facility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facility's OQSCD039 処方箋発行形態選択タイミング, kept beside the 環境設定 (whose 電子処方箋 setting, OQSCD038, is
 * in {@code FacilitySettings}). Read on every use: several service instances may share the database.
 */
@Component
public class EpsSettings {

    private final JdbcClient jdbc;
    private final Clock clock;

    public EpsSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public PrescriptionSelectionTiming selectionTiming(String institutionCode) {
        return jdbc.sql("select selection_timing from eps_facility_setting where institution_code = ?")
                .param(institutionCode).query(String.class).optional()
                .flatMap(code -> CodeTable.find(PrescriptionSelectionTiming.class, code))
                .orElse(PrescriptionSelectionTiming.OUTSIDE_CONFIRMATION);
    }

    public void setSelectionTiming(String institutionCode, PrescriptionSelectionTiming timing) {
        Objects.requireNonNull(timing, "timing");
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int updated = jdbc.sql("update eps_facility_setting set selection_timing = ?, updated_at = ? where institution_code = ?")
                .params(timing.code(), now, institutionCode).update();
        if (updated == 0) {
            jdbc.sql("insert into eps_facility_setting (institution_code, selection_timing, updated_at) values (?, ?, ?)")
                    .params(institutionCode, timing.code(), now).update();
        }
    }

    /** Whether and how the facility's reader asks for the prescription form. */
    public ReaderPrescriptionChoice readerChoice(Facility facility) {
        return new ReaderPrescriptionChoice(facility.settings().ePrescription().code(),
                selectionTiming(facility.institutionCode()));
    }
}
