package org.openoqs.server.homecare;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.consent.ConsentRules;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.homecare.ConsentCancellationReason;
import org.openoqs.core.homecare.HomeCareConsent;
import org.openoqs.server.ServerConfig;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 居宅同意 ({@code home_care_consent}): one row per card confirmation for 訪問診療等 / オンライン診療等; the newest row
 * of a (facility, person, care setting) is the one in force. A cancellation is written into that row and also ends
 * the viewing consents ({@code consent_record}) given for that care setting that are still running, so 薬剤情報 and
 * the other viewing rights stop with it (they then read 2 同意有効期限切れ everywhere: results, files, screens).
 * Times are JST wall-clock values in the records and UTC instants in the table.
 */
@Repository
public class HomeCareConsentStore {

    private final JdbcClient jdbc;

    public HomeCareConsentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the consent a card confirmation for {@code treatment} gave (period: {@link ConsentRules}). */
    public HomeCareConsent recordGiven(String institutionCode, String personId, MedicalTreatmentFlag treatment,
            LocalDateTime now, String cardId) {
        HomeCareConsent consent = new HomeCareConsent(institutionCode, personId, treatment, now,
                ConsentRules.availableUntil(treatment, now), null, null);
        jdbc.sql("insert into home_care_consent (institution_code, person_id, treatment, consent_time, available_until, "
                        + "card_id) values (?, ?, ?, ?, ?, ?)")
                .params(institutionCode, personId, treatment.code(), utc(now), utc(consent.availableUntil()), cardId)
                .update();
        return consent;
    }

    /** The newest consent of the care setting the person gave the facility, in force or not. */
    public Optional<HomeCareConsent> latest(String institutionCode, String personId, MedicalTreatmentFlag treatment) {
        return jdbc.sql("select institution_code, person_id, treatment, consent_time, available_until, cancelled_at, "
                        + "cancellation_reason from home_care_consent where institution_code = ? and person_id = ? "
                        + "and treatment = ? order by consent_time desc, id desc")
                .params(institutionCode, personId, treatment.code())
                .query(HomeCareConsentStore::map).list().stream().findFirst();
    }

    /** The persons among {@code personIds} who ever gave the facility a consent for the care setting. */
    public List<String> withConsent(String institutionCode, Collection<String> personIds, MedicalTreatmentFlag treatment) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct person_id from home_care_consent where institution_code = :code "
                        + "and treatment = :treatment and person_id in (:ids) order by person_id")
                .param("code", institutionCode).param("treatment", treatment.code()).param("ids", personIds)
                .query(String.class).list();
    }

    /**
     * Cancels the consent in force (the newest row, if it is still running at {@code now}); empty when there is none
     * to cancel. Running viewing consents of the same care setting end at the same moment.
     */
    @Transactional
    public Optional<HomeCareConsent> cancel(String institutionCode, String personId, MedicalTreatmentFlag treatment,
            ConsentCancellationReason reason, LocalDateTime now, String cancelledBy) {
        Optional<HomeCareConsent> current = latest(institutionCode, personId, treatment);
        if (current.isEmpty() || current.get().statusAt(now) != org.openoqs.core.code.ConsentStatus.CONSENTED) {
            return Optional.empty();
        }
        Long id = jdbc.sql("select id from home_care_consent where institution_code = ? and person_id = ? "
                        + "and treatment = ? order by consent_time desc, id desc")
                .params(institutionCode, personId, treatment.code()).query(Long.class).list().get(0);
        int changed = jdbc.sql("update home_care_consent set cancelled_at = ?, cancellation_reason = ?, cancelled_by = ? "
                        + "where id = ? and cancelled_at is null")
                .params(utc(now), reason.code(), cancelledBy, id)
                .update();
        if (changed == 0) { // cancelled by someone else in between
            return Optional.empty();
        }
        jdbc.sql("update consent_record set available_until = ? where institution_code = ? and person_id = ? "
                        + "and treatment = ? and available_until > ?")
                .params(utc(now), institutionCode, personId, treatment.code(), utc(now))
                .update();
        return Optional.of(current.get().cancel(now, reason));
    }

    private static HomeCareConsent map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime cancelled = rs.getObject("cancelled_at", OffsetDateTime.class);
        return new HomeCareConsent(rs.getString("institution_code"), rs.getString("person_id"),
                CodeTable.find(MedicalTreatmentFlag.class, rs.getString("treatment")).orElseThrow(),
                jst(rs.getObject("consent_time", OffsetDateTime.class)),
                jst(rs.getObject("available_until", OffsetDateTime.class)),
                cancelled == null ? null : jst(cancelled),
                cancelled == null ? null
                        : CodeTable.find(ConsentCancellationReason.class, rs.getString("cancellation_reason")).orElseThrow());
    }

    private static OffsetDateTime utc(LocalDateTime jst) {
        return jst.atZone(ServerConfig.TOKYO).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime jst(OffsetDateTime t) {
        return t.atZoneSameInstant(ServerConfig.TOKYO).toLocalDateTime();
    }
}
