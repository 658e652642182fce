package org.openoqs.server.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.pki.CertificateSigningRequests;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.TestPki;
import org.openoqs.server.testsupport.ThrowawayPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cross-node bound of the caches (docs/performance.md, "Caches across nodes"): two server instances on one
 * PostgreSQL database (a throw-away cluster) and one CA directory. Node B caches the facility of its callers and the
 * CRL; a facility setting changed through node A and a certificate revoked through node A (a second renewal from the
 * same certificate revokes the first successor at once) reach node B within {@link CacheVersion#BOUND} — and B
 * really answered from its cache: it served the old values before the change, and a change written past the service
 * (no version bump, which nothing in the product does) stays unseen by B for longer than the bound.
 */
class ChangesReachEveryNodeOnPostgresTest {

    /**
     * Asks B for the name over the bound and half a second more. A node whose poller is late (a loaded machine) reads
     * the database instead of its cache — by design — so one answer could show the new name; B must show the cached
     * one at least once after the bound has passed, which only a cache can.
     */
    private static boolean servedTheOldNameAfterTheBound(HttpClient client, CentralServer b) throws Exception {
        long started = System.nanoTime();
        long boundNanos = CacheVersion.BOUND.toNanos();
        boolean seen = false;
        while (System.nanoTime() - started < boundNanos + 500_000_000L) {
            String name = field(client, b, "name");
            if (System.nanoTime() - started > boundNanos && NAME.equals(name)) {
                seen = true;
            }
            Thread.sleep(100);
        }
        return seen;
    }

    private static final String CODE = "0113810014";
    private static final String NAME = "二台構成キャッシュ診療所";
    private static final String FACILITY = "api/v1/facility";

    @TempDir
    Path dir;

    private TestPki pki;

    @Test
    void aSettingAndARevocationMadeThroughOneNodeReachTheOtherWithinTheBound() throws Exception {
        assertThat(ThrowawayPostgres.installed()).as("PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb) "
                + "are missing: sudo apt-get install -y postgresql").isTrue();
        String url = ThrowawayPostgres.shared().jdbcUrlFor(dir.resolve("shared-database"));
        pki = TestPki.create(dir.resolve("pki"));
        IssuedCredential original = pki.issueFacility(CODE, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30))); // inside the renewal window

        try (CentralServer a = CentralServer.start(config("a", url));
             CentralServer b = CentralServer.start(config("b", url))) {
            a.facilities().create(CODE, NAME);
            // B's poller must have seen the creation's version bump before B caches the row: an entry cached
            // earlier is outdated by that poll, and B would then read the unannounced change below from the database
            Thread.sleep(CacheVersion.BOUND.toMillis());
            HttpClient client = pki.client(original);

            // --- a facility setting
            assertThat(field(client, b, "characterCode")).as("B before the change")
                    .isEqualTo(CharacterCode.UTF_8.code());
            assertThat(field(client, b, "characterCode")).as("B again, now from its cache")
                    .isEqualTo(CharacterCode.UTF_8.code());

            a.bean(JdbcClient.class).sql("update facility set name = ? where institution_code = ?")
                    .params("裏口で変えた名前", CODE).update(); // past the service: no version bump
            assertThat(servedTheOldNameAfterTheBound(client, b))
                    .as("B answers from its cache: an unannounced change stays unseen past the bound").isTrue();

            a.facilities().setCharacterCode(CODE, CharacterCode.SHIFT_JIS);
            long settingFollowed = millisUntil(() -> field(client, b, "characterCode"),
                    CharacterCode.SHIFT_JIS.code()::equals);
            System.out.println("facility setting changed through node A: node B followed after " + settingFollowed
                    + " ms (bound " + CacheVersion.BOUND.toMillis() + " ms)");
            assertThat(settingFollowed).isLessThanOrEqualTo(CacheVersion.BOUND.toMillis());
            assertThat(field(client, b, "name")).as("the whole row was read again").isEqualTo("裏口で変えた名前");

            // --- a revocation
            KeyPair first = CertificateSigningRequests.newKeyPair();
            HttpClient firstSuccessor = clientFor(first, renew(client, a, first));
            assertThat(Api.get(firstSuccessor, b.baseUri(), FACILITY).status()).as("B before the revocation")
                    .isEqualTo(200);
            assertThat(Api.get(firstSuccessor, b.baseUri(), FACILITY).status()).as("B again").isEqualTo(200);

            renew(client, a, CertificateSigningRequests.newKeyPair()); // node A revokes the first successor at once
            long revocationFollowed = millisUntil(() -> Api.get(firstSuccessor, b.baseUri(), FACILITY).status(),
                    status -> status == 401);
            System.out.println("certificate revoked through node A: node B refused it after " + revocationFollowed
                    + " ms (bound " + CacheVersion.BOUND.toMillis() + " ms)");
            assertThat(revocationFollowed).isLessThanOrEqualTo(CacheVersion.BOUND.toMillis());
            Api.Response refused = Api.get(firstSuccessor, b.baseUri(), FACILITY);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("errorCode").asString()).isEqualTo("OQSF9002");
            assertThat(refused.body()).contains("失効");
        }
    }

    private ServerConfig config(String node, String url) {
        return ServerConfig.builder(dir.resolve(node)).port(0).bindAddress("127.0.0.1")
                .serverKeyStore(dir.resolve("pki").resolve("server.p12"), TestPki.PASSWORD)
                .trustStore(pki.trustStore(), TestPki.PASSWORD).ca(pki.caDirectory(), null)
                .jdbc(url, null, null).populationSize(200)
                .auditKeyFile(dir.resolve("audit-chain.key")).build(); // one chain, one key
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    /**
     * Milliseconds from now until {@code call} answers what {@code wanted} accepts (printed with the number of calls
     * it took); fails after five seconds.
     */
    private static <T> long millisUntil(Call<T> call, Predicate<T> wanted) throws Exception {
        long start = System.nanoTime();
        T last = null;
        for (int calls = 1; System.nanoTime() - start < Duration.ofSeconds(5).toNanos(); calls++) {
            last = call.call();
            if (wanted.test(last)) {
                long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                System.out.print("[" + calls + " call(s)] ");
                return millis;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("still " + last + " after 5 s");
    }

    private static String field(HttpClient client, CentralServer node, String name) throws Exception {
        Api.Response r = Api.get(client, node.baseUri(), FACILITY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get(name).asString();
    }

    private static Api.Response renew(HttpClient client, CentralServer node, KeyPair key) throws Exception {
        String csr = CertificateSigningRequests.toPem(CertificateSigningRequests.facilityRequest(key, CODE, NAME));
        Api.Response r = Api.post(client, node.baseUri(), "api/v1/certificates/renew",
                "{\"csr\":\"" + csr.replace("\n", "\\n") + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private HttpClient clientFor(KeyPair key, Api.Response renewal) throws Exception {
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(renewal.json().get("certificate").asString()
                        .getBytes(StandardCharsets.US_ASCII)));
        return pki.client(new IssuedCredential(key.getPrivate(), certificate,
                List.of(certificate, pki.ca().caCertificate())));
    }
}
