package org.openoqs.server.distribution;

import java.util.regex.Pattern;

/**
 * The name and version of a distribution package, checked before either touches a path: a component is a lower-case
 * name ({@code oqs-terminal}), a version one to four dot-separated numbers ({@code 1.2.0}).
 */
public record PackageCoordinates(String component, String version) {
    private static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9}){0,3}");

    /** @throws IllegalArgumentException with a Japanese message naming the bad value */
    public PackageCoordinates {
        if (component == null || !COMPONENT.matcher(component).matches()) {
            throw new IllegalArgumentException("コンポーネント名は英小文字で始まる英小文字・数字・ハイフン64文字以内で指定してください（指定値: "
                    + shown(component) + "）");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("バージョンは 1.2.0 のように数字をピリオドで区切って指定してください（指定値: "
                    + shown(version) + "）");
        }
    }

    @Override
    public String toString() {
        return component + " " + version;
    }

    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 30 ? clean.substring(0, 30) + "…" : clean;
    }
}
