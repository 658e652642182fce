package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.audit.AuditEvent;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Password spraying from one client: one wrong password against many IDs never trips an account's lockout, so the
 * sign-in is also limited per client address (and facility) to 30 attempts a minute. Beyond that the login page
 * says so in Japanese, nothing is checked (not even a right password), the first refusal is audited once, and
 * another address is served as before.
 */
class LoginThrottlePerAddressTest {

    static final int LIMIT = 30;

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;

    @BeforeAll
    static void facility() throws Exception {
        portal = PortalFixture.get();
        admin = portal.administrator(portal.facilityWithMaster("スロットルテスト診療所", false));
    }

    @Test
    void aSprayFromOneAddressIsStoppedAfterTheLimitAndOtherAddressesAreServed() throws Exception {
        IssuedPassword clerk = portal.issue(admin.institutionCode(), admin.accountId(), AccountKind.ADMIN,
                AccountKind.GENERAL, "受付 散布");
        long mark = portal.server().auditLog().size();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(login("198.51.100.7", "U" + (10_000 + i), "Spray#2026")).isEqualTo("/web/login?error=credentials");
        }

        assertThat(login("198.51.100.7", "U99998", "Spray#2026")).isEqualTo("/web/login?error=throttled");
        assertThat(login("198.51.100.7", clerk.account().accountId(), clerk.password()))
                .as("not even the right password is checked").isEqualTo("/web/login?error=throttled");
        String page = portal.mvc().perform(get("/web/login?error=throttled")
                .with(portal.certificateOf(admin.institutionCode()))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(EntryController.THROTTLED);

        assertThat(login("198.51.100.8", clerk.account().accountId(), clerk.password()))
                .as("another address").isEqualTo("/web/password/change");
        List<AuditEvent> throttled = portal.server().auditLog().read(mark, 10_000).stream()
                .filter(e -> e.action().equals(AccountService.LOGIN_FAILED) && e.outcome().contains("THROTTLED"))
                .toList();
        assertThat(throttled).singleElement().satisfies(e -> {
            assertThat(e.facility()).isEqualTo(admin.institutionCode());
            assertThat(e.subject()).isEqualTo("from=198.51.100.7");
        });
    }

    private static String login(String address, String id, String password) throws Exception {
        MvcResult r = portal.mvc().perform(post("/web/login").with(portal.certificateOf(admin.institutionCode()))
                .with(csrf()).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }).param("accountId", id).param("password", password)).andReturn();
        return r.getResponse().getRedirectedUrl();
    }
}
