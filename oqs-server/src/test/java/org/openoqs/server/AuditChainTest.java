package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.audit.AuditVerification;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every inquiry is audited in an append-only hash chain: recomputing HMAC-SHA256 with the key file's key over
 * prev_hash and the canonical fields (independently of AuditLog's code) reproduces every stored hash, and a changed
 * row breaks the chain.
 */
class AuditChainTest {

    private static SharedServer shared;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void inquire() throws Exception {
        shared = SharedServer.get();
        jdbc = shared.server().bean(JdbcTemplate.class);
        for (Persona p : Personas.all().subList(0, 5)) {
            Api.Response r = Api.post(shared.demoClient(), shared.base(), Api.INQUIRY,
                    Api.inquiryJson(SharedServer.DEMO_CODE, PersonaCorpus.CONFIRMATION_DATE, "audit-" + p.key(), p.inquiry()));
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void everyInquiryIsAuditedWithoutThePatientsName() {
        List<AuditEvent> recent = shared.server().auditLog().recent(SharedServer.DEMO_CODE, 500);
        for (Persona p : Personas.all().subList(0, 5)) {
            AuditEvent e = recent.stream().filter(x -> x.subject() != null && x.subject().contains("file=audit-" + p.key()))
                    .findFirst().orElseThrow();
            assertThat(e.action()).isEqualTo("QUALIFICATION_INQUIRY");
            assertThat(e.actor()).startsWith("cert:");
            assertThat(e.outcome()).startsWith("OK validity=" + p.expectedValidity().code() + " records=");
            assertThat(e.subject()).contains("id=" + p.inquiry().arbitraryIdentifier());
            assertThat(e.subject() + e.outcome()).doesNotContain(p.person().name()).doesNotContain(p.person().nameKana());
        }
    }

    @Test
    void recomputedHashesMatchTheStoredChain() throws Exception {
        Properties keyFile = new Properties();
        try (Reader in = Files.newBufferedReader(shared.server().auditLog().key().file())) {
            keyFile.load(in);
        }
        long epochStart = Long.parseLong(keyFile.getProperty("epoch-start"));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(HexFormat.of().parseHex(keyFile.getProperty("key")), "HmacSHA256"));
        List<Map<String, Object>> rows = jdbc.queryForList("select id, at, facility, actor, action, subject, outcome, "
                + "prev_hash, hash from audit_event order by id");
        assertThat(rows).isNotEmpty();
        String prev = "0".repeat(64);
        long expectedId = 1;
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            assertThat(id).isEqualTo(expectedId++);
            assertThat(row.get("prev_hash")).isEqualTo(prev);
            long at = jdbc.queryForObject("select at from audit_event where id = ?", OffsetDateTime.class, id)
                    .toInstant().toEpochMilli();
            String canonical = prev + "|" + id + "|" + at + field(row, "facility") + field(row, "actor")
                    + field(row, "action") + field(row, "subject") + field(row, "outcome");
            byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
            String hash = HexFormat.of().formatHex(id >= epochStart ? hmac.doFinal(bytes)
                    : MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(row.get("hash")).as("hash of entry %d", id).isEqualTo(hash);
            prev = hash;
        }
        assertThat(shared.server().auditLog().verify()).isEqualTo(new AuditVerification(true, rows.size(), -1, null));
    }

    @Test
    void aChangedEntryBreaksTheChain() {
        AuditLog log = shared.server().auditLog();
        AuditEvent victim = log.recent(SharedServer.DEMO_CODE, 1).get(0);
        jdbc.update("update audit_event set outcome = ? where id = ?", "OK validity=1 records=1 (edited)", victim.id());
        try {
            AuditVerification v = log.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(victim.id());
        } finally {
            jdbc.update("update audit_event set outcome = ? where id = ?", victim.outcome(), victim.id());
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aDeletedTailIsDetected() {
        AuditLog log = shared.server().auditLog();
        AuditEvent last = log.read(log.size() - 1, 1).get(0);
        jdbc.update("delete from audit_event where id = ?", last.id());
        try {
            assertThat(log.verify().intact()).isFalse();
        } finally {
            jdbc.update("insert into audit_event (id, at, facility, actor, action, subject, outcome, prev_hash, hash) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", last.id(),
                    OffsetDateTime.ofInstant(last.at(), java.time.ZoneOffset.UTC), last.facility(), last.actor(),
                    last.action(), last.subject(), last.outcome(), last.prevHash(), last.hash());
        }
        assertThat(log.verify().intact()).isTrue();
    }

    /** {@code |<length>:<value>}, or {@code |-} for null — the documented canonical form. */
    private static String field(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? "|-" : "|" + v.toString().length() + ":" + v;
    }
}
