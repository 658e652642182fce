package org.openoqs.core.population;

/**
 * Converts katakana (or hiragana) to the half-width katakana used by {@code NameKana}: voiced sounds become a
 * base character plus ﾞ/ﾟ, the full-width space becomes a half-width space.
 */
final class HalfWidthKana {

    private static final String FULL =
            "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォッャュョー・ヮヰヱ";
    private static final String HALF =
            "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｯｬｭｮｰ･ﾜｲｴ";
    private static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
    private static final String VOICED_BASE = "カキクケコサシスセソタチツテトハヒフヘホ";
    private static final String SEMI_VOICED = "パピプペポ";
    private static final String SEMI_VOICED_BASE = "ハヒフヘホ";

    private HalfWidthKana() {
    }

    /** Half-width form of a kana string; characters that are not kana are copied unchanged. */
    public static String of(String kana) {
        StringBuilder sb = new StringBuilder(kana.length() + 4);
        for (int i = 0; i < kana.length(); i++) {
            char c = kana.charAt(i);
            if (c >= '\u3041' && c <= '\u3096') {
                c = (char) (c + 0x60); // hiragana → katakana
            }
            int idx;
            if (c == '\u3000') {
                sb.append(' ');
            } else if ((idx = FULL.indexOf(c)) >= 0) {
                sb.append(HALF.charAt(idx));
            } else if ((idx = VOICED.indexOf(c)) >= 0) {
                sb.append(HALF.charAt(FULL.indexOf(VOICED_BASE.charAt(idx)))).append('ﾞ');
            } else if ((idx = SEMI_VOICED.indexOf(c)) >= 0) {
                sb.append(HALF.charAt(FULL.indexOf(SEMI_VOICED_BASE.charAt(idx)))).append('ﾟ');
            } else if (c == 'ヴ') {
                sb.append("ｳﾞ");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True when every character is half-width katakana (U+FF61–U+FF9F) or an ASCII space. */
    public static boolean isHalfWidth(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == ' ' || (c >= '\uFF61' && c <= '\uFF9F'))) {
                return false;
            }
        }
        return true;
    }
}
