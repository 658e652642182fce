package org.openoqs.server.web.security;

/** The portal's URLs (the real portal lives under {@code /web/} too). */
public final class PortalPaths {

    public static final String START = "/web/";
    public static final String LOGIN = "/web/login";
    public static final String LOGOUT = "/web/logout";
    public static final String MENU = "/web/menu";
    public static final String PASSWORD_CHANGE = "/web/password/change";
    public static final String NOTICES = "/web/notices";
    public static final String ACCOUNTS = "/web/accounts";
    public static final String SETTINGS = "/web/settings";
    public static final String INQUIRY = "/web/inquiry";
    public static final String AUDIT = "/web/audit";
    public static final String MEDICAL = "/web/medical";
    /** 電子処方箋 (search, prescriptions, settings): patient data, so the same roles as {@link #MEDICAL}. */
    public static final String EPS = "/web/eps";
    /** 救急時医療情報閲覧: 医療情報閲覧 accounts with 救急時閲覧権限 after the second factor (docs/emergency-view.md). */
    public static final String EMERGENCY = "/web/emergency";
    public static final String REFUSED = "/web/refused";
    /** Style sheets: served without a certificate so that the refusal page itself is readable. */
    public static final String CSS = "/web/css/";

    private PortalPaths() {
    }

    static boolean isPublicAsset(String path) {
        return path.startsWith(CSS) || path.equals("/favicon.ico");
    }
}
