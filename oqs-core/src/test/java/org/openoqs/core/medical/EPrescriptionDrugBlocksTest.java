package org.openoqs.core.medical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.Sex;
import org.openoqs.core.codec.MessageFormatException;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.eps.DispensedMedication;
import org.openoqs.core.eps.Medication;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.registry.Person;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;

/**
 * The 電子処方箋-derived blocks of the 薬剤情報 XML answer: {@code CzDiInf/CzDiMonthInf} (調剤結果) and
 * {@code ShPrInf/ShPrMonthInf} (処方情報) with the element names of INTERFACE.md §4.7, grouped per month and facilities,
 * written after the claims' {@code MeTrMonthInf} and read back in UTF-8 and Shift_JIS; absent when there is nothing.
 */
class EPrescriptionDrugBlocksTest {

    private static final String CLINIC = "0113810014";
    private static final String PHARMACY = "0143810018";
    private static final Medication AMLODIPINE = new Medication("2171022F1", "アムロジピン錠５ｍｇ", "1", "錠", "1日1回朝食後", 28);
    private static final Medication KETOPROFEN = new Medication(null, "髙﨑湿布①", "7", "枚", "1日1回患部に貼付", 7);

    static EPrescriptionHistory history() {
        return new EPrescriptionHistory(
                List.of(new EPrescriptionHistory.Prescribed(CLINIC, "オープン診療所", LocalDate.of(2026, 3, 30), List.of(AMLODIPINE)),
                        new EPrescriptionHistory.Prescribed(CLINIC, "オープン診療所", LocalDate.of(2026, 4, 2),
                                List.of(AMLODIPINE, KETOPROFEN))),
                List.of(new EPrescriptionHistory.Dispensed(PHARMACY, "オープン薬局", CLINIC, "オープン診療所",
                        LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 2), List.of(
                                new DispensedMedication("アムロジピン錠５ｍｇ「後発」", "28", "錠", 28),
                                new DispensedMedication("髙﨑湿布①", "7", "枚", 7)))));
    }

    static XmlNode answer(EPrescriptionHistory history) {
        MedicalInformationRequest request = new MedicalInformationRequest(MedicalInformationKind.DRUG, CLINIC,
                InsurerNumber.parse("06199905"), "1201", "4501", "01", "yzk-1", YearMonth.of(2026, 3),
                YearMonth.of(2026, 4), "2", MedicalTreatmentFlag.OUTPATIENT);
        Person person = new Person("P000000002", "山田　花子", "ﾔﾏﾀﾞ ﾊﾅｺ", Sex.FEMALE, LocalDate.of(1987, 9, 3),
                "400-0001", "山梨県光野市");
        return MedicalInformationResults.drugResult(request, person, List.of(), null, null, history,
                LocalDateTime.of(2026, 4, 5, 10, 0), CharacterCode.UTF_8);
    }

    @Test
    void bothBlocksRoundTripInBothEncodings() {
        for (CharacterCode cc : CharacterCode.values()) {
            byte[] bytes = new XmlDocumentWriter().writeBytes(answer(history()), cc);
            XmlNode body = new XmlDocumentReader().read(bytes).child("MessageBody").orElseThrow();
            assertThat(EPrescriptionDrugBlocks.read(body)).as(cc.name()).isEqualTo(history());
        }
    }

    @Test
    void monthBlocksFollowTheInterfaceNames() {
        XmlNode body = answer(history()).child("MessageBody").orElseThrow();
        assertThat(body.children()).extracting(XmlNode::name).containsExactly("StartDate", "EndDate", "CzDiInf", "ShPrInf");
        XmlNode cz = body.path("CzDiInf", "CzDiMonthInf").orElseThrow();
        assertThat(cz.children()).extracting(XmlNode::name).containsExactly("CzDiOrg", "CzMeTrDiHCd", "CzPrlsHCd",
                "CzMeTrDiHNm", "CzDiMonth", "CzPrlsHNm", "CzPrIsOrg", "CzPrCl", "CzDiDateInfs");
        assertThat(cz.text("CzDiOrg")).contains("2");
        assertThat(cz.text("CzDiMonth")).contains("202604");
        XmlNode czDay = cz.path("CzDiDateInfs", "CzDiDateInf").orElseThrow();
        assertThat(czDay.text("CzDiDate")).contains("20260403");
        assertThat(czDay.text("CzPrDate")).contains("20260402");
        assertThat(czDay.path("CzDrugInfs", "CzDrugInf").orElseThrow().children()).extracting(XmlNode::name)
                .containsExactly("CzDrugN", "CzQua1", "CzUnit", "CzTimes");

        List<XmlNode> months = body.child("ShPrInf").orElseThrow().children("ShPrMonthInf");
        assertThat(months).as("one block per month and prescriber").hasSize(2);
        assertThat(months.get(0).children()).extracting(XmlNode::name).containsExactly("ShPrOrg", "ShPrHCd", "ShPrHNm",
                "ShPrMonth", "ShPrIsOrg", "ShPrCl", "ShPrDateInfs");
        assertThat(months.get(1).text("ShPrMonth")).contains("202604");
        XmlNode drug = months.get(1).path("ShPrDateInfs", "ShPrDateInf", "ShDrugInfs", "ShDrugInf").orElseThrow();
        assertThat(drug.children()).extracting(XmlNode::name).containsExactly("ShDrugC", "ShDrugN", "ShQua1", "ShUnit",
                "ShUsageN", "ShTimes");
        assertThat(months.get(1).path("ShPrDateInfs", "ShPrDateInf").orElseThrow().children("ShDrugInfs").get(0)
                .children("ShDrugInf")).hasSize(2);
    }

    @Test
    void withoutElectronicPrescriptionsThereAreNoBlocks() {
        XmlNode body = answer(EPrescriptionHistory.NONE).child("MessageBody").orElseThrow();
        assertThat(body.child("CzDiInf")).isEmpty();
        assertThat(body.child("ShPrInf")).isEmpty();
        assertThat(EPrescriptionDrugBlocks.read(body).isEmpty()).isTrue();
    }

    @Test
    void unreadableValuesAreAnInvalidResponse() {
        XmlNode badDate = XmlNode.element("MessageBody", XmlNode.element("ShPrInf", XmlNode.element("ShPrMonthInf",
                XmlNode.leaf("ShPrHCd", CLINIC), XmlNode.element("ShPrDateInfs", XmlNode.element("ShPrDateInf",
                        XmlNode.leaf("ShPrDate", "20260431"))))));
        assertThatThrownBy(() -> EPrescriptionDrugBlocks.read(badDate)).isInstanceOf(MessageFormatException.class);
        XmlNode badTimes = XmlNode.element("MessageBody", XmlNode.element("CzDiInf", XmlNode.element("CzDiMonthInf",
                XmlNode.leaf("CzMeTrDiHCd", PHARMACY), XmlNode.leaf("CzPrlsHCd", CLINIC),
                XmlNode.element("CzDiDateInfs", XmlNode.element("CzDiDateInf", XmlNode.leaf("CzDiDate", "20260403"),
                        XmlNode.element("CzDrugInfs", XmlNode.element("CzDrugInf", XmlNode.leaf("CzDrugN", "x"),
                                XmlNode.leaf("CzQua1", "1"), XmlNode.leaf("CzUnit", "錠"), XmlNode.leaf("CzTimes", "七"))))))));
        assertThatThrownBy(() -> EPrescriptionDrugBlocks.read(badTimes)).isInstanceOf(MessageFormatException.class);
    }
}
