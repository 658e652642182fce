package org.openoqs.server.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.emergency.EmergencyPermissions;
import org.openoqs.server.emergency.EmergencyViewing;
import org.openoqs.server.emergency.SecondFactor;
import org.openoqs.server.inquiry.InquiryService;
import org.openoqs.server.medical.MedicalInformationService;
import org.openoqs.server.notice.NoticeService;
import org.openoqs.server.security.ClientCertificateFilter;
import org.openoqs.server.web.security.PortalAccessDeniedHandler;
import org.openoqs.server.web.security.PortalLoginHandlers;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.openoqs.server.web.security.WebCertificateFilter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 操作履歴: the facility's audit entries, filtered by action, actor and period (administrators and the master). */
@Controller
@PortalPage
public class AuditViewController {

    /** Japanese names of the actions the portal offers as filters; other actions are shown by their code. */
    static final Map<String, String> ACTION_LABELS = new LinkedHashMap<>();

    static {
        ACTION_LABELS.put(AccountService.LOGIN, "ログイン");
        ACTION_LABELS.put(AccountService.LOGIN_FAILED, "ログイン失敗");
        ACTION_LABELS.put(PortalLoginHandlers.LOGOUT_ACTION, "ログアウト");
        ACTION_LABELS.put(AccountService.PASSWORD_CHANGE, "パスワード変更");
        ACTION_LABELS.put(AccountService.ACCOUNT_CREATE, "アカウント作成");
        ACTION_LABELS.put(AccountService.ACCOUNT_UNLOCK, "ロック解除");
        ACTION_LABELS.put(AccountService.ACCOUNT_PASSWORD_RESET, "パスワード再発行");
        ACTION_LABELS.put(AccountService.ACCOUNT_DISABLE, "アカウント無効化");
        ACTION_LABELS.put(AccountService.ACCOUNT_ENABLE, "アカウント有効化");
        ACTION_LABELS.put(EnvironmentSettings.ACTION, "環境設定の変更");
        ACTION_LABELS.put(ManualInquiryController.ACTION, "資格確認（画面）");
        ACTION_LABELS.put(InquiryService.ACTION, "資格確認（照会）");
        ACTION_LABELS.put(MedicalInformationService.ACTION, "医療情報の閲覧");
        ACTION_LABELS.put(EmergencyViewing.ACTION, "救急時医療情報閲覧");
        ACTION_LABELS.put(EmergencyPermissions.ACTION, "救急時閲覧権限の付与・取消");
        ACTION_LABELS.put(SecondFactor.ACTION, "二要素認証");
        ACTION_LABELS.put(PortalAccessDeniedHandler.ACTION, "権限のない操作の拒否");
        ACTION_LABELS.put(WebCertificateFilter.ACTION, "証明書による接続拒否");
        ACTION_LABELS.put(ClientCertificateFilter.ACTION, "端末API 認証拒否");
        ACTION_LABELS.put(NoticeService.PUBLISH, "お知らせ掲載");
    }

    /** One line of the table. */
    public record Line(long id, String at, String actor, String action, String actionLabel, String subject,
                       String outcome) {
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    /** Shown instead of another registered facility's institution code. */
    static final String OTHER_FACILITY = "(他の医療機関等)";
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![0-9])[0-9]{10}(?![0-9])");

    private final AuditSearch search;
    private final FacilityService facilities;

    public AuditViewController(AuditSearch search, FacilityService facilities) {
        this.search = search;
        this.facilities = facilities;
    }

    @GetMapping(PortalPaths.AUDIT)
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String action,
                @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model) {
        List<String> errors = new ArrayList<>();
        String actionFilter = blankToNull(action);
        if (actionFilter != null && !actionFilter.matches("[A-Z_]{1,64}")) {
            errors.add("操作の指定が正しくありません。");
        }
        String actorFilter = blankToNull(actor);
        if (actorFilter != null && !actorFilter.matches("[A-Za-z0-9:()]{1,64}")) {
            errors.add("操作者は半角英数字で指定してください。");
        }
        LocalDate fromDate = date(from, "期間（開始）", errors);
        LocalDate toDate = date(to, "期間（終了）", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("期間の終了日は開始日以降の日付を指定してください。");
        }
        List<Line> lines = List.of();
        if (errors.isEmpty()) {
            Map<String, Boolean> registered = new HashMap<>();
            lines = search.find(user.institutionCode(), new AuditSearch.Filter(actionFilter, actorFilter, fromDate,
                    toDate)).stream().map(e -> line(e, user.institutionCode(), registered)).toList();
        }
        model.addAttribute("errors", errors);
        model.addAttribute("lines", lines);
        model.addAttribute("maxRows", AuditSearch.MAX_ROWS);
        model.addAttribute("actions", ACTION_LABELS);
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "web/audit";
    }

    private Line line(AuditEvent e, String own, Map<String, Boolean> registered) {
        return new Line(e.id(), e.at().atZone(ServerConfig.TOKYO).format(SHOWN), e.actor(), e.action(),
                ACTION_LABELS.getOrDefault(e.action(), e.action()), withoutOtherFacilities(e.subject(), own, registered),
                withoutOtherFacilities(e.outcome(), own, registered));
    }

    /**
     * Defence in depth behind the writers (which keep other facilities' identities out of a facility's entries):
     * the institution code of any other registered facility in an entry is shown as {@value #OTHER_FACILITY}.
     */
    private String withoutOtherFacilities(String text, String own, Map<String, Boolean> registered) {
        if (text == null) {
            return null;
        }
        Matcher m = TEN_DIGITS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String code = m.group();
            boolean foreign = !code.equals(own)
                    && registered.computeIfAbsent(code, c -> facilities.find(c).isPresent());
            m.appendReplacement(out, Matcher.quoteReplacement(foreign ? OTHER_FACILITY : code));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static LocalDate date(String text, String label, List<String> errors) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.replace('/', '-'));
        } catch (DateTimeParseException e) {
            errors.add(label + "は yyyy-MM-dd の形式で指定してください。");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
