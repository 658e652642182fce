package org.openoqs.server.card;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openoqs.core.card.CredentialKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code card_credential} table: certificates of card credentials, their revocations. */
@Repository
public class CardCredentialStore {

    private final JdbcClient jdbc;

    public CardCredentialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The certificate in force for the card's credential (revoked or not); superseded ones are never current. */
    public Optional<StoredCredential> current(String cardId, CredentialKind kind) {
        return jdbc.sql("select serial_hex, card_id, credential_kind, certificate_pem, not_before, not_after, issued_at, "
                        + "revoked_at from card_credential where card_id = ? and credential_kind = ? "
                        + "and current_marker = 'Y'")
                .params(cardId, kind.name())
                .query(CardCredentialStore::map)
                .optional();
    }

    /**
     * Inserts the credential's new current certificate. The unique constraint {@code card_credential_current_uk}
     * (V85) refuses a second current one, so of two issuances racing for one credential only one commits.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when the credential already has a current one
     */
    public void insert(StoredCredential c, String issuedBy) {
        jdbc.sql("insert into card_credential (serial_hex, card_id, credential_kind, certificate_pem, not_before, "
                        + "not_after, issued_at, issued_by, current_marker) values (?, ?, ?, ?, ?, ?, ?, ?, 'Y')")
                .params(c.serialHex(), c.cardId(), c.kind().name(), c.certificatePem(), utc(c.notBefore()),
                        utc(c.notAfter()), utc(c.issuedAt()), issuedBy)
                .update();
    }

    /** The certificate is no longer the credential's current one (a new card replaced it); it stays for the CRL. */
    public void supersede(String serialHex) {
        jdbc.sql("update card_credential set current_marker = null where serial_hex = ?").param(serialHex).update();
    }

    /** Revokes (idempotent: the first revocation time stays). */
    public void revoke(String serialHex, String reason, Instant at) {
        jdbc.sql("update card_credential set revoked_at = ?, revocation_reason = ? where serial_hex = ? and revoked_at is null")
                .params(utc(at), reason, serialHex)
                .update();
    }

    /** Every revoked serial with its revocation time, for the CRL. */
    public Map<BigInteger, Instant> revoked() {
        Map<BigInteger, Instant> out = new LinkedHashMap<>();
        jdbc.sql("select serial_hex, revoked_at from card_credential where revoked_at is not null order by serial_hex")
                .query((rs, row) -> {
                    out.put(new BigInteger(rs.getString(1), 16), rs.getObject(2, OffsetDateTime.class).toInstant());
                    return null;
                }).list();
        return out;
    }

    private static StoredCredential map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new StoredCredential(rs.getString("serial_hex"), rs.getString("card_id"),
                CredentialKind.valueOf(rs.getString("credential_kind")), rs.getString("certificate_pem"),
                rs.getObject("not_before", OffsetDateTime.class).toInstant(),
                rs.getObject("not_after", OffsetDateTime.class).toInstant(),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
