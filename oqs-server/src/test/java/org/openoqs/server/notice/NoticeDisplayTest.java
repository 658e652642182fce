package org.openoqs.server.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.web.PortalFixture;

/**
 * お知らせ (seed chapter 7): published centrally, to every facility or to one; new ones are listed right after
 * login until closed (閉じる), after which login goes straight to the menu. Withdrawn, expired and other
 * facilities' notices are never shown.
 */
class NoticeDisplayTest {

    static PortalFixture portal;
    static NoticeService notices;
    static PortalFixture.SignedIn admin;
    static String otherFacility;

    @BeforeAll
    static void facility() throws Exception {
        portal = PortalFixture.get();
        notices = portal.server().bean(NoticeService.class);
        admin = portal.administrator(portal.facilityWithMaster("お知らせテスト診療所", false));
        otherFacility = portal.newFacility("お知らせテスト別院", false);
    }

    @Test
    void aNewNoticeIsListedAfterLoginUntilClosed() throws Exception {
        Notice notice = notices.publish(admin.institutionCode(), "システムメンテナンスのお知らせ",
                "毎月第2日曜日 2:00〜6:00 はメンテナンスのため利用できません。", Instant.now().minusSeconds(60), null,
                "operator");
        IssuedPassword clerk = portal.issue(admin.institutionCode(), admin.accountId(), AccountKind.ADMIN,
                AccountKind.GENERAL, "受付 十子");
        var session = portal.signedIn(admin.institutionCode(), clerk.account().accountId(), clerk.password());

        var first = portal.login(admin.institutionCode(), clerk.account().accountId(), PortalFixture.GOOD_PASSWORD);
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/web/notices");
        String list = portal.mvc().perform(get("/web/notices").session(session)
                .with(portal.certificateOf(admin.institutionCode()))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("システムメンテナンスのお知らせ").contains("新着").contains("第2日曜日");

        var closed = portal.mvc().perform(post("/web/notices/close").session(session).with(csrf())
                .with(portal.certificateOf(admin.institutionCode()))).andReturn();
        assertThat(closed.getResponse().getRedirectedUrl()).isEqualTo("/web/menu");
        var second = portal.login(admin.institutionCode(), clerk.account().accountId(), PortalFixture.GOOD_PASSWORD);
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo("/web/menu");
        assertThat(notices.unread(admin.institutionCode(), clerk.account().accountId())).isEmpty();
        assertThat(notices.current(admin.institutionCode())).extracting(Notice::id).contains(notice.id());
    }

    @Test
    void anotherFacilitysNoticeIsNeverShown() {
        notices.publish(otherFacility, "別院向けのお知らせ", "本文", Instant.now().minusSeconds(60), null, "operator");

        assertThat(notices.current(admin.institutionCode())).extracting(Notice::title)
                .doesNotContain("別院向けのお知らせ");
        assertThat(notices.current(otherFacility)).extracting(Notice::title).contains("別院向けのお知らせ");
    }

    @Test
    void withdrawnExpiredAndFutureNoticesAreNotShown() {
        Notice withdrawn = notices.publish(admin.institutionCode(), "取り下げ", "本文", Instant.now().minusSeconds(60),
                null, "operator");
        notices.withdraw(withdrawn.id(), "operator");
        notices.publish(admin.institutionCode(), "掲載終了", "本文", Instant.now().minus(Duration.ofDays(10)),
                Instant.now().minus(Duration.ofDays(1)), "operator");
        notices.publish(admin.institutionCode(), "掲載予定", "本文", Instant.now().plus(Duration.ofDays(1)), null,
                "operator");

        assertThat(notices.current(admin.institutionCode())).extracting(Notice::title)
                .doesNotContain("取り下げ", "掲載終了", "掲載予定");
    }

    @Test
    void aNoticeForEveryFacilityReachesEachOfThem() {
        Notice everyone = notices.publish(null, "全医療機関等向けのお知らせ", "本文", Instant.now().minusSeconds(60), null,
                "operator");
        try {
            assertThat(notices.current(admin.institutionCode())).extracting(Notice::title)
                    .contains("全医療機関等向けのお知らせ");
            assertThat(notices.current(otherFacility)).extracting(Notice::title).contains("全医療機関等向けのお知らせ");
        } finally {
            notices.withdraw(everyone.id(), "operator"); // the JVM's other test classes share this server
        }
    }

    @Test
    void aNoticeWithoutTitleOrWithAnEndBeforeItsStartIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> notices.publish(null, " ", "本文", Instant.now(), null, "operator"))
                .withMessageContaining("件名");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> notices.publish(null, "件名", "本文", Instant.now(), Instant.now().minusSeconds(1),
                        "operator"))
                .withMessageContaining("掲載終了");
    }
}
