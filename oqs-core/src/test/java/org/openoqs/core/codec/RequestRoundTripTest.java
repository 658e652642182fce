package org.openoqs.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.xml.WrittenDocument;

class RequestRoundTripTest {

    @Test
    void requestRoundTripsInBothEncodings() {
        for (CharacterCode cc : CharacterCode.values()) {
            WrittenDocument doc = QualificationMessages.writeRequest(Fixtures.request(), cc);
            assertThat(doc.isLossless()).isTrue();
            assertThat(QualificationMessages.parseRequest(doc.bytes())).as(cc.name()).isEqualTo(Fixtures.request());
        }
    }

    @Test
    void requestLayoutFollowsTheInterfaceOrder() {
        String text = new String(QualificationMessages.writeRequest(Fixtures.request(), CharacterCode.UTF_8).bytes(),
                StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <XmlMsg>
                  <MessageHeader>
                    <QualificationConfirmationDate>20250401</QualificationConfirmationDate>
                    <MedicalInstitutionCode>0113810014</MedicalInstitutionCode>
                    <ArbitraryFileIdentifier>RQ-20250401-髙﨑①</ArbitraryFileIdentifier>
                  </MessageHeader>
                  <MessageBody>
                    <QualificationConfirmSearchInfo>
                      <InsurerNumber>  279919</InsurerNumber>
                      <InsuredCardSymbol>記号ＡＢ</InsuredCardSymbol>
                      <InsuredIdentificationNumber>１２３４</InsuredIdentificationNumber>
                      <InsuredBranchNumber>01</InsuredBranchNumber>
                      <Birthdate>19540315</Birthdate>
                      <LimitApplicationCertificateRelatedConsFlg>1</LimitApplicationCertificateRelatedConsFlg>
                      <ArbitraryIdentifier>患者0001_1</ArbitraryIdentifier>
                    </QualificationConfirmSearchInfo>
                  </MessageBody>
                </XmlMsg>
                """);
    }

    @Test
    void absentAndEmptyValuesStayDistinct() {
        QualificationInquiryRequest r = new QualificationInquiryRequest(new RequestHeader("20250401", "0113810014", null),
                new QualificationConfirmSearchInfo("06279913", "", "1", null, "19800101", "0", ""));
        for (CharacterCode cc : CharacterCode.values()) {
            assertThat(QualificationMessages.parseRequest(QualificationMessages.writeRequest(r, cc).bytes())).isEqualTo(r);
        }
    }

    @Test
    void requestWithoutSearchInfoRoundTrips() {
        QualificationInquiryRequest r = new QualificationInquiryRequest(new RequestHeader("20250401", "0113810014", null), null);
        assertThat(QualificationMessages.parseRequest(QualificationMessages.writeRequest(r, CharacterCode.UTF_8).bytes())).isEqualTo(r);
    }
}
