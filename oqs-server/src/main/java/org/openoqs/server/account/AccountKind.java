package org.openoqs.server.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The account types of the seed's chapter 8, with the hierarchy that decides who manages whom: the facility's
 * one master account creates administrator accounts; administrators create the personal accounts (general,
 * medical-information viewing) and the machine accounts (linkage app and WebAPI per terminal, face-auth per
 * reader). Only personal accounts and the master may sign in to the web portal; machine accounts authenticate
 * software.
 */
public enum AccountKind {
    MASTER("M", "マスタアカウント", true),
    ADMIN("A", "管理アカウント", true),
    GENERAL("U", "一般アカウント", true),
    MEDICAL_VIEWER("I", "医療情報閲覧アカウント", true),
    /** 連携アプリケーション用: the ID goes into OQS_LOGIN_KEY, hence R0 (the seed: "R0又はR1から始まるアカウントID"). */
    LINKAGE("R0", "連携アプリケーション用アカウント", false),
    /** WebAPI用: the other "R" series, R1. */
    WEB_API("R1", "WebAPI用アカウント", false),
    FACE_DEVICE("F", "顔認証用アカウント", false);

    private final String idPrefix;
    private final String label;
    private final boolean webLogin;

    AccountKind(String idPrefix, String label, boolean webLogin) {
        this.idPrefix = idPrefix;
        this.label = label;
        this.webLogin = webLogin;
    }

    /** Every generated ID of this kind starts with it. */
    public String idPrefix() {
        return idPrefix;
    }

    public String label() {
        return label;
    }

    /** Whether the account may sign in to the web portal (people), as opposed to authenticating software. */
    public boolean webLogin() {
        return webLogin;
    }

    /** Spring Security authority of a signed-in account of this kind. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The kinds an account of this kind may create, unlock, reset and disable. */
    public Set<AccountKind> manages() {
        return switch (this) {
            case MASTER -> EnumSet.of(ADMIN);
            case ADMIN -> EnumSet.of(GENERAL, MEDICAL_VIEWER, LINKAGE, WEB_API, FACE_DEVICE);
            default -> EnumSet.noneOf(AccountKind.class);
        };
    }

    public boolean mayManage(AccountKind other) {
        return manages().contains(other);
    }

    /** Kinds whose password must be changed by the person at first use (machines keep the issued one). */
    public boolean changesIssuedPassword() {
        return webLogin;
    }

    public static Optional<AccountKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
