package org.openoqs.server.homecare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.homecare.HomeCareFixture.block;
import static org.openoqs.server.homecare.HomeCareFixture.consent;
import static org.openoqs.server.homecare.HomeCareFixture.inquire;
import static org.openoqs.server.homecare.HomeCareFixture.request;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.testsupport.Api;

/**
 * {@code OQSsihvq} / {@code OQSsionq} on the real service over mutual TLS: a person with a 居宅同意 for the care
 * setting at this facility gets the 個別照会 answer plus the consent block and the viewing consents in force; no consent,
 * a consent for the other setting, another facility's consent, nobody or a wrong flag are refused precisely.
 */
class HomeCareReinquiryTest {

    private static final LocalDateTime NOW = LocalDateTime.now(ServerConfig.TOKYO).truncatedTo(ChronoUnit.SECONDS);
    private static HomeCareFixture.Facility clinic;
    private static HomeCareFixture.Facility other;

    @BeforeAll
    static void consents() {
        clinic = HomeCareFixture.clinic();
        other = HomeCareFixture.clinic();
        consent(clinic.code(), "shaho-honnin", MedicalTreatmentFlag.HOME_VISIT, NOW.minusDays(10), ConsentCategory.DRUG);
        consent(clinic.code(), "kokuho", MedicalTreatmentFlag.HOME_VISIT, NOW.minusDays(366)); // ran out yesterday
        consent(other.code(), "gendogaku", MedicalTreatmentFlag.HOME_VISIT, NOW.minusDays(1));
    }

    @Test
    void aConsentedPatientGetsTheQualificationTheConsentAndTheViewingConsents() throws Exception {
        Api.Response r = inquire(clinic, "home-visit", request(clinic.code(), "shaho-honnin", "2"));

        assertThat(r.status()).isEqualTo(200);
        QualificationInquiryResult result = r.result();
        assertThat(result.body().qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        assertThat(result.body().results().get(0).pharmacistsInfo().flag()).isEqualTo(ConsentStatus.CONSENTED);
        assertThat(result.body().results().get(0).specificHealthCheckupsInfo().flag())
                .isEqualTo(ConsentStatus.NOT_CONSENTED);
        var block = block(r);
        assertThat(block.medicalTreatmentFlag()).isEqualTo("2");
        assertThat(block.consFlg()).isEqualTo("1");
        assertThat(block.expirationReason()).isNull();
        assertThat(block.availableTime()).isNotBlank();
    }

    @Test
    void theFlagMayBeOmittedButMustMatchTheSetting() throws Exception {
        assertThat(inquire(clinic, "home-visit", request(clinic.code(), "shaho-honnin", null)).result().body()
                .qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        QualificationInquiryResult wrong = inquire(clinic, "home-visit", request(clinic.code(), "shaho-honnin", "3")).result();
        assertThat(wrong.body().processingResultStatus()).isEqualTo(ProcessingResultStatus.ERROR);
        assertThat(wrong.body().processingResultCode()).isEqualTo(ErrorCode.HOME_CARE_TREATMENT_MISMATCH.code());
    }

    @Test
    void aConsentWhosePeriodEndedIsAnsweredAsExpiredWithReasonZero() throws Exception {
        Api.Response r = inquire(clinic, "home-visit", request(clinic.code(), "kokuho", "2"));
        assertThat(r.result().body().qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        assertThat(block(r).consFlg()).isEqualTo("2");
        assertThat(block(r).expirationReason()).isEqualTo("0");
        assertThat(block(r).cancellationTime()).isNull();
    }

    @Test
    void withoutAConsentForThisSettingAtThisFacilityTheAnswerIsOqsp4201() throws Exception {
        for (String[] c : new String[][] {
                {"online", "shaho-honnin"},   // consent for 訪問診療等 only
                {"home-visit", "gendogaku"},  // another facility's consent
                {"home-visit", "kouki"},      // never consented
                {"home-visit", "gaitou-nashi"}, // numbers of nobody
                {"home-visit", "fukusu-gaitou"}}) { // several people
            QualificationInquiryResult result = inquire(clinic, c[0], request(clinic.code(), c[1], null)).result();
            assertThat(result.body().processingResultCode()).as(c[0] + " " + c[1])
                    .isEqualTo(ErrorCode.HOME_CARE_CONSENT_MISSING.code());
            assertThat(result.body().results()).isEmpty();
        }
    }

    @Test
    void anotherFacilitysCodeIsForbiddenAndAnUnknownSettingIsNotFound() throws Exception {
        assertThat(inquire(clinic, "home-visit", request(other.code(), "shaho-honnin", "2")).status()).isEqualTo(403);
        assertThat(inquire(clinic, "outpatient", request(clinic.code(), "shaho-honnin", "1")).status()).isEqualTo(404);
        Api.Response notJson = inquire(clinic, "home-visit", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("errorCode").asString()).isEqualTo(ErrorCode.MALFORMED_JSON.code());
    }
}
