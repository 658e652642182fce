package org.openoqs.core.consent;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.message.ClinsConsents;
import org.openoqs.core.message.Consent;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultOfQualificationConfirmation;

/**
 * Writes a person's viewing consents into result records ({@code PharmacistsInfo…}, {@code SpecificHealthCheckupsInfo…},
 * {@code DiagnosisInfo…}, {@code OperationInfo…}). Every record states its 薬剤・特定健診・診療 flags (0 when there is
 * no consent) so the レセコン can tell "no consent" from "not asked"; 手術情報 appears only for facilities that opted
 * in, and the six 電子カルテ情報共有サービス triplets ({@link ClinsConsents}) only for facilities that switched that
 * service on — there too flag 0 when the patient did not consent. Times are shown while the flag is 1 or 2.
 */
public final class ConsentResults {

    private ConsentResults() {
    }

    /**
     * {@code body} with every record's consent fields set from {@code consents} (latest per category).
     *
     * @param surgeryEnabled the facility opted into 手術情報 ({@code OperationInfo…} written)
     * @param clinsEnabled   the facility switched 電子カルテ情報共有サービス on (the six 2025 triplets written)
     */
    public static QualificationResultBody apply(QualificationResultBody body, Map<ConsentCategory, ConsentRecord> consents,
            LocalDateTime now, boolean surgeryEnabled, boolean clinsEnabled) {
        if (body.results().isEmpty()) {
            return body;
        }
        List<ResultOfQualificationConfirmation> records = new ArrayList<>(body.results().size());
        for (ResultOfQualificationConfirmation r : body.results()) {
            records.add(apply(r, consents, now, surgeryEnabled, clinsEnabled));
        }
        return new QualificationResultBody(body.searchInfoEcho(), body.processingResultStatus(),
                body.processingResultCode(), body.processingResultMessage(), body.qualificationValidity(),
                body.prescriptionIssueSelect(), records);
    }

    public static ResultOfQualificationConfirmation apply(ResultOfQualificationConfirmation record,
            Map<ConsentCategory, ConsentRecord> consents, LocalDateTime now, boolean surgeryEnabled,
            boolean clinsEnabled) {
        ResultOfQualificationConfirmation.Builder b = record.toBuilder()
                .pharmacistsInfo(consent(consents.get(ConsentCategory.DRUG), now))
                .specificHealthCheckupsInfo(consent(consents.get(ConsentCategory.CHECKUP), now))
                .diagnosisInfo(consent(consents.get(ConsentCategory.DIAGNOSIS), now));
        b.operationInfo(surgeryEnabled ? consent(consents.get(ConsentCategory.SURGERY), now) : null);
        b.clinsConsents(clinsEnabled ? ClinsConsents.allOf(consent(consents.get(ConsentCategory.CLINS), now)) : null);
        return b.build();
    }

    static Consent consent(ConsentRecord record, LocalDateTime now) {
        ConsentStatus status = ConsentRules.statusAt(record, now);
        if (status == ConsentStatus.NOT_CONSENTED) {
            return new Consent(ConsentStatus.NOT_CONSENTED, null, null);
        }
        return new Consent(status, record.consentTime(), record.availableUntil());
    }
}
