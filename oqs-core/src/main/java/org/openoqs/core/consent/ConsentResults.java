package org.openoqs.core.consent;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.message.Consent;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultOfQualificationConfirmation;

/**
 * Writes a person's viewing consents into result records ({@code PharmacistsInfo…}, {@code SpecificHealthCheckupsInfo…},
 * {@code DiagnosisInfo…}, {@code OperationInfo…}). Every record states its 薬剤・特定健診・診療 flags (0 when there is
 * no consent) so the レセコン can tell "no consent" from "not asked"; 手術情報 appears only for facilities that opted
 * in. Times are shown while the flag is 1 or 2.
 */
public final class ConsentResults {

    private ConsentResults() {
    }

    /** {@code body} with every record's consent fields set from {@code consents} (latest per category). */
    public static QualificationResultBody apply(QualificationResultBody body, Map<ConsentCategory, ConsentRecord> consents,
            LocalDateTime now, boolean surgeryEnabled) {
        if (body.results().isEmpty()) {
            return body;
        }
        List<ResultOfQualificationConfirmation> records = new ArrayList<>(body.results().size());
        for (ResultOfQualificationConfirmation r : body.results()) {
            records.add(apply(r, consents, now, surgeryEnabled));
        }
        return new QualificationResultBody(body.searchInfoEcho(), body.processingResultStatus(),
                body.processingResultCode(), body.processingResultMessage(), body.qualificationValidity(),
                body.prescriptionIssueSelect(), records);
    }

    public static ResultOfQualificationConfirmation apply(ResultOfQualificationConfirmation record,
            Map<ConsentCategory, ConsentRecord> consents, LocalDateTime now, boolean surgeryEnabled) {
        ResultOfQualificationConfirmation.Builder b = record.toBuilder()
                .pharmacistsInfo(consent(consents.get(ConsentCategory.DRUG), now))
                .specificHealthCheckupsInfo(consent(consents.get(ConsentCategory.CHECKUP), now))
                .diagnosisInfo(consent(consents.get(ConsentCategory.DIAGNOSIS), now));
        b.operationInfo(surgeryEnabled ? consent(consents.get(ConsentCategory.SURGERY), now) : null);
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
