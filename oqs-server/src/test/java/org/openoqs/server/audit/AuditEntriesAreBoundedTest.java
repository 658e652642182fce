package org.openoqs.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No entry can fail the audit batch it is committed with: every field is cut to its column with a marker and
 * cleaned of control characters before it is hashed, and an entry the database still refuses (here: a constraint
 * added for the test) fails only its own caller — the other callers of the same moment are committed.
 */
class AuditEntriesAreBoundedTest {

    @Test
    void overlongFieldsAreCutWithAMarkerAndControlCharactersReplaced() {
        AuditLog log = SharedServer.get().server().auditLog();

        AuditEvent e = log.append("0113810014-and-more", "a".repeat(300), "B".repeat(100),
                "GET /" + "x".repeat(5000) + "\r\nFAKE LINE", "o".repeat(900));

        assertThat(e.facility()).as("never a cut institution code").isNull();
        assertThat(e.actor()).hasSizeLessThanOrEqualTo(AuditFields.ACTOR).endsWith("]").contains("…[+");
        assertThat(e.action()).hasSizeLessThanOrEqualTo(AuditFields.ACTION);
        assertThat(e.subject()).hasSizeLessThanOrEqualTo(AuditFields.SUBJECT).startsWith("GET /xxx")
                .matches(".*…\\[\\+\\d+]$").doesNotContain("\n");
        assertThat(e.outcome()).hasSizeLessThanOrEqualTo(AuditFields.OUTCOME);
        AuditEvent stored = log.read(e.id() - 1, 1).get(0);
        assertThat(stored).isEqualTo(e);
        assertThat(log.append(null, "system", "TEST", "a\u0000b\nc", "OK").subject()).isEqualTo("a?b?c");
    }

    @Test
    void anEntryTheDatabaseRefusesFailsOnlyItsOwnCaller() throws Exception {
        AuditLog log = SharedServer.get().server().auditLog();
        JdbcTemplate jdbc = SharedServer.get().server().bean(JdbcTemplate.class);
        jdbc.execute("alter table audit_event add constraint audit_test_poison_ck check (outcome <> 'POISON')");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<AuditEvent>> appends = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String outcome = i == 25 ? "POISON" : "OK " + i;
                appends.add(pool.submit(() -> {
                    go.await();
                    return log.append(null, "system", "BATCH_TEST", "n=" + outcome, outcome);
                }));
            }
            go.countDown();
            int committed = 0;
            for (int i = 0; i < 50; i++) {
                Future<AuditEvent> f = appends.get(i);
                if (i == 25) {
                    assertThatThrownBy(f::get).hasCauseInstanceOf(AuditException.class);
                } else {
                    assertThat(f.get().outcome()).isEqualTo("OK " + i);
                    committed++;
                }
            }
            assertThat(committed).isEqualTo(49);
        } finally {
            pool.shutdownNow();
            jdbc.execute("alter table audit_event drop constraint audit_test_poison_ck");
        }
        assertThat(log.verify().intact()).isTrue();
    }
}
