package org.openoqs.server.eps;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.codec.eps.DispensingResults;
import org.openoqs.core.codec.eps.EpsRequests;
import org.openoqs.core.eps.DispensingResult;
import org.openoqs.core.eps.InsuredPatient;
import org.openoqs.core.eps.PrescriptionDocument;
import org.openoqs.core.eps.PrescriptionStatus;
import org.openoqs.core.registry.InsuranceIdentifiers;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code eps_prescription}: registration, look-ups and the status moves. Every move is a conditional update on the
 * status it starts from, so two instances (or two retries) racing for the same prescription cannot both win; the
 * loser re-reads and is judged again by {@link PrescriptionStatus}.
 */
@Component
public class PrescriptionStore {

    private static final String COLUMNS = "prescription_id, access_code, institution_code, issue_type, status, "
            + "signed_payload, signer, doctor_name, issue_date, expiry_date, insurer_number, patient_name, birthdate, "
            + "created_at, cancelled_at, pharmacy_code, received_at, dispensed_at, dispensing_result";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ACCESS_CODE_ATTEMPTS = 8;
    private static final XmlDocumentReader READER = new XmlDocumentReader(1024 * 1024);

    private final JdbcClient jdbc;

    public PrescriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A registration: the stored prescription, and whether this call created it (false: a concurrent twin did). */
    public record Registered(StoredPrescription prescription, boolean created) {
    }

    /** The earlier registration of the same signed payload by the facility, if any. */
    public Optional<StoredPrescription> findByPayload(String institutionCode, byte[] signedPayload) {
        return jdbc.sql("select " + COLUMNS + " from eps_prescription where institution_code = ? and payload_sha256 = ?")
                .params(institutionCode, sha256(signedPayload)).query(PrescriptionStore::map).optional();
    }

    /**
     * Registers a verified prescription with a fresh id and 引換番号. When the same payload was registered
     * concurrently, the other registration is returned.
     */
    public Registered register(PrescriptionDocument document, PrescriptionIssueSelect issueType,
            byte[] signedPayload, String signer, Instant now) {
        InsuredPatient p = document.patient();
        for (int attempt = 0; attempt < ACCESS_CODE_ATTEMPTS; attempt++) {
            String id = UUID.randomUUID().toString();
            try {
                jdbc.sql("insert into eps_prescription (prescription_id, access_code, institution_code, issue_type, status, "
                                + "signed_payload, payload_sha256, signer, doctor_name, issue_date, expiry_date, insurer_number, "
                                + "insured_card_symbol_key, insured_identification_key, insured_branch_key, patient_name, "
                                + "birthdate, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(id, newAccessCode(), document.medicalInstitutionCode(), issueType.code(),
                                PrescriptionStatus.UNRECEIVED.code(), signedPayload, sha256(signedPayload), signer,
                                document.doctorName(), document.issueDate(), document.expiryDate(), p.insurerNumber(),
                                InsuranceIdentifiers.normalize(p.insuredCardSymbol()),
                                InsuranceIdentifiers.normalize(p.insuredIdentificationNumber()),
                                InsuranceIdentifiers.normalizeBranch(p.insuredBranchNumber()), p.name(), p.birthdate(),
                                utc(now))
                        .update();
                return new Registered(get(id).orElseThrow(), true);
            } catch (DuplicateKeyException collision) {
                Optional<StoredPrescription> same = findByPayload(document.medicalInstitutionCode(), signedPayload);
                if (same.isPresent()) {
                    return new Registered(same.get(), false);
                }
                // an 引換番号 collision: draw again
            }
        }
        throw new IllegalStateException("no free 引換番号 after " + ACCESS_CODE_ATTEMPTS + " attempts");
    }

    public Optional<StoredPrescription> get(String prescriptionId) {
        return jdbc.sql("select " + COLUMNS + " from eps_prescription where prescription_id = ?")
                .param(prescriptionId).query(PrescriptionStore::map).optional();
    }

    public Optional<StoredPrescription> findByAccessCode(String accessCode, LocalDate birthdate) {
        return jdbc.sql("select " + COLUMNS + " from eps_prescription where access_code = ? and birthdate = ?")
                .params(accessCode, birthdate).query(PrescriptionStore::map).optional();
    }

