package org.openoqs.server.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import org.openoqs.server.CentralServer;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.account.IssuedPassword;

/**
 * Face-auth readers for tests: their 顔認証用アカウント, created as a facility administrator would, and their sign-in
 * on the terminal API ({@code POST /api/v1/devices/sessions}), whose token the card path requires.
 */
public final class ReaderSessions {

    public static final String HEADER = "X-OQS-Device-Session";
    public static final String SIGN_IN = "api/v1/devices/sessions";
    public static final String SIGN_OUT = "api/v1/devices/sessions/current";
    /** The administrator named as creator (the account need not exist for {@link AccountService#create}). */
    public static final String ADMIN_ID = "A00001";

    private static String demoToken;

    private ReaderSessions() {
    }

    /** A new 顔認証用アカウント of the facility; the password as issued. */
    public static IssuedPassword createReaderAccount(CentralServer server, String institutionCode, String name) {
        return server.bean(AccountService.class).create(new AccountActor(institutionCode, ADMIN_ID, AccountKind.ADMIN),
                AccountKind.FACE_DEVICE, name);
    }

    public static Api.Response signIn(HttpClient client, URI base, String accountId, String password)
            throws IOException, InterruptedException {
        return Api.post(client, base, SIGN_IN, "{\"accountId\":" + json(accountId) + ",\"password\":" + json(password) + "}");
    }

    /** Signs the account in and returns its token; fails the test when the service refuses. */
    public static String token(HttpClient client, URI base, IssuedPassword account) throws IOException, InterruptedException {
        Api.Response r = signIn(client, base, account.account().accountId(), account.password());
        if (r.status() != 201) {
            throw new IllegalStateException("device sign-in refused: " + r);
        }
        return r.json().get("token").asString();
    }

    /** A signed-in reader of the shared service's demo facility, made once per JVM. */
    public static synchronized String demoToken(SharedServer shared) throws IOException, InterruptedException {
        if (demoToken == null) {
            IssuedPassword reader = createReaderAccount(shared.server(), SharedServer.DEMO_CODE, "受付の顔認証付きカードリーダー");
            demoToken = token(shared.demoClient(), shared.base(), reader);
        }
        return demoToken;
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
