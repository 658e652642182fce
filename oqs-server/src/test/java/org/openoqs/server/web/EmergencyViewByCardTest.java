package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.card.PresenceStatement;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.registry.Person;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.emergency.EmergencyViewing;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.IssuedCard;
import org.openoqs.server.testsupport.ReaderSessions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * 救急時医療情報閲覧 with the patient identified by card (docs/emergency-view.md "Identifying the patient by card"):
 * the emergency account (permission, second factor) asks for a 受付番号, the hospital's own signed-in reader reads the
 * patient's real card (目視確認, no PIN, no consent; the card signs the service's challenge), and that account then
 * sees the person's 救急用サマリー with a reason — audited like the insurance-key path, no consent recorded. The attacks:
 * another facility's reader, an account without the permission, one that skipped the second factor, another emergency
 * account of the same hospital, a replayed number, a card signature made for an ordinary confirmation — each refused
 * with its code, audited, and nothing identified by it.
 */
class EmergencyViewByCardTest {

    private static final Pattern CODE = Pattern.compile("id=\"card-request-code\">([0-9]{8})<");
    private static final AtomicInteger NEXT_CARD = new AtomicInteger(400); // far from the tests that take the first ones

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;
    static PortalFixture.SignedIn emergencyViewer;
    static PortalFixture.SignedIn colleague;
    static String hospital;
    static HttpClient hospitalClient;
    static String hospitalReader;
    static String otherHospital;
    static HttpClient otherClient;
    static String otherReader;

    @BeforeAll
    static void hospitalsAccountsAndReaders() throws Exception {
        portal = PortalFixture.get();
        admin = EmergencyTestSupport.hospitalAdministrator(portal, "カード救急テスト病院");
        hospital = admin.institutionCode();
        emergencyViewer = EmergencyTestSupport.viewer(portal, admin, true);
        EmergencyTestSupport.enrolled(portal, emergencyViewer);
        colleague = EmergencyTestSupport.viewer(portal, admin, true);
        EmergencyTestSupport.enrolled(portal, colleague);
        hospitalClient = portal.shared().pki().client(portal.shared().pki().issueFacility(hospital));
        hospitalReader = ReaderSessions.token(hospitalClient, portal.shared().base(),
                ReaderSessions.createReaderAccount(portal.server(), hospital, "救急外来のカードリーダー"));

        PortalFixture.SignedIn otherAdmin = EmergencyTestSupport.hospitalAdministrator(portal, "カード救急 別病院");
        otherHospital = otherAdmin.institutionCode();
        otherClient = portal.shared().pki().client(portal.shared().pki().issueFacility(otherHospital));
        otherReader = ReaderSessions.token(otherClient, portal.shared().base(),
                ReaderSessions.createReaderAccount(portal.server(), otherHospital, "別病院のカードリーダー"));
    }

    @Test
    void theHospitalsReaderIdentifiesThePatientByCardAndTheAccountSeesTheSummaryOnce() throws Exception {
        IssuedCard card = freshCard();
        Person patient = holderOf(card);
        String code = requestCode(emergencyViewer);

        Api.Response read = card.identifyForEmergency(hospitalClient, portal.shared().base(), hospitalReader, hospital,
                code);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("\"identified\":true").doesNotContain(patient.name());

        MockHttpServletResponse summary = byCard(emergencyViewer, code, "1");
        assertThat(summary.getStatus()).isEqualTo(200);
        assertThat(summary.getContentAsString()).contains("id=\"emergency-banner\"").contains("患者の同意なし")
                .contains(patient.name());
        assertThat(portal.server().bean(ConsentService.class).latest(hospital, patient.personId()))
                .as("no consent is recorded by an emergency read").isEmpty();

        List<AuditEvent> audit = EmergencyTestSupport.audit(portal, hospital, EmergencyViewing.ACTION);
        assertThat(audit.get(0).actor()).isEqualTo(emergencyViewer.accountId());
        assertThat(audit.get(0).subject()).isEqualTo("persons=" + patient.personId()
                + ";channel=web;reason=1;identified=card;card-request=" + code);
        assertThat(audit.get(0).outcome()).startsWith("OK summary");
        assertThat(audit).anyMatch(e -> e.outcome().equals("CARD_IDENTIFIED") && e.actor().startsWith("device:")
                && e.subject().equals("card-request=" + code + ";card=" + card.cardId() + ";persons="
                + patient.personId()));
        assertThat(audit).anyMatch(e -> e.outcome().equals("CARD_REQUESTED")
                && e.actor().equals(emergencyViewer.accountId()));

        MockHttpServletResponse again = byCard(emergencyViewer, code, "1");
        assertThat(again.getStatus()).as("a number is used by its view").isEqualTo(400);
        assertThat(again.getContentAsString()).contains("OQSF5039").doesNotContain(patient.name());
    }

    @Test
    void anotherFacilitysReaderCannotAnswerTheHospitalsNumber() throws Exception {
        IssuedCard card = freshCard();
        Person patient = holderOf(card);
        String code = requestCode(emergencyViewer);

        Api.Response foreign = card.identifyForEmergency(otherClient, portal.shared().base(), otherReader,
                otherHospital, code);
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.body()).contains("OQSF5038");
        assertThat(EmergencyTestSupport.audit(portal, otherHospital, EmergencyViewing.ACTION).get(0).outcome())
                .isEqualTo("REFUSED OQSF5038");
        MockHttpServletResponse nothing = byCard(emergencyViewer, code, "1");
        assertThat(nothing.getStatus()).isEqualTo(400);
        assertThat(nothing.getContentAsString()).contains("OQSF5039").doesNotContain(patient.name());

