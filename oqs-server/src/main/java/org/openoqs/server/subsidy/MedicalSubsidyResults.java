package org.openoqs.server.subsidy;

import java.time.LocalDate;
import java.util.List;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.MedicalSubsidyCertificate;
import org.openoqs.core.subsidy.MedicalSubsidyRegistry;
import org.openoqs.core.subsidy.SyntheticSubsidies;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.springframework.stereotype.Service;

/**
 * Adds a patient's 医療費助成 受給者証 to a result (docs/pmh.md) — only when the facility opted in (環境設定 医療費助成情報)
 * and the patient chose to provide them at the reader, and only the certificates valid on the confirmation date.
 * Otherwise the result is left exactly as it was: no block, no reason (a patient who declined and one without a
 * 受給者証 look the same).
 */
@Service
public class MedicalSubsidyResults {

    private final MedicalSubsidySettings settings;
    private final JdbcQualificationRegistry registry;
    private final MedicalSubsidyRegistry subsidies = new SyntheticSubsidies();

    public MedicalSubsidyResults(MedicalSubsidySettings settings, JdbcQualificationRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    public boolean enabled(String institutionCode) {
        return settings.enabled(institutionCode);
    }

    public QualificationResultBody apply(QualificationResultBody body, String institutionCode, String personId,
            boolean provided, LocalDate date) {
        if (!provided || body.results().isEmpty() || personId == null || !settings.enabled(institutionCode)) {
            return body;
        }
        List<MedicalSubsidyCertificate> valid = registry.person(personId).map(subsidies::certificatesOf)
                .orElse(List.of()).stream().filter(c -> c.isValidOn(date)).toList();
        return valid.isEmpty() ? body : body.withMedicalSubsidies(valid);
    }
}
