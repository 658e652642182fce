package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.BulkResultHeader;
import org.openoqs.core.bulk.CareSettingSearchInfo;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.ConsentRules;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.population.Personas;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.testsupport.SharedServer;

/**
 * 一括照会 訪問診療等 ({@code OQSmuhvq}) and オンライン診療等 ({@code OQSmuonq}): the persons whose consent for that
 * care setting was given at the facility in the range, each with their qualification as of today (1; 2 lost; 4 none;
 * 6 医療扶助 without a ticket) and the consents in force (1, or 2 同意有効期限切れ once a long-term consent ran out). Outpatient consents and
 * other facilities' consents select nobody.
 */
class BulkCareSettingConsentTest {

    private static final SharedServer SHARED = SharedServer.get();
    private static final LocalDateTime NOW = LocalDateTime.now(ServerConfig.TOKYO).truncatedTo(ChronoUnit.SECONDS);
    private static final LocalDate TODAY = NOW.toLocalDate();
    private static BulkFixture.Facility clinic;

    private static String person(String persona) {
        return Personas.byKey(persona).orElseThrow().person().personId();
    }

    private static void consent(String facility, String persona, MedicalTreatmentFlag treatment, LocalDateTime at,
                                ConsentCategory... categories) {
        List<ConsentRecord> records = new ArrayList<>();
        for (ConsentCategory c : categories) {
            records.add(new ConsentRecord(facility, person(persona), c, treatment, at,
                    ConsentRules.availableUntil(treatment, at)));
        }
        SHARED.server().bean(ConsentService.class).record(records, null, "face");
    }

    @BeforeAll
    static void consents() {
        clinic = BulkFixture.clinic(true);
        consent(clinic.code(), "shaho-honnin", MedicalTreatmentFlag.HOME_VISIT, NOW.minusDays(10),
                ConsentCategory.DRUG, ConsentCategory.CHECKUP, ConsentCategory.LIMIT);
        consent(clinic.code(), "kokuho", MedicalTreatmentFlag.HOME_VISIT, TODAY.minusDays(365).atTime(0, 0, 1),
                ConsentCategory.DRUG); // its 365 days ran out today at 00:00:01
        consent(clinic.code(), "soushitsu", MedicalTreatmentFlag.HOME_VISIT, NOW.minusDays(3), ConsentCategory.DRUG);
        consent(clinic.code(), "iryo-fujo", MedicalTreatmentFlag.HOME_VISIT, NOW.minusDays(20), ConsentCategory.DRUG);
        consent(clinic.code(), "gaitou-nashi", MedicalTreatmentFlag.HOME_VISIT, NOW.minusDays(30), ConsentCategory.DRUG);
        consent(clinic.code(), "kouki", MedicalTreatmentFlag.OUTPATIENT, NOW.minusDays(2), ConsentCategory.DRUG);
        consent(clinic.code(), "shaho-kazoku", MedicalTreatmentFlag.ONLINE, NOW.minusDays(40), ConsentCategory.DIAGNOSIS);
        consent(clinic.code(), "shaho-kazoku", MedicalTreatmentFlag.ONLINE, NOW.minusDays(1), ConsentCategory.DIAGNOSIS);
        consent(BulkFixture.clinic(true).code(), "kourei-jukyu", MedicalTreatmentFlag.HOME_VISIT, NOW.minusDays(1),
                ConsentCategory.DRUG);
    }

    private static String day(LocalDate d) {
        return QualificationMessages.DATE.format(d);
    }

    private static BulkApi.Result ask(BulkKind kind, CareSettingSearchInfo selection) throws Exception {
        BulkReceipt receipt = BulkApi.upload(clinic.client(), SHARED.base(), kind,
                BulkApi.careSettingUpload(clinic.code(), kind.code(), selection));
        if (!receipt.accepted()) {
            return new BulkApi.Result(new BulkResultHeader(null, null, null, null, null, SegmentOfResult.FAILED,
                    receipt.errorCode(), receipt.errorMessage(), null, null, null, null, null), List.of());
        }
        return BulkApi.awaitFinal(clinic.client(), SHARED.base(), kind, clinic.code(), receipt.receptionNumber(),
                Duration.ofSeconds(30));
    }

    private static ResultOfQualificationConfirmation record(BulkConfirmUnit u) {
        return u.results().get(0);
    }

