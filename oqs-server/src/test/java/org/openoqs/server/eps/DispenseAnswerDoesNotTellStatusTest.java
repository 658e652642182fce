package org.openoqs.server.eps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.eps.EpsFixture.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.facility.EPrescriptionUse;

/**
 * Issue 19, item 15b: the 調剤結果登録 answer used to tell any pharmacy the status of any prescription id (未受付,
 * 他の薬局で受付済, 調剤済 …). The probe, over mutual TLS from a pharmacy that never held the prescriptions: for
 * a prescription in every status its answer is the answer for an id that does not exist, and nothing changes.
 */
class DispenseAnswerDoesNotTellStatusTest {

    static final EpsFixture eps = new EpsFixture();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    static EpsFixture.Facility clinic;
    static EpsFixture.Facility pharmacy;
    static EpsFixture.Facility prober;

    @BeforeAll
    static void facilities() {
        clinic = eps.facility('1', EPrescriptionUse.ELECTRONIC_AND_PAPER);
        pharmacy = eps.facility('4', EPrescriptionUse.ELECTRONIC_ONLY);
        prober = eps.facility('4', EPrescriptionUse.ELECTRONIC_ONLY);
    }

    @Test
    void aPharmacyThatDoesNotHoldThePrescriptionGetsTheUnknownIdAnswerInEveryStatus() {
        XmlNode unreceived = register("2001");
        XmlNode cancelled = register("2002");
        eps.call(clinic, EpsOperation.CANCEL, EpsFixture.byId(text(cancelled, "PrescriptionId")));
        XmlNode received = register("2003");
        eps.call(pharmacy, EpsOperation.RECEIVE, EpsFixture.receive(text(received, "AccessCode"), EpsFixture.BIRTHDATE));
        XmlNode dispensed = register("2004");
        eps.call(pharmacy, EpsOperation.RECEIVE, EpsFixture.receive(text(dispensed, "AccessCode"), EpsFixture.BIRTHDATE));
        String dispensedId = text(dispensed, "PrescriptionId");
        assertThat(text(eps.call(pharmacy, EpsOperation.DISPENSING_RESULT,
                PrescriptionLifecycleTest.dispensing(dispensedId, null)), "ProcessingResultStatus")).isEqualTo("1");

        String unknown = UUID.randomUUID().toString();
        String expected = probe(unknown);
        assertThat(expected).contains("EPSB1011E");
        for (XmlNode registered : new XmlNode[] {unreceived, cancelled, received, dispensed}) {
            String id = text(registered, "PrescriptionId");
            assertThat(probe(id).replace(id, "<id>")).as(id).isEqualTo(expected.replace(unknown, "<id>"));
        }

        assertThat(status(text(unreceived, "PrescriptionId"))).isEqualTo("未受付");
        assertThat(status(text(cancelled, "PrescriptionId"))).isEqualTo("取消済");
        assertThat(status(text(received, "PrescriptionId"))).isEqualTo("調剤中");
        assertThat(status(dispensedId)).isEqualTo("調剤済");
        // the pharmacy that holds it is still told
        assertThat(text(eps.call(pharmacy, EpsOperation.DISPENSING_RESULT,
                PrescriptionLifecycleTest.dispensing(text(received, "PrescriptionId"), null)), "PrescriptionStatus"))
                .isEqualTo("調剤済");
    }

    /** The prober's whole answer body: status, code, message and anything else it carries. */
    private static String probe(String id) {
        return eps.call(prober, EpsOperation.DISPENSING_RESULT, PrescriptionLifecycleTest.dispensing(id, null)).toString();
    }

    private static String status(String id) {
        return text(eps.call(clinic, EpsOperation.STATUS, EpsFixture.byId(id)), "PrescriptionStatus");
    }

    private static XmlNode register(String number) {
        XmlNode result = eps.call(clinic, EpsOperation.REGISTER, EpsFixture.register(
                EpsFixture.signed(eps.doctor(), EpsFixture.document(clinic.code(), number, TODAY)),
                PrescriptionIssueSelect.ELECTRONIC));
        assertThat(text(result, "ProcessingResultStatus")).as(result.toString()).isEqualTo("1");
        return result;
    }
}
