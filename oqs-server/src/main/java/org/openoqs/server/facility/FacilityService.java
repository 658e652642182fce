package org.openoqs.server.facility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.number.InstitutionCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration and settings of facilities. Every terminal-API request reads its caller's facility, so {@link #find}
 * answers from a cache that stays correct across stateless instances sharing the database: every change here bumps
 * the shared {@link CacheVersion} in its own transaction, so it applies to this instance's next request and to every
 * other instance within {@link CacheVersion#BOUND} (docs/performance.md).
 */
@Service
public class FacilityService {

    private static final String COLUMNS = "institution_code, name, score_table, is_hospital, character_code, "
            + "use_operation_info, use_e_prescription, use_e_karte_sharing, use_medical_assistance, "
            + "use_emergency_info, use_smartphone, created_at";

    /** Far above any number of facilities; a bound against growth, not an eviction policy. */
    private static final int MAX_CACHED = 100_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CacheVersion cacheVersion;
    private final TransactionTemplate tx;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** A facility as read when the cache's generation was {@code generation}. */
    private record Cached(long generation, Facility facility) {
    }

    public FacilityService(JdbcClient jdbc, Clock clock, CacheVersion cacheVersion,
                           PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cacheVersion = cacheVersion;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Registers a clinic (診療所) with default settings. */
    public Facility create(String institutionCode, String name) {
        return create(institutionCode, name, false);
    }

    /**
     * Registers a facility with default settings (every opt-in 利用しない, UTF-8).
     *
     * @throws org.openoqs.core.number.InvalidNumberException when the code is not a valid 10-digit code
     * @throws FacilityAlreadyExistsException                  when the code is taken
     */
    public Facility create(String institutionCode, String name, boolean hospital) {
        InstitutionCode code = InstitutionCode.parse(institutionCode);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("医療機関名称を指定してください");
        }
        FacilityKind kind = FacilityKind.ofScoreTable(code.scoreTable());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try {
            tx.executeWithoutResult(status -> {
                jdbc.sql("insert into facility (institution_code, name, score_table, is_hospital, created_at, "
                                + "updated_at) values (?, ?, ?, ?, ?, ?)")
                        .params(code.digits(), name.strip(), String.valueOf(kind.scoreTable()), hospital, now, now)
                        .update();
                cacheVersion.bump();
            });
        } catch (DuplicateKeyException e) {
            throw new FacilityAlreadyExistsException(code.digits());
        }
        cacheVersion.changedHere();
        return get(code.digits());
    }

    /** The facility as registered; from the cache while {@link CacheVersion#current} says it may be served. */
    public Optional<Facility> find(String institutionCode) {
        if (institutionCode == null) {
            return Optional.empty();
        }
        Cached cached = cache.get(institutionCode);
        if (cached != null && cacheVersion.current(cached.generation())) {
            return Optional.of(cached.facility());
        }
        long generation = cacheVersion.generation(); // before the read: a change meanwhile outdates the entry
        Optional<Facility> read = jdbc.sql("select " + COLUMNS + " from facility where institution_code = ?")
                .param(institutionCode)
                .query(FacilityService::map)
                .optional();
        // only registered facilities: unknown codes come from requests and would grow the map without end
        read.ifPresent(facility -> remember(institutionCode, new Cached(generation, facility)));
        return read;
    }

    private void remember(String institutionCode, Cached entry) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(institutionCode, entry);
    }

    /** @throws FacilityNotFoundException when unknown */
    public Facility get(String institutionCode) {
        return find(institutionCode).orElseThrow(() -> new FacilityNotFoundException(institutionCode));
    }

    public List<Facility> list() {
        return jdbc.sql("select " + COLUMNS + " from facility order by institution_code").query(FacilityService::map).list();
    }

    /** Replaces the facility's 環境設定. 救急時医療情報閲覧 can only be switched on for hospitals. */
    public Facility updateSettings(String institutionCode, FacilitySettings settings) {
        Objects.requireNonNull(settings, "settings");
        Facility facility = get(institutionCode);
        if (settings.emergencyInfo() && !facility.hospital()) {
            throw new IllegalArgumentException("救急時医療情報閲覧は病院のみ利用できます");
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("update facility set character_code = ?, use_operation_info = ?, use_e_prescription = ?, "
                            + "use_e_karte_sharing = ?, use_medical_assistance = ?, use_emergency_info = ?, "
                            + "use_smartphone = ?, updated_at = ? where institution_code = ?")
                    .params(settings.characterCode().code(), flag(settings.operationInfo()),
                            Short.parseShort(settings.ePrescription().code()), flag(settings.eKarteSharing()),
                            flag(settings.medicalAssistance()), flag(settings.emergencyInfo()),
                            flag(settings.smartphone()), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                            facility.institutionCode())
                    .update();
            cacheVersion.bump();
        });
        cacheVersion.changedHere();
        return get(institutionCode);
    }

    /** 医療扶助 opt-in (the demo switches it on so that persona outcome 6 shows). */
    public Facility setMedicalAssistance(String institutionCode, boolean enabled) {
        return updateSettings(institutionCode, get(institutionCode).settings().withMedicalAssistance(enabled));
    }

    /** The character code the facility's terminal writes result files in. */
    public Facility setCharacterCode(String institutionCode, CharacterCode characterCode) {
        return updateSettings(institutionCode, get(institutionCode).settings().withCharacterCode(characterCode));
    }

    private static short flag(boolean on) {
        return (short) (on ? 1 : 0);
    }

    private static Facility map(ResultSet rs, int row) throws SQLException {
        String cc = rs.getString("character_code");
        FacilitySettings settings = new FacilitySettings(
                CodeTable.find(CharacterCode.class, cc).orElse(CharacterCode.UTF_8),
                rs.getInt("use_operation_info") == 1,
                EPrescriptionUse.ofCode(Integer.toString(rs.getInt("use_e_prescription"))),
                rs.getInt("use_e_karte_sharing") == 1,
                rs.getInt("use_medical_assistance") == 1,
                rs.getInt("use_emergency_info") == 1,
                rs.getInt("use_smartphone") == 1);
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new Facility(rs.getString("institution_code"), rs.getString("name"),
                FacilityKind.ofScoreTable(rs.getString("score_table").charAt(0)), rs.getBoolean("is_hospital"),
                settings, created == null ? null : created.toInstant());
    }
}
