package org.openoqs.core.population;

import java.util.ArrayList;
import java.util.List;

/**
 * Invented tables the generator draws names and places from. Names are common Japanese family and given names
 * with their readings; municipalities and insurers are fictitious. Given names carry an era so that a person
 * born in 1940 is not called 陽翔: {@code O} (born before 1975), {@code Y} (born 1975 or later), {@code A} any.
 */
final class NameTables {

    private NameTables() {
    }

    record Name(String kanji, String kanaHalf, char era) {
        boolean fits(int birthYear) {
            return era == 'A' || (era == 'O' ? birthYear < 1975 : birthYear >= 1975);
        }
    }

    record Prefecture(String code, String name, int postFrom, int postTo, List<String> cities) {
    }

    static final List<Name> FAMILY = parse("""
            佐藤:サトウ 鈴木:スズキ 高橋:タカハシ 田中:タナカ 伊藤:イトウ 渡辺:ワタナベ 山本:ヤマモト 中村:ナカムラ
            小林:コバヤシ 加藤:カトウ 吉田:ヨシダ 山田:ヤマダ 佐々木:ササキ 山口:ヤマグチ 松本:マツモト 井上:イノウエ
            木村:キムラ 林:ハヤシ 斎藤:サイトウ 清水:シミズ 山崎:ヤマザキ 森:モリ 池田:イケダ 橋本:ハシモト
            阿部:アベ 石川:イシカワ 山下:ヤマシタ 中島:ナカジマ 石井:イシイ 小川:オガワ 前田:マエダ 岡田:オカダ
            長谷川:ハセガワ 藤田:フジタ 後藤:ゴトウ 近藤:コンドウ 村上:ムラカミ 遠藤:エンドウ 青木:アオキ 坂本:サカモト
            福田:フクダ 太田:オオタ 西村:ニシムラ 藤井:フジイ 岡本:オカモト 藤原:フジワラ 金子:カネコ 中野:ナカノ
            三浦:ミウラ 原田:ハラダ 中川:ナカガワ 松田:マツダ 竹内:タケウチ 小野:オノ 田村:タムラ 中山:ナカヤマ
            和田:ワダ 石田:イシダ 森田:モリタ 上田:ウエダ 原:ハラ 柴田:シバタ 酒井:サカイ 工藤:クドウ 宮崎:ミヤザキ
            """, 'A');

    static final List<Name> MALE = parse("""
            太郎:タロウ:A 一郎:イチロウ:A 健太:ケンタ:Y 翔太:ショウタ:Y 大輔:ダイスケ:Y 拓也:タクヤ:Y 直樹:ナオキ:A
            和也:カズヤ:A 達也:タツヤ:A 健一:ケンイチ:A 誠:マコト:A 浩:ヒロシ:O 隆:タカシ:O 清:キヨシ:O 茂:シゲル:O
            勇:イサム:O 博:ヒロシ:O 実:ミノル:O 進:ススム:O 正:タダシ:O 豊:ユタカ:O 修:オサム:O 明:アキラ:A
            学:マナブ:A 聡:サトシ:A 剛:ツヨシ:A 悠真:ユウマ:Y 陽翔:ハルト:Y 蓮:レン:Y 湊:ミナト:Y 大翔:ヒロト:Y
            颯太:ソウタ:Y 悠斗:ユウト:Y 陸:リク:Y 樹:イツキ:Y 蒼:アオイ:Y 海斗:カイト:Y 翼:ツバサ:Y 駿:シュン:Y
            亮:リョウ:A 涼介:リョウスケ:Y 健二:ケンジ:A 信夫:ノブオ:O 義雄:ヨシオ:O 正男:マサオ:O 秀樹:ヒデキ:A
            昭夫:アキオ:O 幸一:コウイチ:O 洋平:ヨウヘイ:Y 圭介:ケイスケ:Y 俊介:シュンスケ:Y 康弘:ヤスヒロ:A
            智也:トモヤ:Y 雄大:ユウダイ:Y 将太:ショウタ:Y 光:ヒカル:A 渉:ワタル:A 伸也:シンヤ:A 英二:エイジ:O
            文雄:フミオ:O 勝:マサル:O 三郎:サブロウ:O
            """, 'A');

