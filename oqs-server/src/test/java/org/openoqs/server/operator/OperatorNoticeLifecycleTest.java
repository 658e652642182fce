package org.openoqs.server.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.notice.Notice;
import org.openoqs.server.notice.NoticeService;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.web.PortalFixture;
import tools.jackson.databind.JsonNode;

/**
 * What the operator publishes over the operator API is what facilities see in the portal's お知らせ: addressed to
 * one facility it stays out of another's list, addressed to none it reaches all, withdrawn it disappears; the
 * publish and the withdrawal are audited with the operator's certificate.
 */
class OperatorNoticeLifecycleTest {

    static PortalFixture portal;
    static NoticeService notices;
    static PortalFixture.SignedIn admin;
    static String otherFacility;

    private final OperatorFixture f = new OperatorFixture();

    @BeforeAll
    static void facilities() throws Exception {
        portal = PortalFixture.get();
        notices = portal.server().bean(NoticeService.class);
        admin = portal.administrator(portal.facilityWithMaster("運用者お知らせ診療所", false));
        otherFacility = portal.newFacility("運用者お知らせ別院", false);
    }

    @Test
    void aFacilityNoticeIsShownToThatFacilityOnlyUntilWithdrawn() throws Exception {
        long mark = f.auditMark();
        Api.Response published = publish("{\"title\":\"証明書更新のお願い\",\"body\":\"電子証明書の有効期限が近づいています。\","
                + "\"institutionCode\":\"" + admin.institutionCode() + "\"}");

        assertThat(published.status()).isEqualTo(201);
        long id = published.json().get("id").asLong();
        assertThat(published.json().get("audience").asString()).isEqualTo(admin.institutionCode());
        assertThat(published.json().get("until").isNull()).isTrue();
        assertThat(Instant.parse(published.json().get("from").asString()))
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(notices.current(admin.institutionCode())).extracting(Notice::id).contains(id);
        assertThat(notices.current(otherFacility)).extracting(Notice::id).doesNotContain(id);
        String page = portal.mvc().perform(admin.as(get("/web/notices")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("証明書更新のお願い");
        assertThat(listed(id)).isNotNull();
        assertThat(f.auditSince(mark, NoticeService.PUBLISH)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(f.operatorActor());
            assertThat(e.facility()).isEqualTo(admin.institutionCode());
            assertThat(e.subject()).isEqualTo("notice=" + id);
        });

        Api.Response withdrawn = Api.delete(f.operator, f.shared.base(), "api/v1/operator/notices/" + id);

        assertThat(withdrawn.status()).isEqualTo(204);
        assertThat(notices.current(admin.institutionCode())).extracting(Notice::id).doesNotContain(id);
        assertThat(portal.mvc().perform(admin.as(get("/web/notices"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("証明書更新のお願い");
        assertThat(listed(id)).isNull();
        assertThat(f.auditSince(mark, NoticeService.WITHDRAW)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(f.operatorActor());
            assertThat(e.outcome()).isEqualTo("OK");
        });
        assertThat(Api.delete(f.operator, f.shared.base(), "api/v1/operator/notices/" + id).status())
                .as("withdrawn twice").isEqualTo(404);
    }

    @Test
    void aNoticeForEveryFacilityReachesThemAll() throws Exception {
        Api.Response published = publish("{\"title\":\"全医療機関等へのお知らせ\",\"body\":\"運用者から\"}");

        assertThat(published.status()).isEqualTo(201);
        long id = published.json().get("id").asLong();
        try {
            assertThat(published.json().get("audience").asString()).isEqualTo(OperatorNoticeController.EVERY_FACILITY);
            assertThat(notices.current(admin.institutionCode())).extracting(Notice::id).contains(id);
            assertThat(notices.current(otherFacility)).extracting(Notice::id).contains(id);
        } finally {
            // the JVM's other test classes share this server
            assertThat(Api.delete(f.operator, f.shared.base(), "api/v1/operator/notices/" + id).status()).isEqualTo(204);
        }
    }

    @Test
    void aScheduledNoticeIsListedForTheOperatorButNotShownYet() throws Exception {
        Api.Response published = publish("{\"title\":\"来月の保守\",\"body\":\"予定\",\"institutionCode\":\""
                + otherFacility + "\",\"from\":\"2099-01-01T00:00:00+09:00\",\"until\":\"2099-01-02T00:00:00+09:00\"}");

        assertThat(published.status()).isEqualTo(201);
        long id = published.json().get("id").asLong();
        assertThat(published.json().get("from").asString()).isEqualTo("2098-12-31T15:00:00Z");
        assertThat(published.json().get("until").asString()).isEqualTo("2099-01-01T15:00:00Z");
        assertThat(notices.current(otherFacility)).extracting(Notice::id).doesNotContain(id);
        assertThat(listed(id).get("audience").asString()).isEqualTo(otherFacility);
    }

    private Api.Response publish(String json) throws Exception {
        return Api.post(f.operator, f.shared.base(), "api/v1/operator/notices", json);
    }

    /** The notice in the operator's list, or null. */
    private JsonNode listed(long id) throws Exception {
        Api.Response list = Api.get(f.operator, f.shared.base(), "api/v1/operator/notices");
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode n : list.json().get("notices")) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        return null;
    }
}
