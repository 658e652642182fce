package org.openoqs.server.subsidy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openoqs.server.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 環境設定 「医療費助成情報」 (PMH): whether the facility receives patients' 医療費助成 受給者証 with their results. Default
 * 利用しない. Read on every confirmation (no cache: several instances share the database); a change is audited as
 * {@code SETTINGS_CHANGE} {@code OK medicalSubsidy 0->1}.
 */
@Service
public class MedicalSubsidySettings {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public MedicalSubsidySettings(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean enabled(String institutionCode) {
        return jdbc.sql("select enabled from facility_medical_subsidy where institution_code = ?")
                .param(institutionCode).query(Boolean.class).optional().orElse(false);
    }

    @Transactional
    public void set(String institutionCode, boolean enabled, String actor) {
        boolean before = enabled(institutionCode);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int updated = jdbc.sql("update facility_medical_subsidy set enabled = ?, changed_at = ?, changed_by = ? "
                + "where institution_code = ?").params(enabled, now, actor, institutionCode).update();
        if (updated == 0) {
            jdbc.sql("insert into facility_medical_subsidy (institution_code, enabled, changed_at, changed_by) "
                    + "values (?, ?, ?, ?)").params(institutionCode, enabled, now, actor).update();
        }
        if (before != enabled) {
            audit.append(institutionCode, actor, "SETTINGS_CHANGE", "facility=" + institutionCode,
                    "OK medicalSubsidy " + (before ? 1 : 0) + "->" + (enabled ? 1 : 0));
        }
    }
}
