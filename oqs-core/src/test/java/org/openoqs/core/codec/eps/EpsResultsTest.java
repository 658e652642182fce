package org.openoqs.core.codec.eps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.eps.DispensedMedication;
import org.openoqs.core.eps.DispensingResult;
import org.openoqs.core.eps.PrescriptionStatus;
import org.openoqs.core.xml.XmlNode;

/** Typed e-prescription results: what the service writes is what a screen reads back, element for element. */
class EpsResultsTest {

    @Test
    void searchHitsAreWrittenInElementOrderAndReadBack() {
        EpsResults.ListedPrescription paper = new EpsResults.ListedPrescription("P-1", "AC1", "20260401093000",
                "20260401", "2", "未受付");
        EpsResults.ListedPrescription electronic = new EpsResults.ListedPrescription("P-2", "AC2", "20260402100000",
                "20260402", "1", "調剤済");
        XmlNode body = XmlNode.builder(EpsMessages.BODY).child(EpsResults.toXml(paper))
                .child(EpsResults.toXml(electronic)).build();

        assertThat(body.child(EpsResults.LISTED).orElseThrow().children()).extracting(XmlNode::name).containsExactly(
                "PrescriptionId", "AccessCode", "CreateDateTime", "IssueDate", "IssueType", "PrescriptionStatus");
        assertThat(EpsResults.listed(body)).containsExactly(paper, electronic);
        assertThat(EpsResults.listed(body)).extracting(EpsResults.ListedPrescription::electronic)
                .containsExactly(false, true);
    }

    @Test
    void aStatusWithItsDispensingResultIsReadBackWhole() {
        DispensingResult dispensed = new DispensingResult(LocalDate.of(2026, 4, 3), "薬剤師　花子",
                List.of(new DispensedMedication("アムロジピン錠５ｍｇ", "1", "錠", 28)), "残薬あり");
        EpsResults.StatusView status = new EpsResults.StatusView("P-1", "調剤済", "1", "0113810014", "0143810012",
                "オープン薬局", dispensed.messageFlag(), dispensed);
        XmlNode.Builder body = XmlNode.builder(EpsMessages.BODY);

        EpsResults.writeStatus(body, status);

        assertThat(body.build().children()).extracting(XmlNode::name).containsExactly("PrescriptionId",
                "PrescriptionStatus", "IssueType", "MedicalInstitutionCode", "ReceptionPharmacyCode",
                "ReceptionPharmacyName", "MessageFlg", DispensingResults.BLOCK);
        assertThat(EpsResults.readStatus(body.build())).isEqualTo(status);
    }

    @Test
    void aStatusBeforeDispensingHasNeitherFlagNorResult() {
        EpsResults.StatusView status = new EpsResults.StatusView("P-1", "未受付", "2", "0113810014", null, null, null,
                null);
        XmlNode.Builder body = XmlNode.builder(EpsMessages.BODY);

        EpsResults.writeStatus(body, status);

        assertThat(body.build().children()).extracting(XmlNode::name)
                .containsExactly("PrescriptionId", "PrescriptionStatus", "IssueType", "MedicalInstitutionCode");
        assertThat(EpsResults.readStatus(body.build())).isEqualTo(status);
    }

    @Test
    void theOutcomeIsTheBodysProcessingResultElseTheHeadersError() {
        XmlNode refusedEntry = XmlNode.element(EpsMessages.ROOT, XmlNode.element(EpsMessages.HEADER),
                XmlNode.builder(EpsMessages.BODY).leaf("ProcessingResultCode", "EPSP0001")
                        .leaf("ProcessingResultMessage", "該当する処方箋がありません").build());
        XmlNode refusedFile = XmlNode.element(EpsMessages.ROOT, XmlNode.builder(EpsMessages.HEADER)
                .leaf("ErrorCode", "EPSF0001").leaf("ErrorMessage", "ファイルが不正です").build());
        XmlNode fine = XmlNode.element(EpsMessages.ROOT, XmlNode.element(EpsMessages.HEADER),
                XmlNode.element(EpsMessages.BODY));

        assertThat(EpsResults.Outcome.of(refusedEntry))
                .isEqualTo(new EpsResults.Outcome("EPSP0001", "該当する処方箋がありません"));
        assertThat(EpsResults.Outcome.of(refusedFile)).isEqualTo(new EpsResults.Outcome("EPSF0001", "ファイルが不正です"));
        assertThat(EpsResults.Outcome.of(fine)).isEqualTo(new EpsResults.Outcome(null, null));
    }
}
