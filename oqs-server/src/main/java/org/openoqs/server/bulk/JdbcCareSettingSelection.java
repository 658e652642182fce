package org.openoqs.server.bulk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.CareSettingCriteria;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.facility.Facility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The selections of the care-setting flows, as queries over the registry, the 照会番号 and the consents:
 *
 * <ul>
 *   <li>医療扶助 ({@code OQSmutic}, a 診療年月): persons with a 医療扶助 qualification in force at some time in the
 *       month who are this facility's patients — it registered a 照会番号 for them, or a 医療券・調剤券 of the month
 *       names it as 指定医療機関;</li>
 *   <li>訪問診療等 / オンライン診療等 by 同意日: persons whose latest consent for that care setting at this facility was
 *       given in the range (JST days, inclusive);</li>
 *   <li>オンライン診療等 by 受診日: persons confirmed for オンライン診療等 at this facility on a day in the range
 *       (every card confirmation records the patient's consent choices; openoqs keeps no other record of an
 *       examination).</li>
 * </ul>
 */
@Repository
class JdbcCareSettingSelection implements CareSettingSelection {

    private static final ZoneId JST = ServerConfig.TOKYO;

    private final JdbcTemplate jdbc;

    JdbcCareSettingSelection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> select(BulkKind kind, Facility facility, CareSettingCriteria criteria) {
        String code = facility.institutionCode();
        if (criteria instanceof CareSettingCriteria.TreatmentMonth m) {
            return medicalAssistanceRecipients(code, m.month());
        }
        if (criteria instanceof CareSettingCriteria.ConsentDates d) {
            return jdbc.queryForList("select person_id from consent_record where institution_code = ? and treatment = ? "
                            + "group by person_id having max(consent_time) >= ? and max(consent_time) < ? "
                            + "order by person_id", String.class,
                    code, treatment(kind).code(), startOf(d.from()), startOf(d.to().plusDays(1)));
        }
        CareSettingCriteria.ExaminationDates d = (CareSettingCriteria.ExaminationDates) criteria;
        return jdbc.queryForList("select distinct person_id from consent_record where institution_code = ? "
                        + "and treatment = ? and consent_time >= ? and consent_time < ? order by person_id", String.class,
                code, treatment(kind).code(), startOf(d.from()), startOf(d.to().plusDays(1)));
    }

    private List<String> medicalAssistanceRecipients(String institutionCode, YearMonth month) {
        return jdbc.queryForList("select distinct q.person_id from qualification q "
                        + "where (q.insured_card_classification = 'A1' or q.insurer_number like '12%') "
                        + "and q.qualification_date <= ? and (q.disqualification_date is null or q.disqualification_date > ?) "
                        + "and (exists (select 1 from reference_number r where r.institution_code = ? "
                        + "and r.person_id = q.person_id) "
                        + "or exists (select 1 from medical_ticket t where t.qualification_id = q.qualification_id "
                        + "and t.medical_treatment_month = ? and t.designated_medical_institution_code = ?)) "
                        + "order by q.person_id", String.class,
                month.atEndOfMonth(), month.atDay(1), institutionCode,
                CareSettingCriteria.MONTH.format(month), institutionCode);
    }

    private static MedicalTreatmentFlag treatment(BulkKind kind) {
        return switch (kind) {
            case HOME_VISIT -> MedicalTreatmentFlag.HOME_VISIT;
            case ONLINE_CARE -> MedicalTreatmentFlag.ONLINE;
            default -> throw new IllegalArgumentException(kind + " selects by 診療年月, not by consent");
        };
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(JST).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
