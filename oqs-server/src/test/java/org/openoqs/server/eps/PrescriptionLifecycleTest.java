package org.openoqs.server.eps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.eps.EpsFixture.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.facility.EPrescriptionUse;

/**
 * One prescription from registration to 調剤済 through the API: the pharmacy receives it by 引換番号, registers the
 * dispensing result, and the prescribing clinic sees each status change; the moves that no longer apply are refused
 * with their own codes, and repeated moves are answered as before.
 */
class PrescriptionLifecycleTest {

    static final EpsFixture eps = new EpsFixture();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    static EpsFixture.Facility clinic;
    static EpsFixture.Facility pharmacy;
    static EpsFixture.Facility otherPharmacy;

    @BeforeAll
    static void facilities() {
        clinic = eps.facility('1', EPrescriptionUse.ELECTRONIC_AND_PAPER);
        pharmacy = eps.facility('4', EPrescriptionUse.ELECTRONIC_ONLY);
        otherPharmacy = eps.facility('4', EPrescriptionUse.ELECTRONIC_ONLY);
    }

    private static XmlNode register(String number) {
        XmlNode result = eps.call(clinic, EpsOperation.REGISTER, EpsFixture.register(
                EpsFixture.signed(eps.doctor(), EpsFixture.document(clinic.code(), number, TODAY)),
                PrescriptionIssueSelect.ELECTRONIC));
        assertThat(text(result, "ProcessingResultStatus")).as(result.toString()).isEqualTo("1");
        return result;
    }

    @Test
    void clinicIssuesPharmacyReceivesAndDispensesClinicSeesDispensed() {
        XmlNode registered = register("1001");
        String id = text(registered, "PrescriptionId");
        String accessCode = text(registered, "AccessCode");
        assertThat(accessCode).matches("\\d{10}");
        assertThat(text(eps.call(clinic, EpsOperation.STATUS, EpsFixture.byId(id)), "PrescriptionStatus")).isEqualTo("未受付");

        XmlNode wrongBirthdate = eps.call(pharmacy, EpsOperation.RECEIVE, EpsFixture.receive(accessCode,
                EpsFixture.BIRTHDATE.plusDays(1)));
        assertThat(text(wrongBirthdate, "ProcessingResultCode")).isEqualTo("EPSC1001E");

        XmlNode received = eps.call(pharmacy, EpsOperation.RECEIVE, EpsFixture.receive(accessCode, EpsFixture.BIRTHDATE));
        assertThat(text(received, "ProcessingResultStatus")).isEqualTo("1");
        assertThat(text(received, "PrescriptionId")).isEqualTo(id);
        assertThat(text(received, "PrescriptionStatus")).isEqualTo("調剤中");
        assertThat(text(received, "PrescriptionDocument", "MedicationList", "Medication", "DrugName")).isEqualTo("テスト錠10mg");
        assertThat(text(received, "PrescriptionInfo")).isNotBlank();

        XmlNode atClinic = eps.call(clinic, EpsOperation.STATUS, EpsFixture.byId(id));
        assertThat(text(atClinic, "PrescriptionStatus")).isEqualTo("調剤中");
        assertThat(text(atClinic, "ReceptionPharmacyCode")).isEqualTo(pharmacy.code());
        assertThat(text(atClinic, "ReceptionPharmacyName")).isEqualTo("テスト薬局 " + pharmacy.code());

        assertThat(text(eps.call(otherPharmacy, EpsOperation.RECEIVE, EpsFixture.receive(accessCode, EpsFixture.BIRTHDATE)),
                "ProcessingResultCode")).isEqualTo("EPSC1003E");
        assertThat(text(eps.call(pharmacy, EpsOperation.RECEIVE, EpsFixture.receive(accessCode, EpsFixture.BIRTHDATE)),
                "ProcessingResultCode")).as("a retried receive").isEqualTo("EPSC1005I");
        assertThat(text(eps.call(clinic, EpsOperation.CANCEL, EpsFixture.byId(id)), "ProcessingResultCode"))
                .isEqualTo("EPSB1031E");

        XmlNode dispensed = eps.call(pharmacy, EpsOperation.DISPENSING_RESULT, dispensing(id, "後発品に変更しました"));
        assertThat(text(dispensed, "ProcessingResultStatus")).as(dispensed.toString()).isEqualTo("1");
        assertThat(text(dispensed, "PrescriptionStatus")).isEqualTo("調剤済");

        XmlNode seen = eps.call(clinic, EpsOperation.STATUS, EpsFixture.byId(id));
        assertThat(text(seen, "PrescriptionStatus")).isEqualTo("調剤済");
        assertThat(text(seen, "MessageFlg")).isEqualTo("2");
        assertThat(text(seen, "DispensingResult", "Message")).isEqualTo("後発品に変更しました");
        assertThat(text(seen, "DispensingResult", "DispensedMedicationList", "DispensedMedication", "Quantity"))
                .isEqualTo("21");

        assertThat(text(eps.call(clinic, EpsOperation.CANCEL, EpsFixture.byId(id)), "ProcessingResultCode"))
                .as("cancel after dispensing").isEqualTo("EPSB1031E");
        assertThat(text(eps.call(pharmacy, EpsOperation.DISPENSING_RESULT, dispensing(id, "後発品に変更しました")),
                "ProcessingResultCode")).isEqualTo("EPSC1013I");
        assertThat(text(eps.call(pharmacy, EpsOperation.DISPENSING_RESULT, dispensing(id, "別の内容")),
                "ProcessingResultCode")).isEqualTo("EPSC1014E");
        assertThat(text(eps.call(pharmacy, EpsOperation.RECEIVE, EpsFixture.receive(accessCode, EpsFixture.BIRTHDATE)),
                "ProcessingResultCode")).isEqualTo("EPSC1004E");

        String day = TODAY.format(DateTimeFormatter.BASIC_ISO_DATE);
        XmlNode list = eps.call(clinic, EpsOperation.DISPENSING_RESULTS, EpsFixture.body()
                .leaf("DispensingResultListStartDate", day).leaf("DispensingResultListEndDate", day));
        assertThat(list.children("DispensingResultList")).hasSize(1);
        assertThat(text(list, "DispensingResultList", "PrescriptionId")).isEqualTo(id);
        assertThat(text(list, "DispensingResultList", "MessageFlg")).isEqualTo("2");
        assertThat(eps.call(pharmacy, EpsOperation.DISPENSING_RESULTS, EpsFixture.body()
                .leaf("DispensingResultListStartDate", day).leaf("DispensingResultListEndDate", day))
                .children("DispensingResultList")).hasSize(1);
        assertThat(eps.call(otherPharmacy, EpsOperation.STATUS, EpsFixture.byId(id)).toString())
                .as("a pharmacy that never held it sees nothing").contains("EPSB1011E");
    }

