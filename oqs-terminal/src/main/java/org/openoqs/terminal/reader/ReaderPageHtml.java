package org.openoqs.terminal.reader;

import java.util.Set;
import org.openoqs.core.consent.ConsentCategory;

/** The HTML of the reader page and the JSON of {@code /api/confirm}; every value from outside is escaped. */
final class ReaderPageHtml {

    private ReaderPageHtml() {
    }

    static String form(ReaderMode mode, String nonce, ReaderOutcome outcome, boolean asksPrescription) {
        return form(mode, nonce, outcome, asksPrescription, null, ReaderConsentOffer.withoutOptIns());
    }

    /**
     * @param deviceProblem the reader's failed sign-in, shown above everything else; {@code null} when none
     * @param consents      the consent choices to offer, shown in {@link ConsentCategory} order
     */
    static String form(ReaderMode mode, String nonce, ReaderOutcome outcome, boolean asksPrescription,
            ReaderOutcome deviceProblem, Set<ConsentCategory> consents) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\"><title>資格確認（マイナンバーカード）</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:42em}fieldset{margin:1em 0}")
                .append(".ok{background:#e6f4ea;padding:1em}.ng{background:#fce8e6;padding:1em}")
                .append(".mode{display:inline-block;padding:.3em 1em;color:#fff;background:")
                .append(mode == ReaderMode.UNMANNED ? "#188038" : "#777").append("}</style></head><body>")
                .append("<h1>資格情報照会（マイナンバーカード）</h1>");
        sb.append("<form method=\"post\" action=\"/mode\"><input type=\"hidden\" name=\"nonce\" value=\"").append(esc(nonce))
                .append("\">顔認証付きカードリーダー操作: <span class=\"mode\">").append(esc(mode.label())).append("</span> ")
                .append("<button name=\"mode\" value=\"").append(mode == ReaderMode.UNMANNED ? "stopped" : "unmanned")
                .append("\">").append(mode == ReaderMode.UNMANNED ? "停止する" : "無人運転にする").append("</button></form>");
        if (deviceProblem != null && deviceProblem != outcome) {
            sb.append("<div class=\"ng\" id=\"device-problem\"><p>顔認証機器のログインに失敗しています。</p><p>")
                    .append(esc(deviceProblem.message())).append("</p><p>（")
                    .append(esc(deviceProblem.errorCode().code())).append("）</p></div>");
        }
        if (outcome != null) {
            if (outcome.success() && outcome.faceFile() == null) { // 救急時: nothing about the patient is shown here
                sb.append("<div class=\"ok\" id=\"emergency-identified\"><p>救急時の本人確認を送信しました。")
                        .append("救急時医療情報閲覧の画面で救急用サマリーを表示してください。</p></div>");
            } else if (outcome.success()) {
                sb.append("<div class=\"ok\"><p>確認が完了しました。</p><p>").append(esc(outcome.personName() == null ? ""
                        : outcome.personName() + " 様")).append("（資格有効性 ")
                        .append(esc(outcome.validity() == null ? "-" : outcome.validity().label())).append("）</p><p>結果ファイル: ")
                        .append(esc(outcome.faceFile().getFileName().toString())).append("</p></div>");
            } else {
                sb.append("<div class=\"ng\"><p>").append(esc(outcome.message())).append("</p><p>（")
                        .append(esc(outcome.errorCode().code())).append("）</p></div>");
            }
        }
        sb.append("<form method=\"post\" action=\"/confirm\"><input type=\"hidden\" name=\"nonce\" value=\"")
                .append(esc(nonce)).append("\">")
                .append("<p><label>カード番号（読み取ったカード）: <input name=\"card\" required pattern=\"[A-Za-z0-9]{1,32}\"></label></p>")
                .append("<fieldset><legend>媒体</legend>")
                .append(radio("credential", "card", "マイナンバーカード", true))
                .append(radio("credential", "iphone", "iPhone", false))
                .append(radio("credential", "android", "Android", false)).append("</fieldset>")
                .append("<fieldset><legend>本人確認</legend>")
                .append(radio("method", "face", "顔認証", true)).append(" <select name=\"faceMatch\"><option value=\"ok\">一致")
                .append("</option><option value=\"ng\">不一致</option></select><br>")
                .append(radio("method", "pin", "暗証番号を入力", false))
                .append(" <input name=\"pin\" type=\"password\" inputmode=\"numeric\" maxlength=\"4\" size=\"6\"><br>")
                .append(radio("method", "visual", "目視で本人確認完了", false)).append("</fieldset>")
                .append("<fieldset><legend>情報提供の同意</legend>");
        for (ConsentCategory c : ConsentCategory.values()) {
            if (consents.contains(c)) {
                sb.append("<label><input type=\"checkbox\" name=\"consent\" value=\"").append(c.cliName())
                        .append("\"> ").append(esc(choiceLabel(c))).append("</label><br>");
            }
        }
        sb.append("</fieldset><p><label>診療区分: <select name=\"care\"><option value=\"outpatient\">外来</option>")
                .append("<option value=\"home-visit\">訪問診療等</option><option value=\"online\">オンライン診療等</option>")
                .append("</select></label></p>");
        if (asksPrescription) { // only where the facility uses 電子処方箋 and asks at confirmation (OQSCD038/039)
            sb.append("<p><label>処方箋の発行形態: <select name=\"prescription\"><option value=\"\">選択しない</option>")
                    .append("<option value=\"electronic\">電子処方箋</option><option value=\"paper\">紙の処方箋</option>")
                    .append("</select></label></p>");
        }
        sb.append("<p><label>救急時の受付番号（救急時医療情報閲覧で発行、目視確認で読み取り・同意なし）: ")
                .append("<input name=\"emergencyCode\" inputmode=\"numeric\" maxlength=\"8\" size=\"10\"></label></p>")
                .append("<p><button>確認する</button></p></form></body></html>");
        return sb.toString();
    }

    /** {@code {"ok":true,"faceFile":…,"validity":"1",…}} or {@code {"ok":false,"errorCode":…,"message":…}}. */
    static String json(ReaderOutcome o) {
        StringBuilder sb = new StringBuilder("{\"ok\":").append(o.success());
        if (o.success() && o.faceFile() == null) {
            sb.append(",\"emergencyIdentified\":true");
        } else if (o.success()) {
            sb.append(",\"faceFile\":").append(str(o.faceFile().toString()))
                    .append(",\"validity\":").append(str(o.validity() == null ? null : o.validity().code()))
                    .append(",\"qualificationValid\":").append(o.qualificationValid());
        } else {
            sb.append(",\"errorCode\":").append(str(o.errorCode().code())).append(",\"message\":").append(str(o.message()));
            if (o.remainingTries() >= 0) {
                sb.append(",\"remainingTries\":").append(o.remainingTries());
            }
        }
        return sb.append(",\"elapsedMillis\":").append(o.elapsedMillis()).append('}').toString();
    }

    /** 電子カルテ情報 is asked in the words of the 6情報 consent; the others by their name. */
    private static String choiceLabel(ConsentCategory c) {
        return c == ConsentCategory.CLINS ? "電子カルテ情報共有サービスで共有される情報の閲覧に同意する" : c.label();
    }

    private static String radio(String name, String value, String label, boolean checked) {
        return "<label><input type=\"radio\" name=\"" + name + "\" value=\"" + value + "\"" + (checked ? " checked" : "")
                + "> " + esc(label) + "</label> ";
    }

    /** Served to a GET without the launch key: says how to open the page, reveals nothing. */
    static String launchRequired() {
        return "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\"><title>カードリーダー</title></head>"
                + "<body><p id=\"launch-required\">この画面は、端末の起動時に表示されたURL（demo.properties の "
                + "reader.launch.url）から開いてください。</p></body></html>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