        // the hospital's own reader still can: nothing was lost or taken by the attempt
        assertThat(card.identifyForEmergency(hospitalClient, portal.shared().base(), hospitalReader, hospital, code)
                .status()).isEqualTo(200);
        assertThat(byCard(emergencyViewer, code, "1").getContentAsString()).contains(patient.name());
    }

    @Test
    void aSignatureMadeForAnOrdinaryConfirmationDoesNotIdentify() throws Exception {
        IssuedCard card = freshCard();
        String code = requestCode(emergencyViewer);
        var challenge = card.challenge(hospitalClient, portal.shared().base(), hospitalReader);
        PresenceStatement ordinary = new PresenceStatement(challenge.get("challengeId").asString(),
                challenge.get("nonce").asString(), hospital, card.cardId(), CredentialKind.MY_NUMBER_CARD,
                PresenceMethod.FACE, java.util.Set.of(), MedicalTreatmentFlag.OUTPATIENT);

        Api.Response r = card.emergencyIdentification(hospitalClient, portal.shared().base(), hospitalReader, ordinary,
                code);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("OQSP3009");
        assertThat(byCard(emergencyViewer, code, "1").getContentAsString()).contains("OQSF5039");
    }

    @Test
    void onlyTheEmergencyAccountThatAskedMayUseTheNumber() throws Exception {
        IssuedCard card = freshCard();
        Person patient = holderOf(card);
        String code = requestCode(emergencyViewer);
        assertThat(card.identifyForEmergency(hospitalClient, portal.shared().base(), hospitalReader, hospital, code)
                .status()).isEqualTo(200);

        MockHttpServletResponse byColleague = byCard(colleague, code, "1");
        assertThat(byColleague.getStatus()).isEqualTo(400);
        assertThat(byColleague.getContentAsString()).contains("OQSF5039").doesNotContain(patient.name());
        assertThat(EmergencyTestSupport.audit(portal, hospital, EmergencyViewing.ACTION).get(0))
                .satisfies(e -> assertThat(e.actor()).isEqualTo(colleague.accountId()))
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("REFUSED OQSF5039"));

        PortalFixture.SignedIn withoutPermission = EmergencyTestSupport.viewer(portal, admin, false);
        MockHttpServletResponse noPermission = byCard(withoutPermission, code, "1");
        assertThat(noPermission.getStatus()).isEqualTo(403);
        assertThat(noPermission.getContentAsString()).contains("OQSF5003").doesNotContain(patient.name());
        MockHttpServletResponse noRequest = EmergencyTestSupport.send(portal, withoutPermission,
                post("/web/emergency/card-request").with(csrf()));
        assertThat(noRequest.getStatus()).isEqualTo(403);
        assertThat(noRequest.getContentAsString()).contains("OQSF5003");

        PortalFixture.SignedIn skipped = EmergencyTestSupport.viewer(portal, admin, true); // never passed the factor
        MockHttpServletResponse noFactor = EmergencyTestSupport.send(portal, skipped,
                post("/web/emergency/card-request").with(csrf()));
        assertThat(noFactor.getStatus()).isEqualTo(403);
        assertThat(noFactor.getContentAsString()).contains("OQSF5004");

        // the account that asked still can, once
        assertThat(byCard(emergencyViewer, code, "1").getContentAsString()).contains(patient.name());
    }

    private static String requestCode(PortalFixture.SignedIn who) throws Exception {
        MockHttpServletResponse r = EmergencyTestSupport.send(portal, who,
                post("/web/emergency/card-request").with(csrf()));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        Matcher m = CODE.matcher(r.getContentAsString());
        assertThat(m.find()).as("a 受付番号 on the page").isTrue();
        return m.group(1);
    }

    private static MockHttpServletResponse byCard(PortalFixture.SignedIn who, String code, String reason)
            throws Exception {
        return EmergencyTestSupport.send(portal, who, post("/web/emergency/summary-by-card").with(csrf())
                .param("requestCode", code).param("reasonCode", reason).param("reasonText", ""));
    }

    /** A card of the synthetic population no other test certifies (others take the first or the last ones). */
    private static IssuedCard freshCard() {
        String cardId = portal.server().bean(JdbcClient.class).sql("select c.card_id from my_number_card c "
                        + "where c.status = 'ACTIVE' and c.card_id like 'C%' and not exists (select 1 from card_credential "
                        + "k where k.card_id = c.card_id) order by c.card_id limit 1 offset ?")
                .param(NEXT_CARD.getAndIncrement()).query(String.class).single();
        return IssuedCard.issue(portal.server(), cardId);
    }

    private static Person holderOf(IssuedCard card) {
        String personId = portal.server().bean(JdbcClient.class)
                .sql("select person_id from my_number_card where card_id = ?").param(card.cardId())
                .query(String.class).single();
        return portal.server().bean(JdbcQualificationRegistry.class).person(personId.strip()).orElseThrow();
    }
}