    /** The facility's own prescriptions for these insurance numbers, issued in the range, newest first. */
    public List<StoredPrescription> search(String institutionCode, EpsRequests.Search s) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from eps_prescription where institution_code = ? "
                + "and insurer_number = ? and insured_identification_key = ? and issue_date between ? and ?");
        List<Object> params = new java.util.ArrayList<>(List.of(institutionCode, s.insurerNumber(),
                InsuranceIdentifiers.normalize(s.identificationNumber()), s.from(), s.to()));
        if (!InsuranceIdentifiers.isAbsent(s.symbol())) {
            sql.append(" and insured_card_symbol_key = ?");
            params.add(InsuranceIdentifiers.normalize(s.symbol()));
        }
        if (!InsuranceIdentifiers.isAbsent(s.branch())) {
            sql.append(" and insured_branch_key = ?");
            params.add(InsuranceIdentifiers.normalizeBranch(s.branch()));
        }
        sql.append(" order by created_at desc, prescription_id limit 1000");
        return jdbc.sql(sql.toString()).params(params).query(PrescriptionStore::map).list();
    }

    /**
     * One patient's prescriptions at every facility (for 薬剤情報, docs/medical-information.md): those with these
     * insurance numbers and birthdate, not cancelled, issued or dispensed in the range. 記号 and 枝番 are compared when
     * both sides have one, as everywhere (twins share numbers and a birthdate; their 枝番 tells them apart).
     */
    public List<StoredPrescription> ofPatient(String insurerDigits, String symbol, String number, String branch,
            LocalDate birthdate, LocalDate start, LocalDate end) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from eps_prescription where insurer_number = ? "
                + "and insured_identification_key = ? and birthdate = ? and status <> ? "
                + "and (issue_date between ? and ? or dispensing_date between ? and ?)");
        List<Object> params = new java.util.ArrayList<>(List.of(insurerDigits, InsuranceIdentifiers.normalize(number),
                birthdate, PrescriptionStatus.CANCELLED.code(), start, end, start, end));
        if (!InsuranceIdentifiers.isAbsent(symbol)) {
            sql.append(" and (insured_card_symbol_key = '' or insured_card_symbol_key = ?)");
            params.add(InsuranceIdentifiers.normalize(symbol));
        }
        if (!InsuranceIdentifiers.isAbsent(branch)) {
            sql.append(" and (insured_branch_key = '' or insured_branch_key = ?)");
            params.add(InsuranceIdentifiers.normalizeBranch(branch));
        }
        sql.append(" order by issue_date, created_at, prescription_id limit 1000");
        return jdbc.sql(sql.toString()).params(params).query(PrescriptionStore::map).list();
    }

    /** Prescriptions the facility issued, or (a pharmacy) dispensed, with a 調剤年月日 in the range. */
    public List<StoredPrescription> dispensed(String institutionCode, LocalDate start, LocalDate end) {
        return jdbc.sql("select " + COLUMNS + " from eps_prescription where (institution_code = ? or pharmacy_code = ?) "
                        + "and dispensing_date between ? and ? order by dispensing_date, dispensed_at, prescription_id limit 5000")
                .params(institutionCode, institutionCode, start, end).query(PrescriptionStore::map).list();
    }

    /** The facility's prescriptions issued in the range, newest first (portal list). */
    public List<StoredPrescription> issuedBetween(String institutionCode, LocalDate start, LocalDate end, int limit) {
        return jdbc.sql("select " + COLUMNS + " from eps_prescription where institution_code = ? "
                        + "and issue_date between ? and ? order by created_at desc, prescription_id limit ?")
                .params(institutionCode, start, end, limit).query(PrescriptionStore::map).list();
    }

    /** 未受付 → 取消済; false when the prescription was not 未受付 any more. */
    public boolean cancel(String prescriptionId, Instant now) {
        return jdbc.sql("update eps_prescription set status = ?, cancelled_at = ? where prescription_id = ? and status = ?")
                .params(PrescriptionStatus.CANCELLED.code(), utc(now), prescriptionId, PrescriptionStatus.UNRECEIVED.code())
                .update() == 1;
    }

    /** 未受付 → 調剤中 for the pharmacy; false when it was not 未受付 any more. */
    public boolean receive(String prescriptionId, String pharmacyCode, Instant now) {
        return jdbc.sql("update eps_prescription set status = ?, pharmacy_code = ?, received_at = ? "
                        + "where prescription_id = ? and status = ?")
                .params(PrescriptionStatus.DISPENSING.code(), pharmacyCode, utc(now), prescriptionId,
                        PrescriptionStatus.UNRECEIVED.code())
                .update() == 1;
    }

    /** 調剤中 → 調剤済 with the result, for the pharmacy holding it; false when that no longer applies. */
    public boolean dispense(String prescriptionId, String pharmacyCode, DispensingResult result, Instant now) {
        byte[] xml = new XmlDocumentWriter().writeBytes(DispensingResults.toXml(result), CharacterCode.UTF_8);
        return jdbc.sql("update eps_prescription set status = ?, dispensed_at = ?, dispensing_date = ?, message_flag = ?, "
                        + "dispensing_result = ? where prescription_id = ? and pharmacy_code = ? and status = ?")
                .params(PrescriptionStatus.DISPENSED.code(), utc(now), result.dispensingDate(), result.messageFlag(), xml,
                        prescriptionId, pharmacyCode, PrescriptionStatus.DISPENSING.code())
                .update() == 1;
    }

    private String newAccessCode() {
        return String.format("%010d", (RANDOM.nextLong() & Long.MAX_VALUE) % 10_000_000_000L);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static StoredPrescription map(ResultSet rs, int row) throws SQLException {
        byte[] result = rs.getBytes("dispensing_result");
        DispensingResult dispensing = null;
        if (result != null) {
            XmlNode block = READER.read(result);
            dispensing = DispensingResults.readAnswer(XmlNode.element("MessageBody", block)).orElse(null);
        }
        return new StoredPrescription(rs.getString("prescription_id"), rs.getString("access_code"),
                rs.getString("institution_code"),
                CodeTable.find(PrescriptionIssueSelect.class, rs.getString("issue_type")).orElseThrow(),
                PrescriptionStatus.ofCode(rs.getString("status")).orElseThrow(), rs.getBytes("signed_payload"),
                rs.getString("signer"), rs.getString("doctor_name"), rs.getObject("issue_date", LocalDate.class),
                rs.getObject("expiry_date", LocalDate.class), rs.getString("insurer_number"),
                rs.getString("patient_name"), rs.getObject("birthdate", LocalDate.class), instant(rs, "created_at"),
                instant(rs, "cancelled_at"), rs.getString("pharmacy_code"), instant(rs, "received_at"),
                instant(rs, "dispensed_at"), dispensing);
    }
}
