package org.openoqs.app.demo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A facility of the demo, with its own certificate, terminal (linkage agent and exchange folders), master account
 * and card reader: the clinic every command uses by default, and a hospital (病院), so that one facility can register
 * 電子カルテ情報 and another retrieve it. Both have 電子カルテ情報共有サービス switched on.
 *
 * @param key            the name {@code --facility} takes
 * @param institutionCode 10 digits, check digit valid, synthetic
 * @param name           facility name
 * @param hospital       病院 ({@code is_hospital})
 * @param prefix         prefix of its keys in demo.properties and secrets.properties ({@code ""} for the clinic, whose
 *                       keys predate the second facility, {@code "hospital."} for the hospital)
 * @param readerName     利用者名 of its reader's 顔認証用アカウント
 */
public record DemoFacility(String key, String institutionCode, String name, boolean hospital, String prefix,
                           String readerName) {

    public static final DemoFacility CLINIC = new DemoFacility("clinic", "0113810014", "オープン診療所（デモ）", false, "",
            "受付の顔認証付きカードリーダー（デモ）");
    public static final DemoFacility HOSPITAL = new DemoFacility("hospital", "0113820013", "オープン総合病院（デモ）", true,
            "hospital.", "外来受付の顔認証付きカードリーダー（デモ病院）");
    /** Every demo facility, the clinic first. */
    public static final List<DemoFacility> ALL = List.of(CLINIC, HOSPITAL);

    public static Optional<DemoFacility> ofKey(String key) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(f -> f.key.equals(k) || f.institutionCode.equals(k)).findFirst();
    }

    /** Its key in demo.properties / secrets.properties: {@code client.p12} → {@code hospital.client.p12}. */
    public String property(String name) {
        return prefix + name;
    }

    /** The master account ID of its notice (マスタアカウントの通知書). */
    public String masterUser() {
        return DemoSystem.MASTER_USER_PREFIX + institutionCode;
    }

    /** Its terminal's linkage account (連携アプリケーション用アカウント). */
    public String linkageAccount() {
        return "R0" + institutionCode;
    }
}
