package org.openoqs.server.reference;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 照会番号 per facility and person ({@code reference_number}). A person has at most one per facility (registering
 * again replaces it), and a number names at most one person per facility.
 */
@Service
public class ReferenceNumberService {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ReferenceNumberService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> lookup(String institutionCode, String personId) {
        if (personId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select reference_number from reference_number where institution_code = ? and person_id = ?")
                .params(institutionCode, personId).query(String.class).optional();
    }

    /** Outcome of {@link #register}. */
    public enum Registration { REGISTERED, UNCHANGED, NUMBER_IN_USE }

    /** Registers (or replaces) the person's number at the facility; refuses a number held by someone else. */
    @Transactional
    public Registration register(String institutionCode, String personId, String referenceNumber) {
        Optional<String> holder = jdbc.sql("select person_id from reference_number where institution_code = ? "
                + "and reference_number = ?").params(institutionCode, referenceNumber).query(String.class).optional();
        if (holder.isPresent()) {
            return holder.get().equals(personId) ? Registration.UNCHANGED : Registration.NUMBER_IN_USE;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try {
            int updated = jdbc.sql("update reference_number set reference_number = ?, registered_at = ? "
                    + "where institution_code = ? and person_id = ?")
                    .params(referenceNumber, now, institutionCode, personId).update();
            if (updated == 0) {
                jdbc.sql("insert into reference_number (institution_code, person_id, reference_number, registered_at) "
                        + "values (?, ?, ?, ?)").params(institutionCode, personId, referenceNumber, now).update();
            }
        } catch (DuplicateKeyException raced) {
            return Registration.NUMBER_IN_USE; // another request took the number between our check and write
        }
        return Registration.REGISTERED;
    }
}
