package org.openoqs.server.distribution;

import java.util.regex.Pattern;

/** Computer names as the distribution service accepts them: a host name (letters, digits, '-', '_', '.'). */
public final class ComputerNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private ComputerNames() {
    }

    /** @throws IllegalArgumentException with a Japanese message */
    public static String require(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("コンピューター名（computerName）が指定されていません");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("コンピューター名（computerName）は半角英数字・ハイフン・ピリオド63文字以内で指定してください");
        }
        return name;
    }
}
