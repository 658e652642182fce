package org.openoqs.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.WrittenDocument;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;

class ResultRoundTripTest {

    @Test
    void fullResultRoundTripsInBothEncodings() {
        for (CharacterCode cc : CharacterCode.values()) {
            QualificationInquiryResult result = Fixtures.fullResult(cc);
            WrittenDocument doc = QualificationMessages.writeResult(result);
            assertThat(doc.isLossless()).as(cc.name()).isTrue();
            assertThat(QualificationMessages.parseResult(doc.bytes())).as(cc.name()).isEqualTo(result);
        }
    }

    @Test
    void writeResultMakesTheHeaderMatchTheEncoding() {
        WrittenDocument doc = QualificationMessages.writeResult(Fixtures.fullResult(CharacterCode.UTF_8), CharacterCode.SHIFT_JIS);
        String text = new String(doc.bytes(), Charset.forName("windows-31j"));
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"Shift_JIS\" standalone=\"no\"?>")
                .contains("<CharacterCodeIdentifier>1</CharacterCodeIdentifier>")
                .contains("<Name>髙﨑　一郎</Name>");
        assertThat(new String(doc.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("&#");
        assertThat(QualificationMessages.parseResult(doc.bytes())).isEqualTo(Fixtures.fullResult(CharacterCode.SHIFT_JIS));
    }

    @Test
    void elementOrderFollowsTheInterface() {
        XmlNode x = QualificationMessages.resultToXml(Fixtures.fullResult(CharacterCode.UTF_8));
        assertThat(x.child("MessageHeader").orElseThrow().children()).extracting(XmlNode::name).containsExactly(
                "ProcessExecutionTime", "QualificationConfirmationDate", "MedicalInstitutionCode", "ArbitraryFileIdentifier",
                "ReferenceClassification", "SegmentOfResult", "CharacterCodeIdentifier");
        assertThat(x.child("MessageBody").orElseThrow().children()).extracting(XmlNode::name).containsExactly(
                "QualificationConfirmSearchInfo", "ProcessingResultStatus", "ProcessingResultCode", "ProcessingResultMessage",
                "QualificationValidity", "PrescriptionIssueSelect", "ResultList");
        XmlNode record = x.path("MessageBody", "ResultList", "ResultOfQualificationConfirmation").orElseThrow();
        assertThat(record.children()).extracting(XmlNode::name).containsExactly(
                "InsuredCardClassification", "InsurerNumber", "InsuredCardSymbol", "InsuredIdentificationNumber",
                "InsuredBranchNumber", "PersonalFamilyClassification", "InsuredName", "Name", "NameOfOther", "NameKana",
                "NameOfOtherKana", "Sex1", "Sex2", "Birthdate", "Address", "PostNumber", "QualificationDate",
                "DisqualificationDate", "InsuredCertificateIssuanceDate", "InsuredCardValidDate", "InsuredCardExpirationDate",
                "InsuredPartialContributionRatio", "PreschoolClassification", "ReasonOfLoss", "InsurerName",
                "ElderlyRecipientCertificateInfo", "LimitApplicationCertificateRelatedConsFlg",
                "LimitApplicationCertificateRelatedConsTime", "LimitApplicationCertificateRelatedInfo",
                "LimitApplicationCertificateChanged", "SpecificDiseasesCertificateRelatedConsFlg",
                "SpecificDiseasesCertificateRelatedConsTime", "SpecificDiseasesCertificateList",
                "SpecificHealthCheckupsInfoConsFlg", "SpecificHealthCheckupsInfoConsTime", "SpecificHealthCheckupsInfoAvailableTime",
                "PharmacistsInfoConsFlg", "PharmacistsInfoConsTime", "PharmacistsInfoAvailableTime",
                "DiagnosisInfoConsFlg", "DiagnosisInfoConsTime", "DiagnosisInfoAvailableTime",
                "OperationInfoConsFlg", "OperationInfoConsTime", "OperationInfoAvailableTime",
                "ArbitraryIdentifier", "ReferenceNumber");
        assertThat(record.text("InsurerNumber")).contains("  279919");
        assertThat(record.text("PharmacistsInfoConsTime")).contains("20250401093100");
        assertThat(record.path("SpecificDiseasesCertificateList").orElseThrow().children("SpecificDiseasesCertificateInfo")).hasSize(2);
    }

    @Test
    void fullResultRoundTripsThroughJson() {
        QualificationInquiryResult result = Fixtures.fullResult(CharacterCode.UTF_8);
        String json = JsonMirror.toJson(QualificationMessages.resultToXml(result));
        assertThat(json).startsWith("{\"XmlMsg\":{\"MessageHeader\":{\"ProcessExecutionTime\":\"20250401093015\"")
                .contains("\"ResultList\":{\"ResultOfQualificationConfirmation\":[{")
                .contains("\"SpecificDiseasesCertificateInfo\":[{")
                .contains("\"InsurerNumber\":\"  279919\"");
        assertThat(QualificationMessages.readResult(JsonMirror.fromJson(json))).isEqualTo(result);
        // and JSON → XML file → record
        byte[] file = new org.openoqs.core.xml.XmlDocumentWriter().writeBytes(JsonMirror.fromJson(json), CharacterCode.UTF_8);
        assertThat(QualificationMessages.readResult(new XmlDocumentReader().read(file))).isEqualTo(result);
    }

    @Test
    void fileLevelErrorResultRoundTrips() {
        QualificationInquiryResult error = ErrorResults.fileLevelError(null, "0113810014",
                org.openoqs.core.error.ErrorCode.INTERNAL_ERROR, java.time.LocalDateTime.of(2025, 4, 1, 9, 0), CharacterCode.UTF_8);
        byte[] bytes = QualificationMessages.writeResult(error).bytes();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("  <MessageBody/>\n");
        assertThat(QualificationMessages.parseResult(bytes)).isEqualTo(error);
    }
}
