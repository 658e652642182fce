package org.openoqs.server.bulk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the {@code reference_number} table (V20__card_path.sql, kept by the 照会番号 registration) in batches: one
 * query per few hundred persons instead of one per person, which matters for a 10,000-person job.
 */
@Repository
class JdbcReferenceNumberDirectory implements ReferenceNumberDirectory {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    JdbcReferenceNumberDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> referenceNumbers(String institutionCode, Collection<String> personIds) {
        Map<String, String> out = new HashMap<>();
        List<String> ids = new ArrayList<>(personIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<Object> args = new ArrayList<>(part.size() + 1);
            args.add(institutionCode);
            args.addAll(part);
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            jdbc.query("select person_id, reference_number from reference_number where institution_code = ? "
                    + "and person_id in (" + marks + ")", rs -> {
                        out.put(rs.getString(1).strip(), rs.getString(2));
                    }, args.toArray());
        }
        return out;
    }
}
