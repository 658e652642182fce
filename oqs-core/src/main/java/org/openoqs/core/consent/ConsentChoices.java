package org.openoqs.core.consent;

import java.util.EnumSet;
import java.util.Set;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;

/** Parses the consent choices given on the command line or the reader page: {@code drug,checkup,limit}. */
public final class ConsentChoices {

    /** Every choice's name, for messages: {@code drug, checkup, …}. */
    static final String CHOICES = String.join(", ",
            java.util.Arrays.stream(ConsentCategory.values()).map(ConsentCategory::cliName).toList());

    private ConsentChoices() {
    }

    /**
     * The categories named in a comma-separated list; blank → none.
     *
     * @throws InputRejectedException {@link ErrorCode#INVALID_CONSENT_CHOICE} naming the unknown word
     */
    public static Set<ConsentCategory> parse(String list) {
        EnumSet<ConsentCategory> out = EnumSet.noneOf(ConsentCategory.class);
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String word : list.split(",")) {
            if (word.isBlank()) {
                continue;
            }
            ConsentCategory category = ConsentCategory.ofName(word).orElseThrow(() -> new InputRejectedException(
                    ErrorCode.INVALID_CONSENT_CHOICE, "不明な指定: " + shorten(word.strip())
                            + "。" + CHOICES + " から選んでください"));
            out.add(category);
        }
        return out;
    }

    private static String shorten(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(30).forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return sb.toString();
    }
}
