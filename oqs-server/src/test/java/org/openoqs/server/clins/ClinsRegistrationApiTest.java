package org.openoqs.server.clins;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * The registration API over real mTLS beyond the corpus: media type (415), size (413), replacement (200), deletion
 * only by the registering facility, the own list, and two uploads of one identifier at once leaving exactly one.
 */
class ClinsRegistrationApiTest {

    private static final SharedServer SHARED = SharedServer.get();
    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    /** A fresh clinic with a client certificate; the corpus Bundle rewritten to its institution code and own id. */
    private record Clinic(String code, HttpClient client) {
        byte[] bundle(String file, String localId) {
            String json = new String(ExampleCorpus.dir("clins").stream().filter(e -> e.file().equals(file)).findFirst()
                    .orElseThrow().bytes(), StandardCharsets.UTF_8);
            return json.replace(ExampleCorpus.DEMO_INSTITUTION_CODE, code)
                    .replaceFirst("\\^2026\\^[A-Za-z0-9-]+\"", "^2026^" + localId + "\"").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Clinic clinic() {
        String code = CheckDigit.complete("13188" + (1000 + NEXT.incrementAndGet()));
        SHARED.server().facilities().create(code, "CLINS 登録テスト医院 " + code);
        return new Clinic(code, SHARED.pki().client(SHARED.pki().issueFacility(code)));
    }

    @Test
    void anotherMediaTypeIs415WithAnOperationOutcome() throws Exception {
        Clinic c = clinic();
        Api.Response r = ClinsHttp.post(c.client(), SHARED.base(), c.bundle("condition-kokuho.json", "m1"), "application/json");
        assertThat(r.status()).isEqualTo(415);
        assertThat(ClinsHttp.issues(r)).containsExactly("OQSF2003@");
        assertThat(ClinsHttp.list(c.client(), SHARED.base())).isEqualTo("[]");
    }

    @Test
    void moreThanTenMegabytesIs413() throws Exception {
        Clinic c = clinic();
        byte[] big = new byte[ClinsRegistrationService.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        Api.Response r = ClinsHttp.register(c.client(), SHARED.base(), big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(ClinsHttp.issues(r)).containsExactly("OQSF2004@Bundle");
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws Exception {
        Clinic c = clinic();
        Api.Response r = ClinsHttp.register(c.client(), SHARED.base(), "{\"resourceType\":\n \"Bundle\",,}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(ClinsHttp.issues(r)).containsExactly("OQSF2001@Bundle");
        assertThat(r.body()).contains("2行");
    }

    @Test
    void everyProblemOfOneBundleIsListed() throws Exception {
        Clinic c = clinic();
        String json = new String(c.bundle("condition-kokuho.json", "many"), StandardCharsets.UTF_8)
                .replace("\"type\": \"collection\"", "\"type\": \"batch\"")
                .replace("\"onsetDateTime\": \"2025-01-15\",", "");
        Api.Response r = ClinsHttp.register(c.client(), SHARED.base(), json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(ClinsHttp.issues(r)).contains("OQSF2011@Bundle.type", "OQSF2045@Bundle.entry[2].resource.onset");
    }

    @Test
    void aSecondUploadOfTheIdentifierReplacesTheFirst() throws Exception {
        Clinic c = clinic();
        Api.Response first = ClinsHttp.register(c.client(), SHARED.base(), c.bundle("condition-kokuho.json", "rep"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Api.Response second = ClinsHttp.register(c.client(), SHARED.base(), c.bundle("condition-kokuho.json", "rep"));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.body()).contains("\"outcome\":\"replaced\"");
        assertThat(ClinsHttp.list(c.client(), SHARED.base())).contains(c.code() + "^2026^rep").containsOnlyOnce("^2026^rep");
        AuditEvent last = SHARED.server().auditLog().recent(c.code(), 5).get(0);
        assertThat(last.action()).isEqualTo(ClinsRegistrationService.ACTION);
        assertThat(last.outcome()).startsWith("REPLACED");
    }

    @Test
    void onlyTheRegisteringFacilityDeletes() throws Exception {
        Clinic owner = clinic();
        Clinic other = clinic();
        assertThat(ClinsHttp.register(owner.client(), SHARED.base(), owner.bundle("lab-kokuho.json", "del")).status())
                .isEqualTo(201);
        String path = ClinsHttp.BUNDLES + "/" + URLEncoder.encode(owner.code() + "^2026^del", StandardCharsets.UTF_8);

        Api.Response foreign = Api.delete(other.client(), SHARED.base(), path);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(ClinsHttp.issues(foreign)).containsExactly("OQSF2063@Bundle.identifier.value");
        assertThat(ClinsHttp.list(owner.client(), SHARED.base())).contains("^2026^del");
        assertThat(ClinsHttp.list(other.client(), SHARED.base())).isEqualTo("[]");

        assertThat(Api.delete(owner.client(), SHARED.base(), path).status()).isEqualTo(204);
        assertThat(ClinsHttp.list(owner.client(), SHARED.base())).isEqualTo("[]");
        assertThat(Api.delete(owner.client(), SHARED.base(), path).status()).isEqualTo(404);
    }

    @Test
    void aReplacementForAnotherPersonIsRefused() throws Exception {
        Clinic c = clinic();
        assertThat(ClinsHttp.register(c.client(), SHARED.base(), c.bundle("condition-kokuho.json", "who")).status()).isEqualTo(201);
        Api.Response r = ClinsHttp.register(c.client(), SHARED.base(), c.bundle("condition-iryo-fujo-lts.json", "who"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(ClinsHttp.issues(r)).containsExactly("OQSF2062@Bundle.entry[0].resource.identifier[1].value");
    }

    @Test
    void concurrentUploadsOfOneIdentifierLeaveExactlyOne() throws Exception {
        Clinic c = clinic();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String id = "race" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Api.Response>> answers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    byte[] body = c.bundle(t % 2 == 0 ? "condition-kokuho.json" : "lab-kokuho.json", id);
                    answers.add(pool.submit(() -> {
                        go.await();
                        return ClinsHttp.register(c.client(), SHARED.base(), body);
                    }));
                }
                go.countDown();
                int created = 0;
                for (Future<Api.Response> f : answers) {
                    Api.Response r = f.get();
                    assertThat(r.status()).as(r.body()).isIn(200, 201);
                    created += r.status() == 201 ? 1 : 0;
                }
                assertThat(created).as("round " + round).isEqualTo(1);
                String list = ClinsHttp.list(c.client(), SHARED.base());
                assertThat(list).containsOnlyOnce("^2026^" + id + "\"");
                Integer items = SHARED.server().bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                        "select count(*) from clins_item i join clins_bundle b on b.bundle_id = i.bundle_id "
                                + "where b.identifier_value = ?", Integer.class, c.code() + "^2026^" + id);
                assertThat(items).as("items of the one survivor").isIn(2, 3);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
