package org.openoqs.core.number;

/**
 * 医療機関コード / 薬局コード as used by OQS: 10 digits — 都道府県 (2), 点数表番号 (1: 1 医科, 3 歯科, 4 薬局),
 * 郡市区 (2), 医療機関番号 (4), 検証番号 (1) computed over the first nine digits.
 */
public record InstitutionCode(String digits) {

    public InstitutionCode {
        if (digits == null || digits.length() != 10 || !CheckDigit.isAsciiDigits(digits)) {
            throw new InvalidNumberException("MedicalInstitutionCode", "医療機関コードは10桁の数字で指定してください");
        }
        if (!CheckDigit.isValid(digits)) {
            throw new InvalidNumberException("MedicalInstitutionCode", "医療機関コードの検証番号が正しくありません");
        }
    }

    public static InstitutionCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidNumberException("MedicalInstitutionCode", "医療機関コードが指定されていません");
        }
        return new InstitutionCode(text.strip());
    }

    /** 点数表番号 (1 医科, 3 歯科, 4 薬局). */
    public char scoreTable() {
        return digits.charAt(2);
    }

    public boolean isPharmacy() {
        return scoreTable() == '4';
    }

    public String prefecture() {
        return digits.substring(0, 2);
    }

    @Override
    public String toString() {
        return digits;
    }
}
