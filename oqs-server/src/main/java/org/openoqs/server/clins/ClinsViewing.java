package org.openoqs.server.clins;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.Violation;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.medical.ConsentGate;
import org.openoqs.server.medical.MedicalInformationRefusedException;
import org.openoqs.server.medical.MedicalInformationService;
import org.openoqs.server.medical.MedicalInformationViewing;
import org.openoqs.server.medical.MedicalInformationViewing.ConsentedPatient;
import org.springframework.stereotype.Service;

/**
 * The portal's 電子カルテ情報 tab (医療情報閲覧, docs/clins.md): the 6情報 every facility registered for a patient, under
 * the rules of {@code CIPsiquc01} — refused (and audited) when the viewer's facility has not switched
 * 電子カルテ情報共有サービス on, or without the patient's CLINS consent to it in force. No month range on the screen:
 * everything still retained is shown (検査 by the last-year-or-three rule). Audited as the other screens
 * ({@value MedicalInformationService#ACTION}, {@code kind=CIP;channel=web}).
 */
@Service
public class ClinsViewing {

    /** The audit's kind for this screen (the request file's prefix, as YZK / TKK / SRJ are for the others). */
    public static final String KIND = "CIP";
    private static final YearMonth EVERYTHING_RETAINED = YearMonth.of(1900, 1);

    /** The patient (for the screen's header and tabs) and what is shown, in {@link ClinsInformation}'s order. */
    public record Shown(ConsentedPatient patient, List<ClinsStore.StoredItem> items) {
    }

    private final MedicalInformationViewing viewing;
    private final ClinsInformation information;
    private final AuditLog audit;

    public ClinsViewing(MedicalInformationViewing viewing, ClinsInformation information, AuditLog audit) {
        this.viewing = viewing;
        this.information = information;
        this.audit = audit;
    }

    /** @throws MedicalInformationRefusedException switch off (OQSP4001), no CLINS consent in force (OQSP3101) */
    public Shown view(AccountActor viewer, Facility facility, String personId) {
        if (!facility.settings().eKarteSharing()) {
            refuse(viewer, personId, Violation.of(ErrorCode.CLINS_NOT_ENABLED, null),
                    "REFUSED " + ErrorCode.CLINS_NOT_ENABLED.code());
        }
        ConsentedPatient patient = viewing.patient(viewer, personId); // unknown persons: refused as without consent
        LocalDateTime now = viewing.now();
        Optional<ConsentGate.Refusal> refusal = ConsentGate.check(patient.consents(), List.of(ConsentCategory.CLINS), now);
        refusal.ifPresent(r -> refuse(viewer, personId, r.violation(), r.auditOutcome()));
        List<ClinsStore.StoredItem> items = information.of(patient.person(), EVERYTHING_RETAINED, YearMonth.from(now),
                now.toLocalDate(), now.atZone(ServerConfig.TOKYO).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC))
                .stored();
        record(viewer, personId, "OK screen items=" + items.size());
        return new Shown(patient, items);
    }

    private void refuse(AccountActor viewer, String personId, Violation violation, String outcome) {
        record(viewer, personId, outcome);
        throw new MedicalInformationRefusedException(violation);
    }

    private void record(AccountActor viewer, String personId, String outcome) {
        audit.append(viewer.institutionCode(), viewer.accountId(), MedicalInformationService.ACTION,
                "kind=" + KIND + ";channel=web;persons=" + (personId == null ? "-" : Violation.shown(personId)), outcome);
    }
}
