package org.openoqs.core.medical;

import java.util.List;
import org.openoqs.core.number.CheckDigit;

/**
 * Conditions, facilities, 診療行為 and 特定健診 items of the synthetic histories. Names are real Japanese medical
 * terms; codes are synthetic unless said otherwise; facilities are fictitious and live in the personas' city
 * (prefecture code 19, which the population generator never uses), with check-digit-valid codes.
 */
final class CareCatalog {

    /** A chronic condition: its diagnosis, who tends to have it, and the drugs it is treated with. */
    record Condition(String diagnosisCode, String diagnosisName, int minAge, int percent, List<DrugCatalog.Drug> drugs) {
    }

    /** A short illness treated for a few days. */
    record Episode(String diagnosisCode, String diagnosisName, int days, List<DrugCatalog.Drug> drugs) {
    }

    record Facility(String code, String name) {
    }

    static final List<Condition> CONDITIONS = List.of(
            new Condition("8833421", "高血圧症", 40, 30, List.of(DrugCatalog.AMLODIPINE, DrugCatalog.TELMISARTAN)),
            new Condition("2720004", "脂質異常症", 40, 22, List.of(DrugCatalog.ROSUVASTATIN)),
            new Condition("2500015", "２型糖尿病", 45, 12, List.of(DrugCatalog.METFORMIN, DrugCatalog.SITAGLIPTIN)),
            new Condition("5301006", "逆流性食道炎", 30, 8, List.of(DrugCatalog.LANSOPRAZOLE)),
            new Condition("3071003", "不眠症", 30, 5, List.of(DrugCatalog.ZOLPIDEM)),
            new Condition("4779001", "アレルギー性鼻炎", 6, 12, List.of(DrugCatalog.FEXOFENADINE)),
            new Condition("4939004", "気管支喘息", 6, 4, List.of(DrugCatalog.MONTELUKAST)));

    static final List<Episode> EPISODES = List.of(
            new Episode("4659007", "急性上気道炎", 5, List.of(DrugCatalog.ACETAMINOPHEN, DrugCatalog.CARBOCISTEINE)),
            new Episode("4660002", "急性気管支炎", 5, List.of(DrugCatalog.AMOXICILLIN, DrugCatalog.CARBOCISTEINE)),
            new Episode("7245004", "腰痛症", 7, List.of(DrugCatalog.LOXOPROFEN, DrugCatalog.LOXOPROFEN_TAPE, DrugCatalog.REBAMIPIDE)),
            new Episode("7061001", "皮脂欠乏性湿疹", 14, List.of(DrugCatalog.HEPARINOID)),
            new Episode("5350001", "急性胃炎", 7, List.of(DrugCatalog.FAMOTIDINE)));

    record Operation(String code, String name, int minAge) {
    }

    static final List<Operation> OPERATIONS = List.of(
            new Operation("K282", "水晶体再建術（眼内レンズを挿入する場合）", 55),
            new Operation("K672-2", "腹腔鏡下胆嚢摘出術", 40),
            new Operation("K721", "内視鏡的大腸ポリープ・粘膜切除術", 45));

    static final List<Facility> CLINICS = List.of(
            facility("191011001", "光野内科クリニック"),
            facility("191011012", "あおば総合診療所"),
            facility("191011023", "さくら台ファミリークリニック"));
    static final List<Facility> PHARMACIES = List.of(
            facility("194014001", "みどり薬局 光野店"),
            facility("194014012", "ひまわり調剤薬局"));
    static final Facility HOSPITAL = facility("191011034", "光野市立病院");
    static final String CHECKUP_INSTITUTION = "光野市健康づくりセンター";

    /** 診療行為 of an ordinary follow-up visit (synthetic 9-digit codes). */
    static final List<MedicalService> FOLLOW_UP_VISIT = List.of(
            new MedicalService("190000110", "再診料", 1),
            new MedicalService("190000120", "外来管理加算", 1),
            new MedicalService("190000210", "処方箋料（その他）", 1),
            new MedicalService("190000220", "特定疾患処方管理加算", 1));
    static final List<MedicalService> FIRST_VISIT = List.of(
            new MedicalService("190000100", "初診料", 1),
            new MedicalService("190000210", "処方箋料（その他）", 1));

    /**
     * OID of the 特定健診 item code system as it appears in check-up data (the codes below are JLAC10-style
     * 17-character codes; both are given for realism and are not used to interpret anything).
     */
    static final String CHECKUP_ITEM_OID = "1.2.392.200119.6.1005";

    private CareCatalog() {
    }

    private static Facility facility(String body, String name) {
        return new Facility(CheckDigit.complete(body), name);
    }
}
