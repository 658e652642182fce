package org.openoqs.core.number;

/**
 * 保険者番号: 8 digits (法別 2, 都道府県 2, 保険者別 3, 検証 1) or, for 国民健康保険, 6 digits (都道府県 2,
 * 保険者別 3, 検証 1). In files a 6-digit number is right-aligned to 8 characters with leading spaces.
 */
public record InsurerNumber(String digits) {

    public InsurerNumber {
        if (digits == null || !(digits.length() == 6 || digits.length() == 8) || !CheckDigit.isAsciiDigits(digits)) {
            throw new InvalidNumberException("InsurerNumber", "保険者番号は6桁または8桁の数字で指定してください");
        }
        if (!CheckDigit.isValid(digits)) {
            throw new InvalidNumberException("InsurerNumber", "保険者番号の検証番号が正しくありません");
        }
    }

    /** Parses the file form: 8 characters, 6-digit numbers padded with leading spaces (zero padding tolerated). */
    public static InsurerNumber parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidNumberException("InsurerNumber", "保険者番号が指定されていません");
        }
        String trimmed = text.strip();
        // 法別 00 does not exist: an 8-digit number starting with 00 is a 6-digit 国保 number zero-padded the
        // Web-API way (leading zeros never change the check digit, so the check digit cannot tell them apart).
        if (trimmed.length() == 8 && trimmed.startsWith("00")) {
            trimmed = trimmed.substring(2);
        }
        return new InsurerNumber(trimmed);
    }

    /** True for the 6-digit 国民健康保険 form. */
    public boolean isNationalHealthInsurance() {
        return digits.length() == 6;
    }

    /** 法別番号 of an 8-digit number; {@code null} for 国保. */
    public String lawCode() {
        return isNationalHealthInsurance() ? null : digits.substring(0, 2);
    }

    /** 後期高齢者医療 (法別 39). */
    public boolean isLateElderly() {
        return "39".equals(lawCode());
    }

    /** 生活保護 (法別 12), i.e. a 医療扶助 公費負担者番号. */
    public boolean isPublicAssistance() {
        return "12".equals(lawCode());
    }

    /** The 8-character file form: 6-digit numbers right-aligned with leading spaces. */
    public String fileForm() {
        return isNationalHealthInsurance() ? "  " + digits : digits;
    }

    @Override
    public String toString() {
        return digits;
    }
}
