package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * The denial of service of the review, performed against the real server: while a facility sends 100 inquiries,
 * anyone reaching the port sends 200 requests without a client certificate whose URLs are 1,200 characters long
 * (to the terminal API and to the portal). Every inquiry is answered (200) and audited; the refusals are audited
 * bounded — at most a few rows per source address, action and reason, each within the column limits, their counts
 * adding up to all 200 — instead of one over-long row each that failed the shared audit batch.
 */
class AnonymousLongUrlFloodTest {

    static final int FLOOD = 200;
    static final int INQUIRIES = 100;
    private static final Pattern REPEATED = Pattern.compile("repeated=(\\d+)$");

    @Test
    void aFloodOfLongAnonymousUrlsFailsNoInquiryAndIsAuditedBounded() throws Exception {
        SharedServer shared = SharedServer.get();
        AuditLog audit = shared.server().auditLog();
        HttpClient anonymous = shared.pki().anonymousClient();
        audit.anonymousRefusals().flush(); // a window of its own
        long mark = audit.size();
        String longPath = "x".repeat(1200);
        List<Persona> personas = Personas.all();

        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            String path = (i % 2 == 0 ? "api/v1/" : "web/") + longPath + i;
            calls.add(() -> Api.get(anonymous, shared.base(), path).status());
        }
        List<Callable<Integer>> inquiries = new ArrayList<>();
        for (int i = 0; i < INQUIRIES; i++) {
            Persona p = personas.get(i % personas.size());
            String body = Api.inquiryJson(SharedServer.DEMO_CODE, PersonaCorpus.CONFIRMATION_DATE, "flood-" + i,
                    p.inquiry());
            inquiries.add(() -> Api.post(shared.demoClient(), shared.base(), Api.INQUIRY, body).status());
        }
        List<Callable<Integer>> all = new ArrayList<>(calls);
        all.addAll(inquiries);
        Collections.shuffle(all, new java.util.Random(19));
        List<Integer> floodStatuses = new ArrayList<>();
        List<Integer> inquiryStatuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> c : all) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            for (int i = 0; i < all.size(); i++) {
                (inquiries.contains(all.get(i)) ? inquiryStatuses : floodStatuses).add(futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        audit.anonymousRefusals().flush();

        assertThat(inquiryStatuses).hasSize(INQUIRIES).allMatch(s -> s == 200);
        assertThat(floodStatuses).hasSize(FLOOD).allMatch(s -> s == 401 || s == 403);
        List<AuditEvent> written = audit.read(mark, 100_000);
        assertThat(written.stream().filter(e -> e.action().equals("QUALIFICATION_INQUIRY"))
                .filter(e -> e.subject() != null && e.subject().contains("file=flood-"))).hasSize(INQUIRIES);
        List<AuditEvent> refusals = written.stream().filter(e -> e.actor().equals("anonymous")).toList();
        // per source, action and reason at most two rows a window (the first at once, a count at the close); the
        // flood spans at most a few one-minute windows, so a handful of rows instead of 200
        assertThat(refusals).as("bounded: not one row per request").hasSizeLessThanOrEqualTo(12);
        assertThat(refusals).allSatisfy(e -> {
            assertThat(e.facility()).isNull();
            assertThat(e.subject()).hasSizeLessThanOrEqualTo(1000).startsWith("from=");
            assertThat(e.subject()).contains("…[+"); // the long URL, cut with a marker
            assertThat(e.outcome()).startsWith("REFUSED NO_CERTIFICATE");
        });
        long counted = refusals.stream().mapToLong(e -> {
            Matcher m = REPEATED.matcher(e.outcome());
            return m.find() ? Long.parseLong(m.group(1)) : 1;
        }).sum();
        assertThat(counted).as("every refusal counted").isEqualTo(FLOOD);
        assertThat(audit.verify().intact()).isTrue();
    }
}
