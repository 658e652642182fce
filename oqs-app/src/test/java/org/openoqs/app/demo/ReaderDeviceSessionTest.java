package org.openoqs.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.OqsCommand;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.account.Account;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.credentials.Credential;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.reader.CardReaderTerminal;
import org.openoqs.terminal.central.FaceDeviceAccount;
import org.openoqs.terminal.reader.ReaderOutcome;
import org.openoqs.terminal.reader.ReaderRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's card reader is a registered 顔認証機器 of the facility (seed chapters 8 and 10): its 顔認証用アカウント is
 * made on the first start through the account service, the reader signs in with it, the audit trail names it,
 * an expired session is renewed without anyone noticing, a reader without or with a wrong account says why on its
 * page, and once the administrator disables the account the reader is refused and {@code oqs reader confirm}
 * exits 11. The whole demo runs in this JVM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReaderDeviceSessionTest {

    private static final String CARD = "P000000000000001";

    @TempDir
    static Path home;
    @TempDir
    static Path elsewhere;
    static DemoSystem demo;
    static String readerAccount;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoSystem.start(home, 0);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void theDemoMadeItsReadersAccountAsAnAdministratorWould() throws Exception {
        Credential stored = CredentialStore.open(demo.home().terminalDirectory())
                .get(CredentialKey.OQS_FACE_LOGIN_KEY).orElseThrow();
        readerAccount = stored.user();
        Account account = accounts().find(DemoSystem.INSTITUTION_CODE, readerAccount).orElseThrow();

        assertThat(readerAccount).matches("F\\d{5}");
        assertThat(account.kind()).isEqualTo(AccountKind.FACE_DEVICE);
        assertThat(account.createdBy()).isEqualTo(DemoSystem.SETUP_ACTOR);
        assertThat(account.displayName()).isEqualTo(DemoSystem.READER_NAME);
        DemoSecrets secrets = DemoSecrets.load(demo.home().secrets());
        assertThat(secrets.get(DemoSystem.READER_PASSWORD_SECRET)).contains(stored.secret());
        assertThat(secrets.get(DemoSystem.READER_ACCOUNT_SECRET)).contains(readerAccount);
        assertThat(demo.properties()).containsEntry("reader.account", readerAccount);
        assertThat(demo.properties().values()).doesNotContain(stored.secret());
    }

    @Test
    @Order(2)
    void aConfirmationIsAuditedUnderTheReadersAccount() {
        long mark = demo.server().auditLog().size();

        ReaderOutcome outcome = demo.reader().station().confirm(faceConfirmation());

        assertThat(outcome.success()).as(outcome.message()).isTrue();
        assertThat(audit(mark, "CARD_CONFIRMATION")).singleElement()
                .satisfies(e -> assertThat(e.actor()).startsWith("device:" + readerAccount + " cert:"));
    }

    @Test
    @Order(3)
    void anExpiredSessionIsRenewedWithoutTheStaffNoticing() {
        demo.reader().station().confirm(faceConfirmation()); // signed in and used
        jdbc().sql("update device_session set expires_at = ? where account_id = ?")
                .params(Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC), readerAccount).update();
        long mark = demo.server().auditLog().size();

        ReaderOutcome outcome = demo.reader().station().confirm(faceConfirmation());

        assertThat(outcome.success()).as(outcome.message()).isTrue();
        assertThat(audit(mark, "DEVICE_SESSION")).extracting(AuditEvent::outcome)
                .containsExactly("REFUSED EXPIRED account=" + readerAccount);
        assertThat(audit(mark, "DEVICE_LOGIN")).extracting(AuditEvent::outcome).containsExactly("OK");
    }

    @Test
    @Order(4)
    void aReaderWithoutOrWithAWrongAccountSaysWhyOnItsPage() throws Exception {
        try (CardReaderTerminal none = otherReader(null, "none");
             CardReaderTerminal wrong = otherReader(new FaceDeviceAccount(readerAccount, "Wrong#password1"), "wrong")) {
            assertThat(page(none)).contains("id=\"device-problem\"").contains("OQSF9306")
                    .contains("顔認証用アカウントが設定されていません");
            assertThat(page(wrong)).contains("id=\"device-problem\"").contains("OQSF9301")
                    .contains("顔認証用アカウントのIDまたはパスワードが正しくない");

            ReaderOutcome refused = wrong.station().confirm(faceConfirmation());
            assertThat(refused.errorCode()).isEqualTo(ErrorCode.DEVICE_SIGN_IN_REFUSED);
            assertThat(none.station().confirm(faceConfirmation()).errorCode())
                    .isEqualTo(ErrorCode.DEVICE_CREDENTIALS_MISSING);
        }
        assertThat(page(demo.reader())).doesNotContain("device-problem"); // the demo's own reader is fine
    }

    @Test
    @Order(5)
    void onceTheAdministratorDisablesTheAccountTheReaderIsRefused() throws Exception {
        accounts().setEnabled(new AccountActor(DemoSystem.INSTITUTION_CODE, "A00001", AccountKind.ADMIN),
                readerAccount, false);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream console = System.err;
        int exit;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8)); // the command writes to System.err
        try {
            exit = OqsCommand.commandLine().execute("reader", "confirm", "--home", home.toString(), "--card", CARD,
                    "--method", "face");
        } finally {
            System.setErr(console);
        }

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(message).isEqualTo(11);
        assertThat(message).contains("OQSF9301").contains("アカウントが無効です");
        assertThat(page(demo.reader())).contains("id=\"device-problem\"").contains("OQSF9301");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static ReaderRequest faceConfirmation() {
        return new ReaderRequest(CARD, CredentialKind.MY_NUMBER_CARD, PresenceMethod.FACE, null, true, Set.of(), null,
                null);
    }

    /** A second reader of the same facility with the given account (or none). */
    private static CardReaderTerminal otherReader(FaceDeviceAccount account, String name) throws Exception {
        char[] password = demo.properties().get("client.p12.password").toCharArray();
        Path dir = Files.createDirectories(elsewhere.resolve(name));
        TerminalConfig config = new TerminalConfig(DemoSystem.INSTITUTION_CODE, demo.server().baseUri(),
                demo.home().clientPkcs12(), password, demo.home().terminalTrustStore(), password,
                new LinkageFolders(dir.resolve("req"), dir.resolve("res"), dir.resolve("work")), null,
                Duration.ofSeconds(5), Duration.ofSeconds(15), null);
        return CardReaderTerminal.start(config, account, DemoSystem.INSTITUTION_CODE, dir.resolve("reader"),
                Files.createDirectories(dir.resolve("face")), demo.terminal().faceResultEncryption(), 0, null);
    }

    private static String page(CardReaderTerminal reader) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(reader.launchUri()).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static AccountService accounts() {
        return demo.server().bean(AccountService.class);
    }

    private static JdbcClient jdbc() {
        return demo.server().bean(JdbcClient.class);
    }

    private static List<AuditEvent> audit(long mark, String action) {
        return demo.server().auditLog().read(mark, 10_000).stream().filter(e -> e.action().equals(action)).toList();
    }
}