    static final List<Name> FEMALE = parse("""
            花子:ハナコ:A 陽子:ヨウコ:O 恵子:ケイコ:O 幸子:サチコ:O 和子:カズコ:O 洋子:ヨウコ:O 節子:セツコ:O
            京子:キョウコ:O 久美子:クミコ:O 由美子:ユミコ:O 裕子:ユウコ:A 真由美:マユミ:A 明美:アケミ:A 直美:ナオミ:A
            美穂:ミホ:A 愛:アイ:Y 彩:アヤ:Y 舞:マイ:Y 麻衣:マイ:Y 沙織:サオリ:Y 香織:カオリ:A 恵:メグミ:A 愛子:アイコ:A
            美咲:ミサキ:Y 優花:ユウカ:Y 陽菜:ヒナ:Y 結衣:ユイ:Y 葵:アオイ:Y さくら:サクラ:Y 凛:リン:Y 芽依:メイ:Y
            結菜:ユイナ:Y 紬:ツムギ:Y 杏:アン:Y 莉子:リコ:Y 美結:ミユ:Y 楓:カエデ:Y 彩花:アヤカ:Y 千尋:チヒロ:A
            遥:ハルカ:Y 七海:ナナミ:Y 真央:マオ:Y 奈々:ナナ:Y 由香:ユカ:A 智子:トモコ:A 典子:ノリコ:O 悦子:エツコ:O
            文子:フミコ:O 静江:シズエ:O 千代:チヨ:O 君子:キミコ:O 初江:ハツエ:O 信子:ノブコ:O 紀子:ノリコ:A
            早紀:サキ:Y 友美:トモミ:A 理恵:リエ:A 絵美:エミ:A 瞳:ヒトミ:A 弥生:ヤヨイ:A 春江:ハルエ:O
            """, 'A');

    /** Real prefecture codes and names; every municipality is invented. */
    static final List<Prefecture> PREFECTURES = List.of(
            new Prefecture("01", "北海道", 40, 99, List.of("白樺市", "雪原町", "北辰市")),
            new Prefecture("04", "宮城県", 981, 989, List.of("青葉野市", "七森町", "松風市")),
            new Prefecture("11", "埼玉県", 330, 369, List.of("小鳩市", "荒川野市", "桜沢町")),
            new Prefecture("13", "東京都", 180, 208, List.of("武蔵丘市", "若葉台市", "緑川市")),
            new Prefecture("14", "神奈川県", 210, 259, List.of("湘浜市", "港北野市", "相模丘市")),
            new Prefecture("23", "愛知県", 440, 498, List.of("尾張野市", "三河浜市", "東桜町")),
            new Prefecture("26", "京都府", 600, 629, List.of("北山野市", "鴨川台市", "宇治丘町")),
            new Prefecture("27", "大阪府", 530, 599, List.of("浪速野市", "泉浜市", "北摂台市")),
            new Prefecture("34", "広島県", 720, 739, List.of("瀬戸浜市", "安芸野市", "鞆川町")),
            new Prefecture("40", "福岡県", 800, 839, List.of("博多野市", "筑紫丘市", "玄界町")),
            new Prefecture("47", "沖縄県", 900, 907, List.of("珊瑚市", "若夏町", "美ら浜市")));

    /** Relative population weight of each prefecture above (same order). */
    static final int[] PREFECTURE_WEIGHTS = {5, 2, 7, 14, 9, 8, 3, 9, 3, 5, 2};

    static final List<String> TOWNS = List.of(
            "青葉町", "桜台", "緑が丘", "若葉", "旭町", "本町", "栄町", "富士見", "中央", "東雲",
            "光が丘", "朝日町", "松原", "泉町", "柳町", "港町", "宮前", "新町", "北野", "南台");

    /** Invented 健康保険組合 (法別06) names. */
    static final List<String> KUMIAI = List.of(
            "さくら電機健康保険組合", "あさひ精工健康保険組合", "みどり化学健康保険組合", "ひかり通信健康保険組合",
            "つばさ運輸健康保険組合", "なぎさ食品健康保険組合", "やまびこ建設健康保険組合", "こもれび製薬健康保険組合",
            "しらかば商事健康保険組合", "ほしぞら情報健康保険組合", "かえで自動車健康保険組合", "すずかけ百貨店健康保険組合",
            "いちょう銀行健康保険組合", "もみじ印刷健康保険組合", "たちばな紡績健康保険組合", "わかば製作所健康保険組合",
            "ことぶき保険健康保険組合", "あかね重工健康保険組合", "はやぶさ航空健康保険組合", "うみかぜ水産健康保険組合");

    /** Invented 共済組合 names by 法別 (31 国家公務員, 32 地方公務員, 33 警察, 34 私学). */
    static final List<String[]> KYOSAI = List.of(
            new String[] {"31", "国土未来省共済組合"},
            new String[] {"31", "文化振興省共済組合"},
            new String[] {"32", "武蔵丘市職員共済組合"},
            new String[] {"32", "湘浜市職員共済組合"},
            new String[] {"33", "警察職員みらい共済組合"},
            new String[] {"34", "さくら学園教職員共済"});

    private static List<Name> parse(String table, char defaultEra) {
        List<Name> out = new ArrayList<>();
        for (String token : table.strip().split("\\s+")) {
            String[] parts = token.split(":");
            char era = parts.length > 2 ? parts[2].charAt(0) : defaultEra;
            out.add(new Name(parts[0], HalfWidthKana.of(parts[1]), era));
        }
        return List.copyOf(out);
    }
}
