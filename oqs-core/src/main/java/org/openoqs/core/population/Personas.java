package org.openoqs.core.population;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.LimitApplicationCertificateClassification;
import org.openoqs.core.code.LimitApplicationCertificateClassificationFlag;
import org.openoqs.core.code.PersonalFamilyClassification;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.ReasonOfLoss;
import org.openoqs.core.code.Sex;
import org.openoqs.core.code.SpecificDiseasesDiseaseCategory;
import org.openoqs.core.message.ElderlyRecipientCertificateInfo;
import org.openoqs.core.message.LimitApplicationCertificateRelatedInfo;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.SpecificDiseasesCertificateInfo;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;

/**
 * The built-in synthetic test personas ({@code ./oqs personas}, docs/personas.md). Hand-written, stable across
 * versions, independent of any seed. They live in a fictitious city, 山梨県光野市 (prefecture 19, which the
 * generator never uses), and their insurers' 保険者別番号 are 990–999, which the generator never uses either.
 * Every expected validity holds for confirmation dates 2020-04-01 … 2040-12-31.
 */
public final class Personas {

    /** CSV header of {@link #toCsv()}. */
    public static final String CSV_HEADER =
            "persona,insurer_number,symbol,number,branch,birthdate,name,name_kana,expected_validity,card_id,description";

    /** Start of the window in which every persona's expected validity holds. */
    public static final LocalDate VALID_FROM = LocalDate.of(2020, 4, 1);
    /** End of the window in which every persona's expected validity holds. */
    public static final LocalDate VALID_UNTIL = LocalDate.of(2040, 12, 31);

    static final InsurerNumber KUMIAI = insurer("0619990");
    static final InsurerNumber KYOKAI = insurer("0119991");
    static final InsurerNumber KYOSAI = insurer("3219992");
    static final InsurerNumber KOKUHO = insurer("19993");
    static final InsurerNumber KOUKI = insurer("3919994");
    static final InsurerNumber WELFARE = insurer("1219995");

    static final String KUMIAI_NAME = "はなみずき健康保険組合";
    static final String KYOKAI_NAME = "あおぞら健康保険協会 山梨支部";
    static final String KYOSAI_NAME = "光野市職員共済組合";
    static final String KOKUHO_NAME = "光野市国民健康保険";
    static final String KOUKI_NAME = "山梨県後期高齢者医療広域連合";
    static final String WELFARE_NAME = "光野市福祉事務所";

    private static final LocalDate START = VALID_FROM;
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private static final List<Persona> ALL = build();
    private static final Map<String, Persona> BY_KEY = index(ALL);

    private Personas() {
    }

    /** Every persona, in a fixed order. */
    public static List<Persona> all() {
        return ALL;
    }

    public static Optional<Persona> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** Every person, qualification and card the personas need (related people included, no duplicates). */
    public static SyntheticPopulation population() {
        Map<String, Person> persons = new LinkedHashMap<>();
        Map<String, Qualification> qualifications = new LinkedHashMap<>();
        List<MyNumberCard> cards = new ArrayList<>();
        for (Persona p : ALL) {
            persons.putIfAbsent(p.person().personId(), p.person());
            p.relatedPersons().forEach(r -> persons.putIfAbsent(r.personId(), r));
            p.qualifications().forEach(q -> qualifications.putIfAbsent(q.qualificationId(), q));
            p.relatedQualifications().forEach(q -> qualifications.putIfAbsent(q.qualificationId(), q));
            if (p.card() != null) {
                cards.add(p.card());
            }
        }
        return new SyntheticPopulation(new ArrayList<>(persons.values()), new ArrayList<>(qualifications.values()), cards);
    }

