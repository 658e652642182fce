package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.population.Personas;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.audit.AuditEvent;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 資格確認書／処方箋で確認: the typed numbers go through the central service's own inquiry path, the result screen
 * lists every field with its Japanese label and code-table label, bad input comes back with the interface's error
 * code, and each view is audited with the account that made it.
 */
class ManualInquiryTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn clerk;

    @BeforeAll
    static void clerk() throws Exception {
        portal = PortalFixture.get();
        PortalFixture.SignedIn admin = portal.administrator(portal.facilityWithMaster("資格確認テスト診療所", false));
        clerk = portal.person(admin, AccountKind.GENERAL, "受付 九子");
    }

    @Test
    void aPersonaIsShownWithEveryFieldAndItsLabels() throws Exception {
        QualificationConfirmSearchInfo taro = Personas.byKey("shaho-honnin").orElseThrow().inquiry();

        String page = search(form(taro)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("資格情報確認").contains("有効（1）").contains("山田　太郎")
                .contains("ﾔﾏﾀﾞ ﾀﾛｳ").contains("はなみずき健康保険組合")
                .contains("被保険者証区分").contains("本人・家族の別").contains("本人（1）")
                .contains("一部負担金割合").contains("資格取得年月日").contains("2020年4月1日")
                .contains("高齢受給者証情報").contains("限度額適用認定証関連情報").contains("特定疾病療養受療証情報")
                .contains("薬剤情報閲覧同意").contains("文字コード識別");
    }

    @Test
    void aPersonWithoutQualificationIsAnAnswerNotAnError() throws Exception {
        QualificationConfirmSearchInfo none = Personas.byKey("gaitou-nashi").orElseThrow().inquiry();

        String page = search(form(none)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("該当資格なし（4）");
    }

    @Test
    void aWrongCheckDigitIsRefusedWithTheInterfacesCode() throws Exception {
        QualificationConfirmSearchInfo taro = Personas.byKey("shaho-honnin").orElseThrow().inquiry();
        String insurer = taro.insurerNumber().strip();
        String broken = insurer.substring(0, insurer.length() - 1) + (char) ('0' + (insurer.charAt(insurer.length() - 1) - '0' + 1) % 10);

        String page = search(form(new QualificationConfirmSearchInfo(broken, taro.insuredCardSymbol(),
                taro.insuredIdentificationNumber(), taro.insuredBranchNumber(), taro.birthdate(), "0", null)))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains(ErrorCode.INVALID_INSURER_NUMBER_CHECK_DIGIT.code()).contains("id=\"inquiry-error\"")
                .contains("value=\"" + broken + "\"").doesNotContain("資格情報確認");
    }

    @Test
    void aBirthdateThatIsNotADateIsRefusedWithItsCode() throws Exception {
        QualificationConfirmSearchInfo taro = Personas.byKey("shaho-honnin").orElseThrow().inquiry();

        String page = search(form(new QualificationConfirmSearchInfo(taro.insurerNumber(), taro.insuredCardSymbol(),
                taro.insuredIdentificationNumber(), taro.insuredBranchNumber(), "1985-13-45", "0", null)))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"inquiry-error\"").contains(ErrorCode.INVALID_BIRTHDATE.code());
    }

    @Test
    void theViewIsAuditedWithTheAccountAndTheInquiryWithTheCertificate() throws Exception {
        search(form(Personas.byKey("kokuho").orElseThrow().inquiry())).andReturn();

        AuditEvent view = portal.server().auditLog().recent(clerk.institutionCode(), 10).stream()
                .filter(e -> e.action().equals(ManualInquiryController.ACTION)).findFirst().orElseThrow();
        assertThat(view.actor()).isEqualTo(clerk.accountId());
        assertThat(view.outcome()).isEqualTo("OK validity=1 records=1");
        String fileId = view.subject().substring("file=".length());
        assertThat(portal.server().auditLog().recent(clerk.institutionCode(), 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("QUALIFICATION_INQUIRY");
            assertThat(e.actor()).startsWith("cert:");
            assertThat(e.subject()).contains("file=" + fileId);
        });
    }

    private static org.springframework.test.web.servlet.ResultActions search(MockHttpServletRequestBuilder form)
            throws Exception {
        return portal.mvc().perform(clerk.as(form));
    }

    private static MockHttpServletRequestBuilder form(QualificationConfirmSearchInfo s) {
        return post("/web/inquiry").with(csrf())
                .param("insurerNumber", s.insurerNumber().strip())
                .param("insuredCardSymbol", s.insuredCardSymbol() == null ? "" : s.insuredCardSymbol())
                .param("insuredIdentificationNumber", s.insuredIdentificationNumber())
                .param("insuredBranchNumber", s.insuredBranchNumber() == null ? "" : s.insuredBranchNumber())
                .param("birthdate", s.birthdate());
    }
}
