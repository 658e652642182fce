package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.web.MedicalInformationTestSupport.open;
import static org.openoqs.server.web.MedicalInformationTestSupport.page;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.clins.document.DocumentInbox;
import org.openoqs.server.facility.FacilityService;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * 医療情報閲覧 → 受信文書: a referral sent with the verbal consent is listed with its patient and rendered in Japanese
 * sections with its attached 退院時サマリー; one without consent is listed only as waiting and its screen refused with
 * OQSP5004 — each view and refusal audited with the account.
 */
class ReceivedDocumentsPortalTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn viewer;
    static String sender;
    static String open;
    static String waiting;

    @BeforeAll
    static void twoReferralsArrive() throws Exception {
        portal = PortalFixture.get();
        viewer = portal.person(portal.administrator(portal.facilityWithMaster("文書受信病院", true)),
                AccountKind.MEDICAL_VIEWER, "医師 八郎");
        FacilityService facilities = portal.server().facilities();
        facilities.updateSettings(viewer.institutionCode(),
                facilities.get(viewer.institutionCode()).settings().withEKarteSharing(true));
        sender = portal.newFacility("文書送信診療所", false);
        HttpClient client = portal.shared().pki().client(portal.shared().pki().issueFacility(sender));
        open = send(client, "referral-with-discharge-summary.json", "portal-open", true);
        waiting = send(client, "referral-only.json", "portal-waiting", false);
    }

    @Test
    void theListShowsTheConsentedReferralWithItsPatientAndTheOtherOnlyAsWaiting() throws Exception {
        String list = page(portal, viewer, "/web/medical/documents");

        assertThat(list).contains("<h1>受信文書</h1>").contains("id=\"document-" + open + "\"").contains("鈴木　一郎")
                .contains("閲覧可").contains("id=\"document-" + waiting + "\"").contains("同意待ち").contains(sender);
        assertThat(list.split("鈴木　一郎", -1)).as("the waiting one's patient is not shown").hasSize(2);
        assertThat(page(portal, viewer, "/web/medical")).contains("id=\"received-documents\"");
    }

    @Test
    void aConsentedReferralIsRenderedInJapaneseSectionsWithItsDischargeSummary() throws Exception {
        String screen = page(portal, viewer, "/web/medical/documents/" + open);

        assertThat(screen).contains("<h1 id=\"document-title\">診療情報提供書</h1>")
                .contains("<h2>紹介元情報</h2>").contains("<h2>紹介先情報</h2>").contains("<h3>紹介目的</h3>")
                .contains("肺炎後の2型糖尿病の精査・加療をお願いします。").contains("<h3>傷病名・主訴</h3>")
                .contains("傷病名: 2型糖尿病").contains("<h3>現病歴</h3>").contains("医療機関: 文書受信病院").doesNotContain("http://www.w3.org/1999/xhtml");
        assertThat(screen).contains("添付: 退院時サマリー").contains("<h3>入院中経過</h3>")
                .contains("入院中経過: 抗菌薬点滴で解熱し、炎症反応も改善。").contains("入院期間: 2026-11-10〜2026-11-20");
        AuditEvent read = portal.server().auditLog().recent(viewer.institutionCode(), 10).stream()
                .filter(e -> e.action().equals(DocumentInbox.ACTION)).findFirst().orElseThrow();
        assertThat(read.actor()).isEqualTo(viewer.accountId());
        assertThat(read.outcome()).isEqualTo("READ version=1");
    }

    @Test
    void aWaitingReferralIsRefusedOnScreenAndAudited() throws Exception {
        MockHttpServletResponse r = open(portal, viewer, "/web/medical/documents/"
                + waiting);

        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains("OQSP5004").contains("閲覧同意がない").doesNotContain("紹介目的");
        assertThat(portal.server().auditLog().recent(viewer.institutionCode(), 10).stream()
                .filter(e -> e.action().equals(DocumentInbox.ACTION)).findFirst().orElseThrow().outcome())
                .isEqualTo("REFUSED OQSP5004");
    }

    private static String send(HttpClient client, String file, String localId, boolean verbal) throws Exception {
        String json = new String(ExampleCorpus.dir("clins-documents").stream().filter(e -> e.file().equals(file))
                .findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8)
                .replace(ExampleCorpus.DEMO_INSTITUTION_CODE, sender).replace("0113820013", viewer.institutionCode())
                .replace("オープン総合病院（デモ）", "文書受信病院")
                .replaceAll("\\^2026\\^ref-suzuki(-plain)?\"", "^2026^" + localId + "\"");
        URI uri = portal.shared().base().resolve("api/v1/clins/documents" + (verbal ? "?verbalConsent=true" : ""));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return sender + "^2026^" + localId;
    }
}
