package org.openoqs.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openoqs.core.codec.ReferenceNumberMessages;
import org.openoqs.core.error.ErrorCode;

/** The checks of a 照会番号 登録: the header's faults, then the block's first fault in element order. */
class ReferenceNumberValidatorTest {
    private static final String OWN = "0113810014";

    @Test
    void theHeaderOfTheOwnFacilityWithABodyPasses() {
        assertThat(ReferenceNumberValidator.headerFault(request(OWN, "f-1", true), OWN)).isEmpty();
    }

    @Test
    void headerFaultsComeInOrderInstitutionFileIdentifierBody() {
        assertThat(headerCode(request(null, "f", true))).isEqualTo(ErrorCode.MISSING_INSTITUTION_CODE);
        assertThat(headerCode(request("011381001", "f", true))).isEqualTo(ErrorCode.INVALID_INSTITUTION_CODE_FORMAT);
        assertThat(headerCode(request("0113810015", "f", true))).isEqualTo(ErrorCode.INVALID_INSTITUTION_CODE_CHECK_DIGIT);
        assertThat(headerCode(request("0113820013", "f", false))).isEqualTo(ErrorCode.INSTITUTION_MISMATCH);
        assertThat(headerCode(request(OWN, "x".repeat(101), false)))
                .isEqualTo(ErrorCode.ARBITRARY_FILE_IDENTIFIER_TOO_LONG);
        assertThat(headerCode(request(OWN, "f", false))).isEqualTo(ErrorCode.MISSING_MESSAGE_BODY);
    }

    @Test
    void aGoodBlockBecomesARegistrationWithTheInsurerParsedAndTheNumberStripped() {
        ReferenceNumberValidator.Screened screened = ReferenceNumberValidator.screen(
                info(" KARTE-1 ", "06199905", "記号", "1234", "01"));

        assertThat(screened.fault()).isNull();
        assertThat(screened.registration().referenceNumber()).isEqualTo("KARTE-1");
        assertThat(screened.registration().insurer().digits()).isEqualTo("06199905");
        assertThat(screened.registration().insuredBranchNumber()).isEqualTo("01");
    }

    @Test
    void eachBadFieldOfTheBlockGetsItsOwnCode() {
        assertThat(blockCode(info(null, "06199905", null, "1", null))).isEqualTo(ErrorCode.MISSING_REFERENCE_NUMBER);
        assertThat(blockCode(info("x".repeat(51), "06199905", null, "1", null)))
                .isEqualTo(ErrorCode.REFERENCE_NUMBER_TOO_LONG);
        assertThat(blockCode(info("K\u0007", "06199905", null, "1", null))).isEqualTo(ErrorCode.REFERENCE_NUMBER_TOO_LONG);
        assertThat(blockCode(info("K", " ", null, "1", null))).isEqualTo(ErrorCode.MISSING_INSURER_NUMBER);
        assertThat(blockCode(info("K", "0619990", null, "1", null))).isEqualTo(ErrorCode.INVALID_INSURER_NUMBER_FORMAT);
        assertThat(blockCode(info("K", "06199906", null, "1", null)))
                .isEqualTo(ErrorCode.INVALID_INSURER_NUMBER_CHECK_DIGIT);
        assertThat(blockCode(info("K", "06199905", "記".repeat(21), "1", null)))
                .isEqualTo(ErrorCode.INSURED_CARD_SYMBOL_TOO_LONG);
        assertThat(blockCode(info("K", "06199905", null, "", null)))
                .isEqualTo(ErrorCode.MISSING_INSURED_IDENTIFICATION_NUMBER);
        assertThat(blockCode(info("K", "06199905", null, "1".repeat(21), null)))
                .isEqualTo(ErrorCode.INSURED_IDENTIFICATION_NUMBER_TOO_LONG);
        assertThat(blockCode(info("K", "06199905", null, "1", "1"))).isEqualTo(ErrorCode.INVALID_BRANCH_NUMBER);
    }

    @Test
    void aFiftyCharacterNumberOfWideCharactersIsAllowed() {
        assertThat(ReferenceNumberValidator.screen(info("番".repeat(50), "06199905", null, "1", null)).fault()).isNull();
    }

    private static ErrorCode headerCode(ReferenceNumberMessages.Request request) {
        return ReferenceNumberValidator.headerFault(request, OWN).orElseThrow().code();
    }

    private static ErrorCode blockCode(ReferenceNumberMessages.RegistrationInfo info) {
        return ReferenceNumberValidator.screen(info).fault().code();
    }

    private static ReferenceNumberMessages.Request request(String institution, String fileId, boolean body) {
        return new ReferenceNumberMessages.Request(institution, fileId, body, null);
    }

    private static ReferenceNumberMessages.RegistrationInfo info(String number, String insurer, String symbol,
            String id, String branch) {
        return new ReferenceNumberMessages.RegistrationInfo(number, insurer, symbol, id, branch);
    }
}
