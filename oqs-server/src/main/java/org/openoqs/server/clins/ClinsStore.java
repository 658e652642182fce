package org.openoqs.server.clins;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.clins.ClinsKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The CLINS tables (V100__clins.sql): one {@code clins_bundle} row per registered Bundle, one {@code clins_item} row
 * per resource. Callers hold the transaction ({@link ClinsRegistrationService}); this class only reads and writes.
 */
@Repository
public class ClinsStore {

    /** 5情報 are kept 5 years after registration; with the LTS tag until deleted (§1.9, docs/clins.md). */
    public static final int RETENTION_YEARS = 5;

    /** A registered Bundle as the facility's list shows it. */
    public record StoredBundle(long bundleId, String identifier, String institutionCode, String personId,
            String memberId, String resourceType, int entryCount, Instant registeredAt) {
    }

    /** One stored resource, with the fields the views filter on and its JSON. */
    public record StoredItem(long itemId, String identifier, String institutionCode, ClinsKind kind, String itemKey,
            String display, LocalDate clinicalDate, boolean unconfirmed, boolean undelivered, boolean uninformed,
            boolean longTerm, LocalDate retainUntil, Instant registeredAt, String resourceJson) {
    }

    private final JdbcClient jdbc;

    public ClinsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The Bundle of this identifier, locked for the rest of the transaction. */
    Optional<StoredBundle> lock(String identifier) {
        return jdbc.sql("select bundle_id, identifier_value, institution_code, person_id, member_id, resource_type, "
                        + "entry_count, registered_at from clins_bundle where identifier_value = ? for update")
                .param(identifier).query(ClinsStore::bundle).optional();
    }

    void delete(long bundleId) {
        jdbc.sql("delete from clins_item where bundle_id = ?").param(bundleId).update();
        jdbc.sql("delete from clins_bundle where bundle_id = ?").param(bundleId).update();
    }

    /** Inserts the Bundle and its items; a concurrent insert of the same identifier fails on the unique key. */
    long insert(ClinsUpload upload, String institutionCode, String personId, String memberIdText, byte[] bundleJson,
            List<String> entryJson, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into clins_bundle (identifier_value, institution_code, person_id, member_id, resource_type, "
                        + "entry_count, registered_at, bundle_json) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(upload.identifier().value(), institutionCode, personId, memberIdText, upload.resourceType(),
                        upload.entries().size(), at, bundleJson)
                .update(key, "bundle_id");
        long bundleId = key.getKey().longValue();
        LocalDate registered = at.atZoneSameInstant(ClinsInformation.TOKYO).toLocalDate();
        for (int n = 0; n < upload.entries().size(); n++) {
            ClinsUpload.Entry e = upload.entries().get(n);
            jdbc.sql("insert into clins_item (bundle_id, person_id, institution_code, kind, item_key, display, "
                            + "clinical_date, unconfirmed, undelivered, uninformed, long_term, retain_until, resource_json) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(bundleId, personId, institutionCode, e.kind().name(), e.itemKey(), cut(e.display(), 400),
                            e.clinicalDate(), e.unconfirmed(), e.undelivered(), e.uninformed(), e.longTerm(),
                            e.longTerm() ? null : registered.plusYears(RETENTION_YEARS),
                            entryJson.get(n).getBytes(StandardCharsets.UTF_8))
                    .update();
        }
        return bundleId;
    }

    /** The facility's own registrations, newest first. */
    public List<StoredBundle> bundlesOf(String institutionCode) {
        return jdbc.sql("select bundle_id, identifier_value, institution_code, person_id, member_id, resource_type, "
                        + "entry_count, registered_at from clins_bundle where institution_code = ? "
                        + "order by registered_at desc, bundle_id desc")
                .param(institutionCode).query(ClinsStore::bundle).list();
    }

    public Optional<StoredBundle> bundle(String identifier) {
        return jdbc.sql("select bundle_id, identifier_value, institution_code, person_id, member_id, resource_type, "
                        + "entry_count, registered_at from clins_bundle where identifier_value = ?")
                .param(identifier).query(ClinsStore::bundle).optional();
    }

    /** Every item of the person from every facility that is still within its retention on {@code today}. */
    public List<StoredItem> itemsOf(String personId, LocalDate today) {
        return jdbc.sql("select i.item_id, b.identifier_value, i.institution_code, i.kind, i.item_key, i.display, "
                        + "i.clinical_date, i.unconfirmed, i.undelivered, i.uninformed, i.long_term, i.retain_until, "
                        + "b.registered_at, i.resource_json from clins_item i join clins_bundle b on b.bundle_id = i.bundle_id "
                        + "where i.person_id = ? and (i.retain_until is null or i.retain_until >= ?) order by i.item_id")
                .params(personId, today).query(ClinsStore::item).list();
    }

    /** Deletes the items past their retention (and Bundles left without items); returns the items deleted. */
    public int purgeExpired(LocalDate today) {
        int items = jdbc.sql("delete from clins_item where retain_until < ?").param(today).update();
        if (items > 0) {
            jdbc.sql("delete from clins_bundle where entry_count > 0 and not exists "
                    + "(select 1 from clins_item i where i.bundle_id = clins_bundle.bundle_id)").update();
        }
        return items;
    }

    private static StoredBundle bundle(ResultSet rs, int row) throws SQLException {
        return new StoredBundle(rs.getLong("bundle_id"), rs.getString("identifier_value"), rs.getString("institution_code"),
                rs.getString("person_id"), rs.getString("member_id"), rs.getString("resource_type"),
                rs.getInt("entry_count"), rs.getObject("registered_at", OffsetDateTime.class).toInstant());
    }

    private static StoredItem item(ResultSet rs, int row) throws SQLException {
        return new StoredItem(rs.getLong("item_id"), rs.getString("identifier_value"), rs.getString("institution_code"),
                ClinsKind.valueOf(rs.getString("kind")), rs.getString("item_key"), rs.getString("display"),
                rs.getObject("clinical_date", LocalDate.class), rs.getBoolean("unconfirmed"), rs.getBoolean("undelivered"),
                rs.getBoolean("uninformed"), rs.getBoolean("long_term"), rs.getObject("retain_until", LocalDate.class),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
                new String(rs.getBytes("resource_json"), StandardCharsets.UTF_8));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
