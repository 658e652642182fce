package org.openoqs.server.web;

import org.openoqs.server.distribution.CertificateExpiryWarnings;
import java.util.ArrayList;
import java.util.List;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.emergency.EmergencyPermissions;
import org.openoqs.server.notice.NoticeService;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * メニュー. Lists what the account's type may use; the list is a convenience only — every screen checks the role
 * on the server again ({@code PortalSecurity}).
 */
@Controller
@PortalPage
public class MenuController {

    /** One menu entry. */
    public record MenuItem(String path, String label, String description) {
    }

    private final NoticeService notices;
    private final CertificateExpiryWarnings certificateWarnings;
    private final EmergencyPermissions emergencyPermissions;

    public MenuController(NoticeService notices, CertificateExpiryWarnings certificateWarnings,
                          EmergencyPermissions emergencyPermissions) {
        this.notices = notices;
        this.certificateWarnings = certificateWarnings;
        this.emergencyPermissions = emergencyPermissions;
    }

    @GetMapping(PortalPaths.MENU)
    String menu(@AuthenticationPrincipal PortalUser user, Model model) {
        List<MenuItem> items = itemsFor(user.kind());
        if (user.kind() == AccountKind.MEDICAL_VIEWER && emergencyPermissions.has(user.institutionCode(), user.accountId())) {
            items.add(2, new MenuItem(PortalPaths.EMERGENCY, "救急時医療情報閲覧",
                    "同意を得られない救急患者の救急用サマリーを、二要素認証のうえ閲覧理由を記録して表示します。"));
        }
        model.addAttribute("items", items);
        model.addAttribute("unreadNotices", notices.unread(user.institutionCode(), user.accountId()).size());
        // the same 90/60/30/15/7-day and daily-after rule the terminal logs by (docs/certificates.md)
        model.addAttribute("certificateWarnings", certificateWarnings.forFacility(user.institutionCode()));
        return "web/menu";
    }

    static List<MenuItem> itemsFor(AccountKind kind) {
        List<MenuItem> items = new ArrayList<>();
        if (kind == AccountKind.ADMIN || kind == AccountKind.GENERAL || kind == AccountKind.MEDICAL_VIEWER) {
            items.add(new MenuItem(PortalPaths.INQUIRY, "資格確認書／処方箋で確認",
                    "保険者番号・記号・番号・枝番・生年月日で資格を確認します。"));
            items.add(new MenuItem(PortalPaths.MEDICAL, "医療情報閲覧",
                    "閲覧に同意した患者の薬剤情報・特定健診情報・診療情報を表示します。"));
        }
        if (!kind.manages().isEmpty()) {
            items.add(new MenuItem(PortalPaths.ACCOUNTS, "アカウント管理",
                    kind == AccountKind.MASTER ? "管理アカウントを作成・管理します。"
                            : "一般・医療情報閲覧・連携アプリケーション用・WebAPI用・顔認証用アカウントを作成・管理します。"));
        }
        if (kind == AccountKind.ADMIN) {
            items.add(new MenuItem(PortalPaths.SETTINGS, "環境設定", "文字コードと各サービスの利用有無を設定します。"));
            items.add(new MenuItem(org.openoqs.server.subsidy.MedicalSubsidySettingsController.PATH, "医療費助成情報",
                    "医療費助成（PMH）の受給者証情報を利用するかを設定します。"));
            items.add(new MenuItem(org.openoqs.server.homecare.HomeCareUrlPageController.PATH, "医療機関別 URL 取得・変更",
                    "マイナ在宅受付Web（訪問診療等・オンライン診療等）のURLと二次元コードを表示・変更します。"));
        }
        if (kind == AccountKind.MASTER || kind == AccountKind.ADMIN) {
            items.add(new MenuItem(PortalPaths.AUDIT, "操作履歴", "この医療機関等のログイン・操作・資格確認の履歴を表示します。"));
        }
        items.add(new MenuItem(PortalPaths.NOTICES, "お知らせ", "オンライン資格確認等システムからのお知らせを表示します。"));
        items.add(new MenuItem(PortalPaths.PASSWORD_CHANGE, "パスワード変更", "ログイン中のアカウントのパスワードを変更します。"));
        return items;
    }
}
