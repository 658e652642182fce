package org.openoqs.core.card;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the patient presents at the reader: the My Number Card itself, or the card's 利用者証明用電子証明書 carried
 * by a smartphone (スマホ用電子証明書). A smartphone is a second credential of the same person with its own key and
 * certificate; a facility accepts it only when it opted in (環境設定「スマホによる本人確認」).
 */
public enum CredentialKind {
    MY_NUMBER_CARD("card", "マイナンバーカード"),
    SMARTPHONE_ANDROID("android", "スマートフォン（Android）"),
    SMARTPHONE_IPHONE("iphone", "スマートフォン（iPhone）");

    private final String cliName;
    private final String label;

    CredentialKind(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    /** The short name used on the command line, in JSON and in the reader page. */
    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    public boolean isSmartphone() {
        return this != MY_NUMBER_CARD;
    }

    /** Looks up {@code card}, {@code android} or {@code iphone} (case-insensitive), or an enum name. */
    public static Optional<CredentialKind> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.cliName.equals(n) || k.name().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }
}
