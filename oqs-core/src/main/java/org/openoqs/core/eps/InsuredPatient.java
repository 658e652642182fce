package org.openoqs.core.eps;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The patient as the prescription names them: insurance numbers (as on the 資格確認書), name and birthdate.
 *
 * @param insurerNumber               6 or 8 digits, check digit valid, no padding
 * @param insuredCardSymbol           記号, may be {@code null}
 * @param insuredIdentificationNumber 番号
 * @param insuredBranchNumber         枝番 (2 digits) or {@code null}
 * @param name                        氏名
 * @param nameKana                    カナ氏名 or {@code null}
 * @param birthdate                   生年月日
 * @param sex                         OQSCD007 code or {@code null}
 */
public record InsuredPatient(String insurerNumber, String insuredCardSymbol, String insuredIdentificationNumber,
        String insuredBranchNumber, String name, String nameKana, LocalDate birthdate, String sex) {

    public InsuredPatient {
        Objects.requireNonNull(insurerNumber, "insurerNumber");
        Objects.requireNonNull(insuredIdentificationNumber, "insuredIdentificationNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthdate, "birthdate");
    }
}
