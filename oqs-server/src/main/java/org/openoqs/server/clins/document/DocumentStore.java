package org.openoqs.server.clins.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code clins_document} table (V131__clins_documents.sql). Callers hold the transaction
 * ({@link DocumentService}); this class only reads and writes.
 */
@Repository
public class DocumentStore {

    /** 健康診断結果報告書 are kept 5 years in OQS (§1.9). */
    public static final int CHECKUP_RETENTION_YEARS = 5;

    public enum Status { ACTIVE, CANCELLED }

    /** One registered document, without its Bundle. */
    public record StoredDocument(long documentId, String identifier, DocumentKind kind, String institutionCode,
            String destinationCode, String personId, String memberId, String version, boolean dischargeSummary,
            int attachments, boolean verbalConsent, Status status, Instant registeredAt, Instant changedAt,
            Instant cancelledAt, Instant receivedAt) {
    }

    private static final String COLUMNS = "document_id, identifier_value, kind, institution_code, destination_code, "
            + "person_id, member_id, document_version, discharge_summary, attachments, verbal_consent, status, "
            + "registered_at, changed_at, cancelled_at, received_at";

    private final JdbcClient jdbc;

    public DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredDocument> lock(String identifier) {
        return jdbc.sql("select " + COLUMNS + " from clins_document where identifier_value = ? for update")
                .param(identifier).query(DocumentStore::row).optional();
    }

    public Optional<StoredDocument> find(String identifier) {
        return jdbc.sql("select " + COLUMNS + " from clins_document where identifier_value = ?")
                .param(identifier).query(DocumentStore::row).optional();
    }

    /** Inserts a new document; a concurrent insert of the same identifier fails on the unique key. */
    void insert(DocumentUpload upload, String institutionCode, String personId, boolean verbalConsent, byte[] bundle,
            Instant now, LocalDate retainUntil) {
        jdbc.sql("insert into clins_document (identifier_value, kind, institution_code, destination_code, person_id, "
                        + "member_id, document_version, discharge_summary, attachments, verbal_consent, status, "
                        + "registered_at, retain_until, bundle_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(upload.identifier().value(), upload.kind().name(), institutionCode, upload.destinationCode(),
                        personId, upload.memberIdText(), upload.version(), upload.dischargeSummary(), upload.attachments(),
                        verbalConsent, Status.ACTIVE.name(), utc(now), retainUntil, bundle)
                .update();
    }

    /** 変更: the Bundle and what is derived from it replaced; a verbal consent once sent is kept. */
    void change(long documentId, DocumentUpload upload, boolean verbalConsent, byte[] bundle, Instant now) {
        jdbc.sql("update clins_document set document_version = ?, discharge_summary = ?, attachments = ?, "
                        + "verbal_consent = verbal_consent or ?, changed_at = ?, bundle_json = ? where document_id = ?")
                .params(upload.version(), upload.dischargeSummary(), upload.attachments(), verbalConsent, utc(now), bundle,
                        documentId)
                .update();
    }

    void status(long documentId, Status status, Instant cancelledAt) {
        jdbc.sql("update clins_document set status = ?, cancelled_at = ? where document_id = ?")
                .params(status.name(), cancelledAt == null ? null : utc(cancelledAt), documentId).update();
    }

    void received(long documentId, Instant now) {
        jdbc.sql("update clins_document set received_at = ? where document_id = ? and received_at is null")
                .params(utc(now), documentId).update();
    }

    /** The sender's own documents, newest first. */
    public List<StoredDocument> sentBy(String institutionCode) {
        return jdbc.sql("select " + COLUMNS + " from clins_document where institution_code = ? "
                        + "order by registered_at desc, document_id desc")
                .param(institutionCode).query(DocumentStore::row).list();
    }

    /** The active documents addressed to a facility, oldest first (the order they arrived). */
    public List<StoredDocument> addressedTo(String institutionCode) {
        return jdbc.sql("select " + COLUMNS + " from clins_document where destination_code = ? and status = ? "
                        + "order by registered_at, document_id")
                .params(institutionCode, Status.ACTIVE.name()).query(DocumentStore::row).list();
    }

    /**
     * A person's active 健康診断結果報告書 still retained on {@code today} (registered by any facility), newest first:
     * what another facility may view with the patient's 特定健診情報 consent.
     */
    public List<StoredDocument> checkupsOf(String personId, LocalDate today) {
        return jdbc.sql("select " + COLUMNS + " from clins_document where person_id = ? and kind = ? and status = ? "
                        + "and retain_until >= ? order by registered_at desc, document_id desc")
                .params(personId, DocumentKind.CHECKUP.name(), Status.ACTIVE.name(), today)
                .query(DocumentStore::row).list();
    }

    public byte[] bundle(long documentId) {
        return jdbc.sql("select bundle_json from clins_document where document_id = ?").param(documentId)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static StoredDocument row(ResultSet rs, int n) throws SQLException {
        return new StoredDocument(rs.getLong("document_id"), rs.getString("identifier_value"),
                DocumentKind.valueOf(rs.getString("kind")), rs.getString("institution_code"),
                rs.getString("destination_code"), rs.getString("person_id"), rs.getString("member_id"),
                rs.getString("document_version"), rs.getBoolean("discharge_summary"), rs.getInt("attachments"),
                rs.getBoolean("verbal_consent"), Status.valueOf(rs.getString("status")), instant(rs, "registered_at"),
                instant(rs, "changed_at"), instant(rs, "cancelled_at"), instant(rs, "received_at"));
    }
}
