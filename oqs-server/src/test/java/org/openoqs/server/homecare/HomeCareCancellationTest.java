package org.openoqs.server.homecare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.homecare.HomeCareFixture.SHARED;
import static org.openoqs.server.homecare.HomeCareFixture.block;
import static org.openoqs.server.homecare.HomeCareFixture.cancel;
import static org.openoqs.server.homecare.HomeCareFixture.consent;
import static org.openoqs.server.homecare.HomeCareFixture.inquire;
import static org.openoqs.server.homecare.HomeCareFixture.request;

import java.net.http.HttpClient;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.testsupport.Api;

/**
 * The facility (OQSCD031 reason 1) or the patient through the operator (reason 2) cancels a 居宅同意: later
 * re-inquiries still answer, with flag 2, the reason and the time; the viewing consents given with it end at once;
 * a second cancellation, one without a consent, and a facility certificate on the operator API change nothing.
 */
class HomeCareCancellationTest {

    private static final LocalDateTime NOW = LocalDateTime.now(ServerConfig.TOKYO).truncatedTo(ChronoUnit.SECONDS);
    private static HomeCareFixture.Facility clinic;

    @BeforeAll
    static void consents() {
        clinic = HomeCareFixture.clinic();
        consent(clinic.code(), "shaho-honnin", MedicalTreatmentFlag.ONLINE, NOW.minusDays(2), ConsentCategory.DRUG,
                ConsentCategory.DIAGNOSIS);
        consent(clinic.code(), "card-pin-locked", MedicalTreatmentFlag.HOME_VISIT, NOW.minusDays(2), ConsentCategory.DRUG);
        consent(clinic.code(), "tokutei-shippei", MedicalTreatmentFlag.HOME_VISIT, NOW.minusDays(2));
    }

    @Test
    void theFacilityCancelsAndTheReinquiryAnswersTheCancellation() throws Exception {
        assertThat(block(inquire(clinic, "online", request(clinic.code(), "shaho-honnin", "3"))).consFlg()).isEqualTo("1");
        long mark = SHARED.server().auditLog().size();

        Api.Response cancelled = cancel(clinic, "online", request(clinic.code(), "shaho-honnin", "3"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("reason").asString()).isEqualTo("1");
        assertThat(cancelled.json().path("medicalTreatmentFlag").asString()).isEqualTo("3");

        Api.Response after = inquire(clinic, "online", request(clinic.code(), "shaho-honnin", "3"));
        assertThat(block(after).consFlg()).isEqualTo("2");
        assertThat(block(after).expirationReason()).isEqualTo("1");
        assertThat(block(after).cancellationTime()).isEqualTo(cancelled.json().path("cancelledAt").asString());
        var record = after.result().body().results().get(0);
        assertThat(record.pharmacistsInfo().flag()).isEqualTo(ConsentStatus.EXPIRED);
        assertThat(record.diagnosisInfo().flag()).isEqualTo(ConsentStatus.EXPIRED);

        Api.Response again = cancel(clinic, "online", request(clinic.code(), "shaho-honnin", "3"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("errorCode").asString()).isEqualTo(ErrorCode.HOME_CARE_CONSENT_NOT_IN_FORCE.code());
        assertThat(block(inquire(clinic, "online", request(clinic.code(), "shaho-honnin", "3"))).expirationReason())
                .as("the refused second cancellation changed nothing").isEqualTo("1");

        assertThat(SHARED.server().auditLog().read(mark, 1000)).extracting(AuditEvent::action, AuditEvent::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple(HomeCareInquiryService.CANCEL_ACTION, "OK reason=1"),
                        org.assertj.core.groups.Tuple.tuple(HomeCareInquiryService.CANCEL_ACTION,
                                "REFUSED " + ErrorCode.HOME_CARE_CONSENT_NOT_IN_FORCE.code()));
    }

    @Test
    void cancellingWithoutAConsentOrWithABrokenMessageIsRefused() throws Exception {
        Api.Response none = cancel(clinic, "home-visit", request(clinic.code(), "kouki", "2"));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().path("errorCode").asString()).isEqualTo(ErrorCode.HOME_CARE_CONSENT_MISSING.code());
        Api.Response wrongFlag = cancel(clinic, "home-visit", request(clinic.code(), "tokutei-shippei", "3"));
        assertThat(wrongFlag.status()).isEqualTo(400);
        assertThat(wrongFlag.json().path("errorCode").asString()).isEqualTo(ErrorCode.HOME_CARE_TREATMENT_MISMATCH.code());
        assertThat(block(inquire(clinic, "home-visit", request(clinic.code(), "tokutei-shippei", "2"))).consFlg())
                .isEqualTo("1");
    }

    @Test
    void thePatientsWithdrawalReachesTheServiceThroughTheOperator() throws Exception {
        String body = "{\"institutionCode\":\"" + clinic.code() + "\",\"cardId\":\"P000000000000003\","
                + "\"medicalTreatmentFlag\":\"2\"}";
        Api.Response byFacility = Api.post(clinic.client(), SHARED.base(),
                "api/v1/operator/home-care-consents/cancellations", body);
        assertThat(byFacility.status()).as("a facility certificate on the operator API").isIn(401, 403);
        assertThat(block(inquire(clinic, "home-visit", request(clinic.code(), "card-pin-locked", "2"))).consFlg())
                .isEqualTo("1");

        HttpClient operator = SHARED.pki().client(SHARED.pki().ca().issueOperatorCertificate("homecare-test"));
        Api.Response withdrawn = Api.post(operator, SHARED.base(), "api/v1/operator/home-care-consents/cancellations", body);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().path("reason").asString()).isEqualTo("2");
        Api.Response after = inquire(clinic, "home-visit", request(clinic.code(), "card-pin-locked", "2"));
        assertThat(block(after).consFlg()).isEqualTo("2");
        assertThat(block(after).expirationReason()).isEqualTo("2");

        Api.Response unknownCard = Api.post(operator, SHARED.base(), "api/v1/operator/home-care-consents/cancellations",
                body.replace("P000000000000003", "P999999999999999"));
        assertThat(unknownCard.status()).isEqualTo(404);
    }
}