    /**
     * The personas as UTF-8 CSV text: header {@link #CSV_HEADER}, one row per persona, RFC 4180 quoting (a field
     * with a comma, double quote or line break is enclosed in double quotes, inner quotes doubled), LF line ends,
     * birthdate {@code yyyyMMdd}, insurer number digits without padding, empty fields for absent values.
     */
    public static String toCsv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (Persona p : ALL) {
            QualificationConfirmSearchInfo q = p.inquiry();
            Csv.row(sb, p.key(), q.insurerNumber().strip(), q.insuredCardSymbol(), q.insuredIdentificationNumber(),
                    q.insuredBranchNumber(), q.birthdate(), p.person().name(), p.person().nameKana(),
                    p.expectedValidity().code(), p.card() == null ? null : p.card().cardId(), p.description());
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ the personas

    private static List<Persona> build() {
        List<Persona> out = new ArrayList<>();

        // household 山田: 組合 本人 + 家族
        Person taro = person(1, "山田　太郎", "ヤマダ　タロウ", Sex.MALE, "1985-04-12", "青葉町2-14-7", "400-0101");
        Qualification taroQ = shaho(1, taro, KUMIAI, KUMIAI_NAME, "1201", "4501", "00", true, taro, START).build();
        Person hanako = person(2, "山田　花子", "ヤマダ　ハナコ", Sex.FEMALE, "1987-09-03", "青葉町2-14-7", "400-0101");
        Qualification hanakoQ = shaho(2, hanako, KUMIAI, KUMIAI_NAME, "1201", "4501", "01", false, taro, START).build();
        out.add(persona("shaho-honnin", "社保 本人",
                "健康保険組合の被保険者本人（枝番00）。マイナンバーカード（有効）あり。",
                taro, List.of(taroQ), card(1, taro, CardStatus.ACTIVE, "2041-04-12"),
                QualificationValidity.VALID, List.of(hanako), List.of(hanakoQ)));
        out.add(persona("shaho-kazoku", "社保 家族",
                "社保 本人（山田 太郎）の被扶養者。同じ記号・番号で枝番01。",
                hanako, List.of(hanakoQ), null, QualificationValidity.VALID, List.of(taro), List.of(taroQ)));

        Person ichiro = person(3, "鈴木　一郎", "スズキ　イチロウ", Sex.MALE, "1972-11-30", "桜台1-3-12", "400-0203");
        Qualification ichiroQ = shaho(3, ichiro, KOKUHO, KOKUHO_NAME, "07", "100234", "00", true, ichiro, START).build();
        out.add(persona("kokuho", "国保",
                "市町村国民健康保険の世帯主。保険者番号は6桁（ファイル上は先頭に空白2つ）。",
                ichiro, List.of(ichiroQ), null, QualificationValidity.VALID, List.of(), List.of()));

        Person masao = person(4, "田中　正男", "タナカ　マサオ", Sex.MALE, "1940-02-11", "緑が丘4-1-8", "400-0311");
        Qualification masaoQ = Qualification.builder().qualificationId(qid(4)).personId(masao.personId())
                .insurerNumber(KOUKI).insurerName(KOUKI_NAME)
                .insuredIdentificationNumber(CheckDigit.complete("0012345"))
                .insuredName(masao.name())
                .qualificationDate(LocalDate.of(2015, 2, 11))
                .insuredCertificateIssuanceDate(LocalDate.of(2015, 2, 11))
                .insuredCardValidDate(LocalDate.of(2015, 2, 11))
                .partialContributionRatio("010")
                .build();
        out.add(persona("kouki", "後期高齢者",
                "後期高齢者医療の被保険者（75歳以上）。記号・枝番・本人家族区分なし、一部負担金割合 1割（010）。",
                masao, List.of(masaoQ), null, QualificationValidity.VALID, List.of(), List.of()));

        Person sachiko = person(5, "高橋　幸子", "タカハシ　サチコ", Sex.FEMALE, "1953-06-15", "若葉3-9-2", "400-0204");
        Qualification sachikoQ = shaho(5, sachiko, KOKUHO, KOKUHO_NAME, "07", "100567", "00", true, sachiko, START)
                .elderlyRecipientCertificateInfo(new ElderlyRecipientCertificateInfo(LocalDate.of(2023, 7, 1),
                        LocalDate.of(2023, 7, 1), LocalDate.of(2028, 6, 14), "020"))
                .build();
        out.add(persona("kourei-jukyu", "70〜74歳 高齢受給者",
                "国保の70〜74歳, 高齢受給者証 2割（020）。証の有効期間は2023-07-01〜2028-06-14（この間の照会で返る）。",
                sachiko, List.of(sachikoQ), null, QualificationValidity.VALID, List.of(), List.of()));

        Person naoki = person(6, "伊藤　直樹", "イトウ　ナオキ", Sex.MALE, "1968-01-25", "旭町5-22-1", "400-0122");
        Qualification naokiQ = shaho(6, naoki, KUMIAI, KUMIAI_NAME, "1201", "4503", "00", true, naoki, START)
                .limitApplicationCertificateRelatedInfo(new LimitApplicationCertificateRelatedInfo(
                        LimitApplicationCertificateClassification.LIMIT, LimitApplicationCertificateClassificationFlag.A03,
                        START, START, LocalDate.of(2040, 12, 31), null))
                .build();
        out.add(persona("gendogaku", "限度額情報",
                "限度額適用認定証（区分ウ A03）を持つ組合本人。照会で限度額同意=1のときだけ限度額情報が返る。",
                naoki, List.of(naokiQ), null, QualificationValidity.VALID, List.of(), List.of()));

        Person keiko = person(7, "渡辺　恵子", "ワタナベ　ケイコ", Sex.FEMALE, "1961-10-02", "本町1-1-30", "400-0032");
        Qualification keikoQ = shaho(7, keiko, KYOKAI, KYOKAI_NAME, "19010203", "15", "00", true, keiko, START)
                .specificDiseasesCertificates(List.of(new SpecificDiseasesCertificateInfo(
                        SpecificDiseasesDiseaseCategory.CHRONIC_RENAL_FAILURE_DIALYSIS, START, START, null, "10000")))
                .build();
        out.add(persona("tokutei-shippei", "特定疾病",
                "人工透析の特定疾病療養受療証（自己負担限度額 10000円）を持つ協会本人。限度額同意=1のときだけ返る。",
                keiko, List.of(keikoQ), null, QualificationValidity.VALID, List.of(), List.of()));

        Person makoto = person(8, "中村　誠", "ナカムラ　マコト", Sex.MALE, "1979-07-07", "栄町2-5-11", "400-0045");
        Qualification makotoQ = shaho(8, makoto, KUMIAI, KUMIAI_NAME, "1201", "4504", "00", true, makoto,
                LocalDate.of(2010, 4, 1))
                .disqualificationDate(START).reasonOfLoss(ReasonOfLoss.OTHER).build();
        out.add(persona("soushitsu", "資格喪失",
                "組合の資格を2020-04-01に喪失（事由99）。その後の資格はない。",
                makoto, List.of(makotoQ), null, QualificationValidity.INVALID, List.of(), List.of()));

        Person yoko = person(9, "小林　陽子", "コバヤシ　ヨウコ", Sex.FEMALE, "1990-03-21", "富士見6-2-4", "400-0056");
        Qualification yokoOld = shaho(9, yoko, KYOKAI, KYOKAI_NAME, "19010204", "31", "00", true, yoko,
                LocalDate.of(2012, 4, 1))
                .disqualificationDate(START).reasonOfLoss(ReasonOfLoss.OTHER).build();
        Qualification yokoNew = shaho(10, yoko, KYOSAI, KYOSAI_NAME, "52", "880", "00", true, yoko, START).build();
        out.add(persona("shin-shikaku", "新しい資格あり",
                "旧資格（協会）を2020-04-01に喪失し、同日に共済の資格を取得。旧番号で照会すると旧・新の2件が返る。",
                yoko, List.of(yokoOld, yokoNew), card(2, yoko, CardStatus.ACTIVE, "2041-03-21"),
                QualificationValidity.INVALID_NEWER_EXISTS, List.of(), List.of()));

        Person daisuke = person(10, "加藤　大輔", "カトウ　ダイスケ", Sex.MALE, "1995-12-01", "中央3-3-3", "400-0011");
        out.add(new Persona("gaitou-nashi", "該当資格なし",
                "どの保険者にも登録されていない記号・番号（組合 1201-9999）。",
                daisuke, List.of(), null, inquiry("gaitou-nashi", KUMIAI, "1201", "9999", "00", daisuke.birthdate()),
                QualificationValidity.NOT_FOUND, List.of(), List.of()));

        Person kenichi = person(11, "佐藤　健一", "サトウ　ケンイチ", Sex.MALE, "1980-06-20", "東雲1-8-5", "400-0072");
        Person shota = person(12, "佐藤　翔太", "サトウ　ショウタ", Sex.MALE, "2015-08-08", "東雲1-8-5", "400-0072");
        Person misaki = person(13, "佐藤　美咲", "サトウ　ミサキ", Sex.FEMALE, "2015-08-08", "東雲1-8-5", "400-0072");
        Qualification kenichiQ = shaho(11, kenichi, KUMIAI, KUMIAI_NAME, "1201", "4502", "00", true, kenichi, START).build();
        Qualification shotaQ = shaho(12, shota, KUMIAI, KUMIAI_NAME, "1201", "4502", "01", false, kenichi, START).build();
        Qualification misakiQ = shaho(13, misaki, KUMIAI, KUMIAI_NAME, "1201", "4502", "02", false, kenichi, START).build();
        out.add(new Persona("fukusu-gaitou", "複数該当",
                "双子（同じ生年月日）の被扶養者。枝番を省略した照会は2人に該当し、\"複数該当\"として2件が返る。",
                shota, List.of(shotaQ), null, inquiry("fukusu-gaitou", KUMIAI, "1201", "4502", null, shota.birthdate()),
                QualificationValidity.MULTIPLE_MATCHES, List.of(misaki, kenichi), List.of(misakiQ, kenichiQ)));

        Person shigeru = person(14, "木村　茂", "キムラ　シゲル", Sex.MALE, "1958-05-05", "光が丘2-7-9", "400-0088");
        Qualification shigeruQ = Qualification.builder().qualificationId(qid(14)).personId(shigeru.personId())
                .insuredCardClassification(InsuredCardClassification.MEDICAL_ASSISTANCE)
                .insurerNumber(WELFARE).insurerName(WELFARE_NAME)
                .insuredIdentificationNumber(CheckDigit.complete("990101"))
                .insuredName(shigeru.name())
                .qualificationDate(START).insuredCertificateIssuanceDate(START).insuredCardValidDate(START)
                .build();
        out.add(persona("iryo-fujo", "医療扶助",
                "生活保護（医療扶助）受給者。公費負担者番号（法別12）と受給者番号で照会。医療券は未登録のため有効（未登録）。"
                        + "医療扶助の利用設定をしていない医療機関ではエラーになる。",
                shigeru, List.of(shigeruQ), null, QualificationValidity.VALID_UNREGISTERED, List.of(), List.of()));

        Person miho = person(15, "吉田　美穂", "ヨシダ　ミホ", Sex.FEMALE, "1992-08-19", "朝日町4-4-16", "400-0093");
        Qualification mihoQ = shaho(15, miho, KUMIAI, KUMIAI_NAME, "1201", "4505", "00", true, miho, START).build();
        out.add(persona("card-pin-locked", "カード 暗証番号ロック",
                "マイナンバーカードの暗証番号がロックされている（顔認証・目視確認は可）。保険資格は有効。",
                miho, List.of(mihoQ), card(3, miho, CardStatus.PIN_LOCKED, "2041-08-19"),
                QualificationValidity.VALID, List.of(), List.of()));

        Person takashi = person(16, "山口　隆", "ヤマグチ　タカシ", Sex.MALE, "1975-02-14", "松原3-10-1", "400-0105");
        Qualification takashiQ = shaho(16, takashi, KOKUHO, KOKUHO_NAME, "07", "100890", "00", true, takashi, START).build();
        out.add(persona("card-cert-expired", "カード 証明書期限切れ",
                "マイナンバーカードの電子証明書が2025-02-14に有効期限切れ。保険資格は有効（番号での照会は1）。",
                takashi, List.of(takashiQ), card(4, takashi, CardStatus.CERTIFICATE_EXPIRED, "2025-02-14"),
                QualificationValidity.VALID, List.of(), List.of()));

        Person yumiko = person(17, "松本　由美子", "マツモト　ユミコ", Sex.FEMALE, "1983-12-24", "泉町1-6-20", "400-0114");
        Qualification yumikoQ = shaho(17, yumiko, KYOKAI, KYOKAI_NAME, "19010205", "7", "00", true, yumiko, START).build();
        out.add(persona("card-cert-revoked", "カード 証明書失効",
                "マイナンバーカードの電子証明書が失効（紛失届による一時停止・失効）。保険資格は有効（番号での照会は1）。",
                yumiko, List.of(yumikoQ), card(5, yumiko, CardStatus.CERTIFICATE_REVOKED, "2038-12-24"),
                QualificationValidity.VALID, List.of(), List.of()));

        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ helpers

    /** A persona whose inquiry is built from its first (i.e. searched) qualification. */
    private static Persona persona(String key, String title, String description, Person person,
            List<Qualification> qualifications, MyNumberCard card, QualificationValidity expected,
            List<Person> related, List<Qualification> relatedQualifications) {
        Qualification q = qualifications.get(0);
        QualificationConfirmSearchInfo inquiry = inquiry(key, q.insurerNumber(), q.insuredCardSymbol(),
                q.insuredIdentificationNumber(), q.insuredBranchNumber(), person.birthdate());
        return new Persona(key, title, description, person, qualifications, card, inquiry, expected, related,
                relatedQualifications);
    }

    private static QualificationConfirmSearchInfo inquiry(String key, InsurerNumber insurer, String symbol, String number,
            String branch, LocalDate birthdate) {
        return new QualificationConfirmSearchInfo(insurer.fileForm(), symbol, number, branch, birthdate.format(YYYYMMDD),
                "1", key);
    }

    private static Qualification.Builder shaho(int id, Person p, InsurerNumber insurer, String insurerName, String symbol,
            String number, String branch, boolean self, Person insured, LocalDate from) {
        return Qualification.builder()
                .qualificationId(qid(id))
                .personId(p.personId())
                .insuredCardClassification(InsuredCardClassification.GENERAL)
                .insurerNumber(insurer)
                .insurerName(insurerName)
                .insuredCardSymbol(symbol)
                .insuredIdentificationNumber(number)
                .insuredBranchNumber(branch)
                .personalFamilyClassification(self ? PersonalFamilyClassification.INSURED_PERSON
                        : PersonalFamilyClassification.FAMILY)
                .insuredName(insured.name())
                .qualificationDate(from)
                .insuredCertificateIssuanceDate(from)
                .insuredCardValidDate(from);
    }

    private static Person person(int id, String name, String kana, Sex sex, String birthdate, String town, String post) {
        return new Person(String.format("P%09d", id), name, HalfWidthKana.of(kana), sex, LocalDate.parse(birthdate), post,
                "山梨県光野市" + town);
    }

    private static MyNumberCard card(int id, Person p, CardStatus status, String expiry) {
        return new MyNumberCard(String.format("P%015d", id), p.personId(), status, LocalDate.parse(expiry));
    }

    private static String qid(int id) {
        return String.format("PQ%08d", id);
    }

    private static InsurerNumber insurer(String body) {
        return new InsurerNumber(CheckDigit.complete(body));
    }

    private static Map<String, Persona> index(List<Persona> all) {
        Map<String, Persona> map = new LinkedHashMap<>();
        for (Persona p : all) {
            if (map.put(p.key(), p) != null) {
                throw new IllegalStateException("duplicate persona key " + p.key());
            }
        }
        return Map.copyOf(map);
    }
}
