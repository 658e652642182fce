package org.openoqs.server.eps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.eps.EpsFixture.text;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.eps.PrescriptionSelectionTiming;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.server.testsupport.Api;

/**
 * Who may do what: the 電子処方箋 opt-in, the kind of facility per operation, the envelope, and the reader setting.
 */
class EpsAccessRulesTest {

    static final EpsFixture eps = new EpsFixture();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @Test
    void aFacilityThatDoesNotUseElectronicPrescriptionsIsRefusedWithEpsa1001e() {
        EpsFixture.Facility optedOut = eps.facility('1', EPrescriptionUse.NOT_USED);
        XmlNode result = eps.call(optedOut, EpsOperation.REGISTER, EpsFixture.register(
                EpsFixture.signed(eps.doctor(), EpsFixture.document(optedOut.code(), "4001", TODAY)),
                PrescriptionIssueSelect.ELECTRONIC));
        assertThat(text(result, "ProcessingResultStatus")).isEqualTo("2");
        assertThat(text(result, "ProcessingResultCode")).isEqualTo("EPSA1001E");
        assertThat(text(result, "ProcessingResultMessage")).contains("環境設定");
        EpsFixture.Facility optedOutPharmacy = eps.facility('4', EPrescriptionUse.NOT_USED);
        assertThat(text(eps.call(optedOutPharmacy, EpsOperation.RECEIVE, EpsFixture.receive("0123456789",
                EpsFixture.BIRTHDATE)), "ProcessingResultCode")).isEqualTo("EPSA1001E");
    }

    @Test
    void pharmaciesDoNotIssueAndClinicsDoNotDispense() {
        EpsFixture.Facility pharmacy = eps.facility('4', EPrescriptionUse.ELECTRONIC_ONLY);
        EpsFixture.Facility clinic = eps.facility('1', EPrescriptionUse.ELECTRONIC_ONLY);
        assertThat(text(eps.call(pharmacy, EpsOperation.REGISTER, EpsFixture.register("AAAA",
                PrescriptionIssueSelect.ELECTRONIC)), "ProcessingResultCode")).isEqualTo("EPSA1003E");
        assertThat(text(eps.call(clinic, EpsOperation.RECEIVE, EpsFixture.receive("0123456789",
                EpsFixture.BIRTHDATE)), "ProcessingResultCode")).isEqualTo("EPSA1002E");
    }

    @Test
    void envelopeProblemsAreFileLevelAndAnotherFacilitysCodeIsForbidden() {
        EpsFixture.Facility clinic = eps.facility('1', EPrescriptionUse.ELECTRONIC_ONLY);
        XmlNode noHeader = eps.callRaw(clinic, EpsOperation.STATUS, "{\"XmlMsg\":{\"MessageBody\":{}}}");
        assertThat(text(noHeader, "MessageHeader", "SegmentOfResult")).isEqualTo("9");
        assertThat(text(noHeader, "MessageHeader", "ErrorCode")).isEqualTo("OQSF1102");

        Api.Response mismatch = eps.post(clinic, "status", JsonMirror.toJson(EpsFixture.request("0113810014",
                EpsFixture.byId("00000000-0000-4000-8000-000000000000"))));
        assertThat(mismatch.status()).isEqualTo(403);
        assertThat(mismatch.json().path("errorCode").asString()).isEqualTo("OQSF1204");

        assertThat(eps.post(clinic, "prescribe-everything", "{}").status()).isEqualTo(404);
        Api.Response malformed = eps.post(clinic, "status", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("errorCode").asString()).isEqualTo("OQSF1008");
    }

    @Test
    void theReaderAsksOnlyWhenTheFacilityOptedIn() throws Exception {
        EpsFixture.Facility clinic = eps.facility('1', EPrescriptionUse.ELECTRONIC_AND_PAPER);
        assertThat(readerAsks(clinic)).as("timing defaults to 資格確認時以外").isFalse();
        eps.shared.server().bean(EpsSettings.class).setSelectionTiming(clinic.code(),
                PrescriptionSelectionTiming.AT_CONFIRMATION);
        assertThat(readerAsks(clinic)).isTrue();
        eps.shared.server().facilities().updateSettings(clinic.code(), eps.shared.server().facilities()
                .get(clinic.code()).settings().withEPrescription(EPrescriptionUse.PAPER_ONLY));
        assertThat(readerAsks(clinic)).isFalse();
    }

    private static boolean readerAsks(EpsFixture.Facility f) throws Exception {
        Api.Response r = Api.get(f.client(), eps.shared.base(), "api/v1/eps/reader-settings");
        assertThat(r.status()).isEqualTo(200);
        return r.json().path("readerAsks").asBoolean();
    }
}