    @Test
    void cancelTwiceGivesTheAlreadyCancelledWarningAndPharmaciesCannotReceiveIt() {
        XmlNode registered = register("1002");
        String id = text(registered, "PrescriptionId");

        XmlNode cancelled = eps.call(clinic, EpsOperation.CANCEL, EpsFixture.byId(id));
        assertThat(text(cancelled, "ProcessingResultStatus")).isEqualTo("1");
        assertThat(text(cancelled, "PrescriptionStatus")).isEqualTo("取消済");

        XmlNode again = eps.call(clinic, EpsOperation.CANCEL, EpsFixture.byId(id));
        assertThat(text(again, "ProcessingResultStatus")).isEqualTo("2");
        assertThat(text(again, "ProcessingResultCode")).isEqualTo("EPSB1032W");
        assertThat(text(again, "ProcessingResultMessage")).contains("状態を確認してください");

        assertThat(text(eps.call(pharmacy, EpsOperation.RECEIVE, EpsFixture.receive(text(registered, "AccessCode"),
                EpsFixture.BIRTHDATE)), "ProcessingResultCode")).isEqualTo("EPSC1002E");
        assertThat(text(eps.call(pharmacy, EpsOperation.DISPENSING_RESULT, dispensing(id, null)),
                "ProcessingResultCode")).as("not held by this pharmacy: as if unknown").isEqualTo("EPSB1011E");
    }

    @Test
    void aPharmacyCannotDispenseWhatItDidNotReceive() {
        String id = text(register("1003"), "PrescriptionId");
        assertThat(text(eps.call(pharmacy, EpsOperation.DISPENSING_RESULT, dispensing(id, null)),
                "ProcessingResultCode")).as("not held by this pharmacy: as if unknown").isEqualTo("EPSB1011E");
    }

    static XmlNode.Builder dispensing(String id, String message) {
        return EpsFixture.byId(id).child("DispensingResult", r -> r
                .leaf("DispensingDate", TODAY.format(DateTimeFormatter.BASIC_ISO_DATE))
                .leaf("PharmacistName", "薬局　太郎")
                .child("DispensedMedicationList", l -> l.child("DispensedMedication", m -> m
                        .leaf("DrugName", "テスト錠10mg「後発」").leaf("Quantity", "21").leaf("Unit", "錠").leaf("Days", "7")))
                .leaf("Message", message));
    }
}
