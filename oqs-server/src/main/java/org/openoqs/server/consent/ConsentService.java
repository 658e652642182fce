package org.openoqs.server.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.server.ServerConfig;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Consents given on the reader ({@code consent_record}): recorded with time and end of the viewing period, never
 * updated. The newest record of a category is the one in force, so a later confirmation without a category does not
 * erase an earlier consent that is still running (the patient did not withdraw it, they were just not asked).
 * Times are JST wall-clock values in the records and UTC instants in the table.
 */
@Service
public class ConsentService {

    private final JdbcClient jdbc;

    public ConsentService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Collection<ConsentRecord> records, String cardId, String presenceMethod) {
        for (ConsentRecord r : records) {
            jdbc.sql("insert into consent_record (institution_code, person_id, category, treatment, consent_time, "
                            + "available_until, card_id, presence_method) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(r.institutionCode(), r.personId(), r.category().name(), r.treatment().code(),
                            utc(r.consentTime()), utc(r.availableUntil()), cardId, presenceMethod)
                    .update();
        }
    }

    /** The newest consent of each category the person gave the facility (in force or not). */
    public Map<ConsentCategory, ConsentRecord> latest(String institutionCode, String personId) {
        Map<ConsentCategory, ConsentRecord> out = new EnumMap<>(ConsentCategory.class);
        if (personId == null) {
            return out;
        }
        List<ConsentRecord> all = jdbc.sql("select institution_code, person_id, category, treatment, consent_time, "
                        + "available_until from consent_record where institution_code = ? and person_id = ? "
                        + "order by consent_time, id")
                .params(institutionCode, personId)
                .query(ConsentService::map).list();
        for (ConsentRecord r : all) {
            out.put(r.category(), r); // ascending order: the newest wins
        }
        return out;
    }

    private static ConsentRecord map(ResultSet rs, int row) throws SQLException {
        return new ConsentRecord(rs.getString("institution_code"), rs.getString("person_id"),
                ConsentCategory.valueOf(rs.getString("category")),
                CodeTable.find(MedicalTreatmentFlag.class, rs.getString("treatment")).orElse(MedicalTreatmentFlag.OUTPATIENT),
                jst(rs.getObject("consent_time", OffsetDateTime.class)),
                jst(rs.getObject("available_until", OffsetDateTime.class)));
    }

    private static OffsetDateTime utc(LocalDateTime jst) {
        return jst.atZone(ServerConfig.TOKYO).toOffsetDateTime().withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }

    private static LocalDateTime jst(OffsetDateTime t) {
        return t.atZoneSameInstant(ServerConfig.TOKYO).toLocalDateTime();
    }
}