    @Test
    void homeVisitSelectsByConsentDateAndShowsTheConsentsInForce() throws Exception {
        BulkApi.Result result = ask(BulkKind.HOME_VISIT, new CareSettingSearchInfo(null, day(TODAY.minusDays(365)),
                day(TODAY), null, null, "2"));
        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        java.util.Map<String, BulkConfirmUnit> byPersona = new java.util.HashMap<>();
        for (BulkConfirmUnit u : result.confirmUnits()) {
            String key = u.results().isEmpty() ? "gaitou-nashi" : Personas.all().stream()
                    .filter(p -> p.person().name().equals(record(u).name())).findFirst().orElseThrow().key();
            byPersona.put(key, u);
        }
        assertThat(byPersona).containsOnlyKeys("shaho-honnin", "kokuho", "soushitsu", "iryo-fujo", "gaitou-nashi");

        BulkConfirmUnit honnin = byPersona.get("shaho-honnin");
        assertThat(honnin.qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        assertThat(record(honnin).pharmacistsInfo().flag()).isEqualTo(ConsentStatus.CONSENTED);
        assertThat(record(honnin).specificHealthCheckupsInfo().flag()).isEqualTo(ConsentStatus.CONSENTED);
        assertThat(record(honnin).diagnosisInfo().flag()).isEqualTo(ConsentStatus.NOT_CONSENTED);
        assertThat(record(honnin).pharmacistsInfo().availableTime()).isAfter(NOW);

        BulkConfirmUnit expired = byPersona.get("kokuho");
        assertThat(expired.qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        assertThat(record(expired).pharmacistsInfo().flag()).isEqualTo(ConsentStatus.EXPIRED);

        assertThat(byPersona.get("soushitsu").qualificationValidity()).isEqualTo(QualificationValidity.INVALID);
        assertThat(byPersona.get("iryo-fujo").qualificationValidity()).isEqualTo(QualificationValidity.VALID_UNREGISTERED);
        assertThat(byPersona.get("gaitou-nashi").qualificationValidity()).isEqualTo(QualificationValidity.NOT_FOUND);
    }

    @Test
    void aNarrowRangeSelectsOnlyTheConsentsGivenInIt() throws Exception {
        BulkApi.Result result = ask(BulkKind.HOME_VISIT, new CareSettingSearchInfo(null, day(TODAY.minusDays(5)),
                day(TODAY), null, null, null));
        assertThat(result.confirmUnits()).extracting(u -> record(u).name())
                .containsExactly(Personas.byKey("soushitsu").orElseThrow().person().name());
    }

    @Test
    void onlineCareSelectsByLatestConsentOrByAnyConfirmationDay() throws Exception {
        BulkApi.Result byLatestConsent = ask(BulkKind.ONLINE_CARE, new CareSettingSearchInfo(null,
                day(TODAY.minusDays(50)), day(TODAY.minusDays(30)), null, null, "3"));
        assertThat(byLatestConsent.units()).as("the consent in force was given yesterday, outside the range").isEmpty();

        BulkApi.Result byExamination = ask(BulkKind.ONLINE_CARE, new CareSettingSearchInfo(null, null, null,
                day(TODAY.minusDays(50)), day(TODAY.minusDays(30)), "3"));
        assertThat(byExamination.confirmUnits()).singleElement().satisfies(u -> {
            assertThat(record(u).name()).isEqualTo(Personas.byKey("shaho-kazoku").orElseThrow().person().name());
            assertThat(record(u).diagnosisInfo().flag()).isEqualTo(ConsentStatus.CONSENTED);
        });
    }

    @Test
    void aSelectionThatDoesNotFitTheFlowIsAFileLevelError() throws Exception {
        assertThat(ask(BulkKind.HOME_VISIT, new CareSettingSearchInfo(null, day(TODAY), day(TODAY), null, null, "3"))
                .header().errorCode()).isEqualTo(ErrorCode.INVALID_MEDICAL_TREATMENT_FLAG.code());
        assertThat(ask(BulkKind.HOME_VISIT, new CareSettingSearchInfo(null, day(TODAY), null, null, null, "2"))
                .header().errorCode()).isEqualTo(ErrorCode.MISSING_DATE_RANGE.code());
        assertThat(ask(BulkKind.ONLINE_CARE, new CareSettingSearchInfo(null, day(TODAY), day(TODAY.minusDays(1)), null,
                null, "3")).header().errorCode()).isEqualTo(ErrorCode.INVALID_DATE_RANGE.code());
    }
}
