package org.openoqs.server.bulk;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.server.ServerConfig;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code consent_record} (V20__card_path.sql, written by the card path when a patient confirms on the reader)
 * a few hundred persons per query. The newest row of a category is the one in force, whatever its care setting, as
 * {@link org.openoqs.server.consent.ConsentService} defines it.
 */
@Repository
class JdbcConsentDirectory implements ConsentDirectory {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    JdbcConsentDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Map<ConsentCategory, ConsentRecord>> latestConsents(String institutionCode,
            Collection<String> personIds) {
        Map<String, Map<ConsentCategory, ConsentRecord>> out = new HashMap<>();
        List<String> ids = new ArrayList<>(personIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<Object> args = new ArrayList<>();
            args.add(institutionCode);
            args.addAll(part);
            jdbc.query("select person_id, category, treatment, consent_time, available_until from consent_record "
                    + "where institution_code = ? and person_id in ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ") order by consent_time, id", rs -> {
                        Optional<ConsentCategory> category = ConsentCategory.ofName(rs.getString("category"));
                        Optional<MedicalTreatmentFlag> treatment = CodeTable.find(MedicalTreatmentFlag.class,
                                rs.getString("treatment"));
                        if (category.isEmpty() || treatment.isEmpty()) {
                            return; // a category or care setting this version does not know
                        }
                        String person = rs.getString("person_id").strip();
                        ConsentRecord record = new ConsentRecord(institutionCode, person, category.get(), treatment.get(),
                                jst(rs.getObject("consent_time", OffsetDateTime.class)),
                                jst(rs.getObject("available_until", OffsetDateTime.class)));
                        // ordered by time: a later row replaces an earlier one
                        out.computeIfAbsent(person, p -> new EnumMap<>(ConsentCategory.class)).put(category.get(), record);
                    }, args.toArray());
        }
        return out;
    }

    private static LocalDateTime jst(OffsetDateTime t) {
        return t.atZoneSameInstant(ServerConfig.TOKYO).toLocalDateTime();
    }
}
