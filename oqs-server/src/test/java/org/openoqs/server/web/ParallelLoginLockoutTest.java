package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.account.PasswordPolicy;
import org.openoqs.server.audit.AuditEvent;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The lockout race of the review, performed over real HTTPS: 50 browsers post a wrong password for one account at
 * the same moment. The account ends locked with exactly {@link PasswordPolicy#LOCK_AFTER} counted failures, exactly
 * that many passwords were checked (one audit entry each), no request got a 5xx, and the right password is refused
 * while the account is locked.
 */
class ParallelLoginLockoutTest {

    static final int ATTACKERS = 50;

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;
    static URI server;

    @BeforeAll
    static void facility() throws Exception {
        portal = PortalFixture.get();
        admin = portal.administrator(portal.facilityWithMaster("並列ロックテスト診療所", false));
        server = portal.shared().base();
    }

    @Test
    void fiftyParallelWrongPasswordsLockAtExactlyTheLimitWithoutServerErrors() throws Exception {
        IssuedPassword clerk = portal.issue(admin.institutionCode(), admin.accountId(), AccountKind.ADMIN,
                AccountKind.GENERAL, "受付 並列");
        String id = clerk.account().accountId();
        List<PortalBrowser> browsers = new ArrayList<>();
        for (int i = 0; i < ATTACKERS; i++) {
            PortalBrowser b = new PortalBrowser(portal.shared().pki().client(portal.shared().pki().issueFacility(
                    admin.institutionCode())));
            assertThat(b.get(server, "web/login").statusCode()).isEqualTo(200); // session + CSRF token first
            browsers.add(b);
        }
        long mark = portal.server().auditLog().size();

        List<Integer> statuses = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(ATTACKERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < ATTACKERS; i++) {
                PortalBrowser b = browsers.get(i);
                String guess = "Wrong#guess" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return b.post(server, "web/login", Map.of("accountId", id, "password", guess));
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> r = answer.get();
                statuses.add(r.statusCode());
                targets.add(r.headers().firstValue("Location").orElse(""));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).as("no 5xx, every attempt answered by the login page").allMatch(s -> s == 302);
        assertThat(targets).allMatch(t -> t.contains("/web/login?error="));
        assertThat(portal.accounts().find(admin.institutionCode(), id)).hasValueSatisfying(a -> {
            assertThat(a.locked()).isTrue();
            assertThat(a.failedAttempts()).isEqualTo(PasswordPolicy.LOCK_AFTER);
        });
        List<AuditEvent> checked = portal.server().auditLog().read(mark, 10_000).stream()
                .filter(e -> e.action().equals(AccountService.LOGIN_FAILED) && e.actor().equals(id))
                .filter(e -> e.outcome().startsWith("REFUSED BAD_PASSWORD") || e.outcome().startsWith("LOCKED after"))
                .toList();
        assertThat(checked).as("passwords actually checked").hasSize(PasswordPolicy.LOCK_AFTER);

        // the right password, from an address the throttle has not seen, is refused while locked
        MvcResult right = portal.mvc().perform(post("/web/login").with(portal.certificateOf(admin.institutionCode()))
                .with(csrf()).with(r -> {
                    r.setRemoteAddr("192.0.2.77");
                    return r;
                }).param("accountId", id).param("password", clerk.password())).andReturn();
        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/web/login?error=locked");
        assertThat(portal.accounts().find(admin.institutionCode(), id).orElseThrow().lastLoginAt()).isNull();
    }
}
