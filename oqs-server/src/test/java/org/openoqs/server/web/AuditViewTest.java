package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.account.AccountKind;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 操作履歴: logins, failed logins, account changes and refusals of the facility are listed for its administrator,
 * newest first, and can be filtered by action, actor and period; malformed filters are reported, not run.
 */
class AuditViewTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;
    static PortalFixture.SignedIn clerk;

    @BeforeAll
    static void activity() throws Exception {
        portal = PortalFixture.get();
        admin = portal.administrator(portal.facilityWithMaster("履歴テスト診療所", false));
        clerk = portal.person(admin, AccountKind.GENERAL, "受付 十一");
        portal.login(admin.institutionCode(), clerk.accountId(), "wrong-password");
    }

    @Test
    void everyKindOfEventOfTheFacilityIsListed() throws Exception {
        String page = view().getContentAsString();

        assertThat(page).contains("ログイン").contains("ログイン失敗").contains("アカウント作成").contains("パスワード変更")
                .contains("REFUSED BAD_PASSWORD failures=1").contains("account=" + clerk.accountId() + " kind=GENERAL");
    }

    @Test
    void filteringByActionAndActorNarrowsTheList() throws Exception {
        String failures = view("action", "WEB_LOGIN_FAILED").getContentAsString();
        String byClerk = view("actor", clerk.accountId()).getContentAsString();

        assertThat(failures).contains("REFUSED BAD_PASSWORD").doesNotContain(">ACCOUNT_CREATE<")
                .doesNotContain("アカウント作成</td>");
        assertThat(byClerk).contains(clerk.accountId()).doesNotContain("<td class=\"mono\">" + admin.accountId() + "</td>");
    }

    @Test
    void aPeriodInTheFutureShowsNothingAndTodayShowsTheEvents() throws Exception {
        LocalDate today = LocalDate.now(ServerConfig.TOKYO);

        assertThat(view("from", today.plusDays(1).toString()).getContentAsString()).contains("該当する履歴はありません");
        assertThat(view("from", today.toString(), "to", today.toString()).getContentAsString()).contains("id=\"audit-table\"");
    }

    @Test
    void malformedFiltersAreReportedInJapanese() throws Exception {
        String page = view("from", "2026-13-01", "actor", "<script>", "action", "drop table").getContentAsString();

        assertThat(page).contains("期間（開始）は yyyy-MM-dd の形式で指定してください")
                .contains("操作者は半角英数字で指定してください").contains("操作の指定が正しくありません")
                .doesNotContain("<script>");
    }

    /** GET /web/audit with name/value pairs as parameters. */
    private static MockHttpServletResponse view(String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/web/audit");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return portal.mvc().perform(admin.as(request)).andReturn().getResponse();
    }
}
