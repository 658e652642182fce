package org.openoqs.server.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.card.CardSignatures;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.IssuanceStatement;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.IssuedCard;
import org.openoqs.server.testsupport.ReaderSessions;
import org.openoqs.server.testsupport.TestPki;
import org.openoqs.server.testsupport.ThrowawayPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19 item 3 on PostgreSQL: "concurrent issuance gave three certificates for one card". Two real service
 * instances on one throw-away PostgreSQL database (as a scaled-out installation runs), and at the same instant
 * 24 issuances of one card's key by its issuer, split over both instances, plus 24 certification requests of
 * facility readers over mutual TLS for the same card. Exactly one issuance commits, the others are refused with
 * {@code OQSP3014}; every reader request is refused {@code 403 OQSF9601}; no 5xx, no other failure; the database holds
 * one current certificate. Then 24 simultaneous re-issues (再発行, {@code replacing}) of that card over both
 * instances: whatever interleaving PostgreSQL's row locks give, the card ends with exactly one current certificate
 * and every other certificate of it superseded and revoked.
 */
class ConcurrentCardIssuanceOnPostgresTest {

    private static final String CODE = "0113810014";
    private static final int RACERS = 24;

    @TempDir
    Path dir;

    @Test
    void manySimultaneousIssuancesOfOneCardGiveExactlyOneCurrentCertificate() throws Exception {
        assertThat(ThrowawayPostgres.installed()).as("PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb) are "
                + "missing: ./mvnw verify installs them (scripts/test-prerequisites.sh), or: sudo apt-get install -y "
                + "postgresql").isTrue();
        String url = ThrowawayPostgres.shared().jdbcUrlFor(dir.resolve("shared-database"));
        TestPki pki = TestPki.create(dir.resolve("pki"));
        Path key = dir.resolve("audit-chain.key"); // one chain, one key
        try (CentralServer a = CentralServer.start(config(pki, dir.resolve("a"), url, key));
             CentralServer b = CentralServer.start(config(pki, dir.resolve("b"), url, key))) {
            a.facilities().create(CODE, "同時発行試験診療所");
            HttpClient facility = pki.client(pki.issueFacility(CODE));
            IssuedPassword reader = ReaderSessions.createReaderAccount(a, CODE, "受付のカードリーダー");
            String token = ReaderSessions.token(facility, a.baseUri(), reader);
            JdbcClient jdbc = a.bean(JdbcClient.class);
            String cardId = jdbc.sql("select c.card_id from my_number_card c where c.status = 'ACTIVE' "
                    + "and not exists (select 1 from card_credential k where k.card_id = c.card_id) "
                    + "order by c.card_id limit 1").query(String.class).single();

            List<Callable<String>> first = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                CentralServer instance = i % 2 == 0 ? a : b;
                first.add(() -> issue(instance, cardId, false));
                first.add(() -> readerCertifies(facility, instance, cardId, token));
            }
            List<String> outcomes = race(first);
            assertThat(outcomes.stream().filter(o -> o.startsWith("OK "))).as(outcomes.toString()).hasSize(1);
            assertThat(outcomes.stream().filter(o -> o.equals(ErrorCode.CARD_ALREADY_ISSUED.code())))
                    .as(outcomes.toString()).hasSize(RACERS - 1);
            assertThat(outcomes.stream().filter(o -> o.equals("HTTP 403 OQSF9601"))).as(outcomes.toString())
                    .hasSize(RACERS);
            String serial = outcomes.stream().filter(o -> o.startsWith("OK ")).findFirst().orElseThrow().substring(3);
            assertThat(rows(jdbc, cardId)).containsExactly(serial + ":Y:-");

            List<Callable<String>> reissues = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                CentralServer instance = i % 2 == 0 ? a : b;
                reissues.add(() -> issue(instance, cardId, true));
            }
            List<String> reissued = race(reissues);
            List<String> committed = reissued.stream().filter(o -> o.startsWith("OK ")).map(o -> o.substring(3)).toList();
            assertThat(reissued).as(reissued.toString())
                    .allMatch(o -> o.startsWith("OK ") || o.equals(ErrorCode.CARD_ALREADY_ISSUED.code()));
            assertThat(committed).isNotEmpty();
            List<String> after = rows(jdbc, cardId);
            assertThat(after).as("rows after the re-issues").hasSize(1 + committed.size());
            assertThat(after.stream().filter(r -> r.contains(":Y:"))).as(after.toString()).hasSize(1)
                    .allMatch(r -> r.endsWith(":-")); // the current one is not revoked
            assertThat(after.stream().filter(r -> !r.contains(":Y:"))).as(after.toString())
                    .allMatch(r -> r.endsWith(":superseded")); // every other one superseded and revoked
            assertThat(committed).anyMatch(s -> after.contains(s + ":Y:-")); // the current one is the latest re-issue
            assertThat(a.auditLog().verify().intact()).isTrue();
        }
    }

    private static ServerConfig config(TestPki pki, Path home, String url, Path auditKey) {
        return pki.serverConfig(home).jdbc(url, null, null).populationSize(200).auditKeyFile(auditKey).build();
    }

    /** The issuer certifies a fresh key for the card: {@code OK <serial>} or the refusal's code. */
    private static String issue(CentralServer instance, String cardId, boolean replacing) {
        try {
            return "OK " + instance.bean(CardIssuanceService.class).issueAtCardCreation(cardId,
                    CredentialKind.MY_NUMBER_CARD, IssuedCard.newKeyPair().getPublic().getEncoded(), "issuer:test",
                    replacing).certificate().getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        } catch (CardApiException refused) {
            return refused.error().errorCode();
        }
    }

    /** A facility reader asks the terminal API to certify its own key for the card: {@code HTTP <status> <code>}. */
    private static String readerCertifies(HttpClient client, CentralServer instance, String cardId, String token)
            throws Exception {
        KeyPair key = IssuedCard.newKeyPair();
        byte[] spki = key.getPublic().getEncoded();
        Api.Response r = Api.post(client, instance.baseUri(), "api/v1/cards/" + cardId + "/certificates",
                "{\"credential\":\"card\",\"publicKey\":\"" + IssuedCard.b64(spki) + "\",\"proof\":\""
                        + IssuedCard.b64(CardSignatures.sign(key.getPrivate(),
                        new IssuanceStatement(cardId, CredentialKind.MY_NUMBER_CARD, spki).signingInput())) + "\"}",
                ReaderSessions.HEADER, token);
        return "HTTP " + r.status() + " " + (r.status() >= 500 ? r.body() : r.json().get("errorCode").asString());
    }

    /** Runs every task at the same instant (one thread each) and returns their outcomes; a thrown failure fails. */
    private static List<String> race(List<Callable<String>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : futures) {
                outcomes.add(f.get()); // an unexpected exception (a 5xx-worthy failure) fails the test here
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code serial:current_marker:revocation_reason} of every certificate of the card. */
    private static List<String> rows(JdbcClient jdbc, String cardId) {
        return jdbc.sql("select serial_hex || ':' || coalesce(current_marker, '-') || ':' "
                + "|| coalesce(revocation_reason, '-') from card_credential where card_id = ? order by serial_hex")
                .param(cardId).query(String.class).list();
    }
}
