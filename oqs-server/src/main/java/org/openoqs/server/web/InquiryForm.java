package org.openoqs.server.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.RequestHeader;

/**
 * The 資格確認書／処方箋 search form as typed. It is turned into the same request a レセコン sends
 * ({@code OQSsiquc01req_}) and validated by the same code ({@code InquiryIntake}); only separators people type in
 * dates ({@code 1985-04-12}, {@code 1985/04/12}) are removed first.
 *
 * @param insurerNumber      保険者番号 (6 or 8 digits)
 * @param insuredCardSymbol  記号 (optional)
 * @param insuredIdentificationNumber 番号
 * @param insuredBranchNumber 枝番 (optional)
 * @param birthdate          生年月日
 * @param confirmationDate   資格確認日 (empty = today)
 * @param limitConsent       限度額適用認定証関連情報の提供に同意 ("1" when checked)
 */
public record InquiryForm(String insurerNumber, String insuredCardSymbol, String insuredIdentificationNumber,
                          String insuredBranchNumber, String birthdate, String confirmationDate, String limitConsent) {

    public static InquiryForm empty() {
        return new InquiryForm("", "", "", "", "", "", null);
    }

    QualificationInquiryRequest toRequest(String institutionCode, String fileIdentifier, LocalDate today) {
        String date = confirmationDate == null || confirmationDate.isBlank()
                ? today.format(DateTimeFormatter.BASIC_ISO_DATE) : digitsOfDate(confirmationDate);
        return new QualificationInquiryRequest(new RequestHeader(date, institutionCode, fileIdentifier),
                new QualificationConfirmSearchInfo(trimmed(insurerNumber), blankToNull(insuredCardSymbol),
                        trimmed(insuredIdentificationNumber), blankToNull(insuredBranchNumber), digitsOfDate(birthdate),
                        "1".equals(limitConsent) ? "1" : "0", null));
    }

    private static String digitsOfDate(String typed) {
        return typed == null ? null : typed.strip().replace("-", "").replace("/", "");
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
