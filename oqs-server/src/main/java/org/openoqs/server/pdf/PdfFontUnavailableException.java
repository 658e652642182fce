package org.openoqs.server.pdf;

import org.openoqs.core.error.ErrorCode;

/**
 * A PDF was asked for but the configured Japanese font cannot be used. Not the caller's fault and not a refusal:
 * the portal answers 503 with this Japanese message ({@link ErrorCode#PDF_FONT_UNUSABLE}), the log has the reason.
 */
public final class PdfFontUnavailableException extends RuntimeException {

    private final transient JapaneseFont font;

    public PdfFontUnavailableException(JapaneseFont font) {
        super(message(font));
        this.font = font;
    }

    public JapaneseFont font() {
        return font;
    }

    public ErrorCode code() {
        return ErrorCode.PDF_FONT_UNUSABLE;
    }

    /** The user's message: what failed, the reason, and what the administrator can do. */
    public static String message(JapaneseFont font) {
        return ErrorCode.PDF_FONT_UNUSABLE.message() + "（フォント: " + font.source() + "、理由: "
                + font.problem().orElse("不明") + "）";
    }
}
