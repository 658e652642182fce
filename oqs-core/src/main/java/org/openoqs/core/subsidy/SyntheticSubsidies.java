package org.openoqs.core.subsidy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openoqs.core.message.MedicalSubsidyCertificate;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Person;

/**
 * The synthetic PMH registry (docs/pmh.md): fixed 受給者証 for some personas, and for generated people a deterministic
 * share derived from their id and birthdate (no seed, no clock: the same person always has the same certificates).
 * Every number is invented in the fictitious 光野市 (prefecture code 19, 実施機関 990–999) and carries a valid check
 * digit.
 *
 * <ul>
 *   <li>{@code shaho-honnin} (山田 太郎, card P000000000000001): two — 指定難病 (法別 54) and the city's 重度心身障害者医療費助成
 *       (法別 80);</li>
 *   <li>{@code kokuho} (鈴木 一郎): ひとり親家庭等医療費助成 (法別 81), 常に償還払い;</li>
 *   <li>{@code fukusu-gaitou} (佐藤 翔太, born 2015): 小児慢性特定疾病 (法別 52) and こども医療費助成 (法別 88);</li>
 *   <li>generated people: children born on or after 2012-04-02 — こども医療費助成 for one in three; everyone else 指定難病 for
 *       about one in a hundred.</li>
 * </ul>
 */
public final class SyntheticSubsidies implements MedicalSubsidyRegistry {

    static final LocalDate FROM = LocalDate.of(2020, 4, 1);
    static final LocalDate TO = LocalDate.of(2040, 12, 31);

    public static final String NANBYO_INSURER = CheckDigit.complete("5419990");
    public static final String SHOGAI_INSURER = CheckDigit.complete("8019991");
    public static final String HITORIOYA_INSURER = CheckDigit.complete("8119992");
    public static final String SHOMAN_INSURER = CheckDigit.complete("5219993");
    public static final String KODOMO_INSURER = CheckDigit.complete("8819994");

    private final Map<String, List<MedicalSubsidyCertificate>> personas = Map.of(
            personId("shaho-honnin"), List.of(
                    new MedicalSubsidyCertificate(NANBYO_INSURER, CheckDigit.complete("990101"),
                            "特定医療費（指定難病）受給者証", "一般", "一般所得Ⅰ", 10_000, false, FROM, TO,
                            List.of("光野市立総合病院", "オープン診療所（デモ）")),
                    new MedicalSubsidyCertificate(SHOGAI_INSURER, "S0012345", "重度心身障害者医療費受給者証", "身体障害者手帳1級",
                            null, null, false, FROM, TO, List.of())),
            personId("kokuho"), List.of(
                    new MedicalSubsidyCertificate(HITORIOYA_INSURER, "H0000456", "ひとり親家庭等医療費受給者証", "親",
                            "非課税", null, true, FROM, TO, List.of())),
            personId("fukusu-gaitou"), List.of(
                    new MedicalSubsidyCertificate(SHOMAN_INSURER, CheckDigit.complete("990201"),
                            "小児慢性特定疾病医療受給者証", "重症", "一般所得Ⅱ", 5_000, false, FROM, TO,
                            List.of("光野市立総合病院")),
                    new MedicalSubsidyCertificate(KODOMO_INSURER, "K2015080", "こども医療費受給者証", "未就学",
                            null, 0, false, FROM, TO, List.of())));

    private static String personId(String persona) {
        return Personas.byKey(persona).orElseThrow().person().personId();
    }

    @Override
    public List<MedicalSubsidyCertificate> certificatesOf(Person person) {
        List<MedicalSubsidyCertificate> fixed = personas.get(person.personId());
        if (fixed != null) {
            return fixed;
        }
        if (!person.personId().startsWith("G")) {
            return List.of(); // personas and related persons without a certificate
        }
        int h = Math.floorMod(person.personId().hashCode() * 31 + person.birthdate().hashCode(), 300);
        if (person.birthdate().isAfter(LocalDate.of(2012, 4, 1))) {
            return h % 3 == 0 ? List.of(new MedicalSubsidyCertificate(KODOMO_INSURER,
                    "K" + person.personId().substring(1), "こども医療費受給者証", null, null, 0, false,
                    FROM, TO, List.of())) : List.of();
        }
        return h < 3 ? List.of(new MedicalSubsidyCertificate(NANBYO_INSURER,
                CheckDigit.complete(String.format("%06d", Math.floorMod(person.personId().hashCode(), 1_000_000))),
                "特定医療費（指定難病）受給者証", "一般", "一般所得Ⅱ", 20_000, false, FROM, TO, List.of())) : List.of();
    }
}
